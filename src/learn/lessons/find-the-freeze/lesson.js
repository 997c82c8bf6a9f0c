// Finding the freeze in Node: V8's sampling profiler, through the inspector module (the same as
// node --cpu-prof or Chrome's Performance tab), counts where the thread was at each sample.
// node lesson.js [BASE_URL] [MS]
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const inspector = require('node:inspector');

function packForDisk(text) {
  let data = Buffer.from(text);
  for (let round = 0; round < 3; ++round)
    data = zlib.deflateSync(data, { level: 9 });
  return data;
}

function keepBackupCopy(data) {
  fs.writeFileSync(path.join(os.tmpdir(), 'notes-backup.z'), data);
  // JavaScript cannot sleep: this polls until the sync service has the copy.
  const synced = Date.now() + 800;
  while (Date.now() < synced) { }
}

function save(text) {
  const packed = packForDisk(text);
  keepBackupCopy(packed);
  return packed.length;
}

const session = new inspector.Session();
session.connect();
session.post('Profiler.enable', () => session.post('Profiler.start', () => {
  save('Milk, eggs, flour, butter.\n'.repeat(2000));
  session.post('Profiler.stop', (error, { profile }) => {
    // samples per function of this file
    const hits = new Map();
    for (const node of profile.nodes) {
      if (node.callFrame.url.endsWith('lesson.js') && node.callFrame.functionName)
        hits.set(node.callFrame.functionName, (hits.get(node.callFrame.functionName) ?? 0) + node.hitCount);
    }
    const [name, count] = [...hits].sort((a, b) => b[1] - a[1])[0];
    const all = profile.samples.length;
    console.log(`the profiler found ${name} in ${Math.round(count / all * 100)}% of ${all} samples`);
    console.log(`the freeze was in ${name}`);
  });
}));
