// The main thread waits for an answer only its own event loop can deliver.
// node lesson.js [BASE_URL] [MS]
const timeoutMs = Number(process.argv[3] ?? 1500);

// The trap: ask the loop, then block the loop's thread until the answer is there.
const answer = new Int32Array(new SharedArrayBuffer(4));
let start = performance.now();
setTimeout(() => Atomics.store(answer, 0, 1)); // runs only when the loop runs
const result = Atomics.wait(answer, 0, 0, timeoutMs); // the loop cannot run while we wait here
console.log(`waiting: the timeout gave up after ${Math.round(performance.now() - start)} ms` +
            ` (Atomics.wait said "${result}")`);

// The fix: ask, and let the loop call back.
setTimeout(async () => {
  start = performance.now();
  await new Promise(resolve => setTimeout(resolve));
  console.log(`awaiting: the answer came after ${Math.round(performance.now() - start)} ms`);
}, 10);
