// Loaded into each permit worker by the open-files benchmark (NODE_OPTIONS=--require, which also
// reaches worker threads), never by the app. On SIGUSR2 every V8 isolate of the process (the main
// thread and the SDK's workflow thread, which holds the cached workflows) runs a full garbage
// collection and reports its heap before and after; the main thread writes them to
// OPEN_FILES_HEAP_PROBE_DIR/<pid>.json. This tells live memory from garbage not yet collected.
const { writeFileSync } = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
const { BroadcastChannel, isMainThread, threadId } = require('node:worker_threads');

const dir = process.env.OPEN_FILES_HEAP_PROBE_DIR;
if (dir) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const collect = () => {
    const before = v8.getHeapStatistics().used_heap_size;
    gc();
    const after = v8.getHeapStatistics();
    return { threadId, usedBefore: before, usedAfter: after.used_heap_size, external: after.external_memory };
  };
  const channel = new BroadcastChannel('open-files-heap-probe');
  channel.unref();
  if (isMainThread) {
    const answers = [];
    channel.onmessage = ({ data }) => {
      if (data.kind === 'heap') answers.push(data.heap);
    };
    process.on('SIGUSR2', () => {
      answers.length = 0;
      answers.push(collect());
      channel.postMessage({ kind: 'collect' });
      // The workflow thread answers between its activations; a second is plenty when idle.
      setTimeout(() => {
        const file = path.join(dir, `${process.pid}.json`);
        writeFileSync(
          file,
          JSON.stringify({ at: Date.now(), rss: process.memoryUsage().rss, isolates: answers }),
        );
      }, 2_000);
    });
  } else {
    channel.onmessage = ({ data }) => {
      if (data.kind === 'collect') channel.postMessage({ kind: 'heap', heap: collect() });
    };
  }
}
