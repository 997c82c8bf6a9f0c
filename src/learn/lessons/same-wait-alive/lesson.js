// await fetch(): the event loop runs on while the answer is on its way.
// node lesson.js http://127.0.0.1:PORT [MS]
const base = process.argv[2];
const ms = Number(process.argv[3] ?? 2000);

let last = performance.now();
let longestGap = 0;
const heartbeat = setInterval(() => {
  const now = performance.now();
  longestGap = Math.max(longestGap, now - last);
  last = now;
}, 10);

async function main() {
  const start = performance.now();
  const reply = await fetch(`${base}/delay/${ms}`); // the loop is free while this waits
  await reply.text();
  const took = performance.now() - start;
  clearInterval(heartbeat);
  console.log(`the fetch took ${(took / 1000).toFixed(1)} s`);
  console.log(`the heartbeat kept beating: its longest gap was ${Math.round(longestGap)} ms`);
}

main();
