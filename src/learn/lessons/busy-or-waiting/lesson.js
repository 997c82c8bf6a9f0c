// Two freezes of Node's one thread: one waiting for the server, one computing.
// process.cpuUsage() tells them apart: CPU time against wall time.
// node lesson.js http://127.0.0.1:PORT [MS]
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');

const base = process.argv[2];
const ms = Number(process.argv[3] ?? 1000);

function measure(name, work) {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  work();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const share = Math.min(100, Math.round((cpu.user + cpu.system) / 1000 / wall * 100));
  console.log(`${name}: frozen for ${Math.round(wall)} ms, on a CPU ${share}% of it`);
}

// A child process (curl) does the fetch; this thread sleeps until it ends.
measure('waiting', () =>
  execFileSync('curl', ['-sS', '--fail', `${base}/delay/${ms}`]));
measure('computing', () => {
  const end = performance.now() + ms;
  let data = Buffer.alloc(4096);
  while (performance.now() < end) data = createHash('sha256').update(data).digest();
});
