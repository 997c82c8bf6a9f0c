// One thread, and still a race: read, await, write back, and another task ran in between.
// node lesson.js [BASE_URL] [MS]
const tick = () => new Promise(resolve => setImmediate(resolve));

let counter = 0;
async function addUnprotected(times) {
  for (let i = 0; i < times; ++i) {
    const value = counter;
    await tick(); // e.g. a database call: other tasks run here
    counter = value + 1;
  }
}

// A lock as a promise chain: each task waits for the one before.
let lockedCounter = 0;
let queue = Promise.resolve();
function withLock(work) {
  const run = queue.then(work);
  queue = run.catch(() => {});
  return run;
}
async function addLocked(times) {
  for (let i = 0; i < times; ++i) {
    await withLock(async () => {
      const value = lockedCounter;
      await tick();
      lockedCounter = value + 1;
    });
  }
}

async function main() {
  await Promise.all([1, 2, 3, 4].map(() => addUnprotected(1000)));
  console.log(`without a lock: ${counter} of 4000 (${4000 - counter} updates lost)`);
  await Promise.all([1, 2, 3, 4].map(() => addLocked(1000)));
  console.log(`with a lock: ${lockedCounter} of 4000`);
}

main();
