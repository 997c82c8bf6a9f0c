// Node's event loop runs one callback at a time: a due timer waits for a long one to return.
// node lesson.js [BASE_URL] [MS]
const ms = Number(process.argv[3] ?? 300);

const due = performance.now() + 10;
setTimeout(() => {
  const late = performance.now() - due;
  console.log(`the 10 ms timer ran ${Math.round(late)} ms late` +
              (late > ms / 2 ? ': it waited in the queue until the handler returned' : ''));
}, 10);

// A "click handler" doing ms of work on the loop's only thread.
setImmediate(() => {
  const end = performance.now() + ms;
  while (performance.now() < end) { }
  console.log(`the handler ran for ${ms} ms`);
});
