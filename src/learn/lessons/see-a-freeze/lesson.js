// A blocking wait on Node's one thread: the heartbeat timer cannot run until it ends.
// node lesson.js http://127.0.0.1:PORT [MS]
const { execFileSync } = require('node:child_process');

const base = process.argv[2];
const ms = Number(process.argv[3] ?? 2000);

// The heartbeat: a 10 ms timer that notes the longest gap between two of its ticks.
let last = performance.now();
let longestGap = 0;
const heartbeat = setInterval(() => {
  const now = performance.now();
  longestGap = Math.max(longestGap, now - last);
  last = now;
}, 10);

setTimeout(() => {
  const start = performance.now();
  // Node has no blocking fetch; waiting for a child process (curl) blocks the same way.
  execFileSync('curl', ['-sS', '--fail', `${base}/delay/${ms}`]);
  const took = performance.now() - start;
  setTimeout(() => {
    clearInterval(heartbeat);
    console.log(`the blocking fetch took ${(took / 1000).toFixed(1)} s`);
    console.log(`the heartbeat stopped for ${(longestGap / 1000).toFixed(1)} s` +
                (longestGap > 0.75 * took ? ': the whole wait' : ''));
  }, 50);
}, 50);
