// 20 fetches two ways: a worker thread per blocking wait, and awaits on the event loop.
// node lesson.js http://127.0.0.1:PORT [MS]
const { Worker } = require('node:worker_threads');

const base = process.argv[2];
const ms = Number(process.argv[3] ?? 500);
const url = `${base}/delay/${ms}`;

// Node has no blocking fetch: each worker thread sleeps in Atomics.wait until its answer has
// come, as a thread blocked in a socket read would. A thread per wait.
const waiter = `
const { workerData: flag, parentPort } = require('node:worker_threads');
parentPort.postMessage('blocked');
Atomics.wait(flag, 0, 0); // this thread does nothing until the flag is set
`;

function threadPerWait() {
  return new Promise(resolve => {
    let blocked = 0, peak = 0, exited = 0;
    for (let i = 0; i < 20; ++i) {
      const flag = new Int32Array(new SharedArrayBuffer(4));
      const worker = new Worker(waiter, { eval: true, workerData: flag });
      worker.on('message', async () => {
        peak = Math.max(peak, ++blocked);
        await (await fetch(url)).text();
        --blocked;
        Atomics.store(flag, 0, 1);
        Atomics.notify(flag, 0); // wakes the waiting thread
      });
      worker.on('exit', () => { if (++exited === 20) resolve(peak); });
    }
  });
}

async function onEventLoop() {
  await Promise.all(Array.from({ length: 20 }, async () => (await fetch(url)).text()));
  return 0; // no thread waited: the loop was told when each answer came
}

async function main() {
  console.log(`with a thread per fetch: ${await threadPerWait()} threads blocked at the peak`);
  console.log(`on the event loop: ${await onEventLoop()} threads blocked`);
}

main();
