// 20 fetches, at most 6 at a time: Node sets no limit by itself, so six workers share a queue.
// node lesson.js http://127.0.0.1:PORT [MS]
const base = process.argv[2];
const ms = Number(process.argv[3] ?? 1000);
const urls = Array.from({ length: 20 }, () => `${base}/delay/${ms}`);

async function worker(queue) {
  for (let url = queue.shift(); url; url = queue.shift())
    await (await fetch(url)).text();
}

async function main() {
  await (await fetch(`${base}/delay/0`)).text(); // the first fetch also loads Node's HTTP client
  const start = performance.now();
  const queue = [...urls];
  await Promise.all(Array.from({ length: 6 }, () => worker(queue)));
  const took = performance.now() - start;
  console.log(`20 fetches, at most 6 at a time: ${(took / 1000).toFixed(1)} s in all, ` +
              `${Math.round(took / ms)} rounds of ${ms} ms`);
}

main();
