// Five fetches awaited one after another, then started all at once with Promise.all.
// node lesson.js http://127.0.0.1:PORT [MS]
const base = process.argv[2];
const ms = Number(process.argv[3] ?? 1000);
const get = async url => (await fetch(url)).text();

async function timed(work) {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function main() {
  const url = `${base}/delay/${ms}`;
  await get(`${base}/delay/0`); // the first fetch also loads Node's HTTP client: not timed
  const serial = await timed(async () => {
    for (let i = 0; i < 5; ++i)
      await get(url); // no freeze, but each waits for the one before
  });
  const together = await timed(() => Promise.all(Array.from({ length: 5 }, () => get(url))));
  const waits = t => Math.round(t / ms);
  console.log(`one after another: ${(serial / 1000).toFixed(1)} s = ${waits(serial)} waits`);
  console.log(`all at once: ${(together / 1000).toFixed(1)} s = ${waits(together)} wait`);
}

main();
