// A fast producer and a slow consumer, joined by a Writable stream: ignoring write()'s answer
// queues everything; waiting for 'drain' keeps the queue at the stream's highWaterMark.
// node lesson.js [BASE_URL] [MS]
const { Writable } = require('node:stream');
const { once } = require('node:events');

const MiB = 1 << 20;
const chunk = 64 * 1024;
const total = 16 * MiB;

function slowConsumer() {
  // takes about 1 ms per 64 KiB chunk
  return new Writable({ write(data, encoding, done) { setTimeout(done, 1); } });
}

async function produce(name, respectBackpressure) {
  const sink = slowConsumer();
  let peak = 0;
  for (let sent = 0; sent < total; sent += chunk) {
    const ok = sink.write(Buffer.alloc(chunk));
    peak = Math.max(peak, sink.writableLength);
    if (!ok && respectBackpressure)
      await once(sink, 'drain'); // the producer waits for the consumer
  }
  sink.end();
  await once(sink, 'finish');
  console.log(`${name}: the queue held up to ${(peak / MiB).toFixed(1)} MiB of ${total / MiB} MiB`);
}

produce('unbounded', false).then(() => produce('bounded', true));
