import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPool } from '../src/db/pool.js';
import { type DrillStack, startDrillStack } from './drills/drillStack.js';
import { newTally, submitFiles } from './drills/drillTraffic.js';
import { LATER_TYPE, SOON_TYPE, writeOpenFilesCatalog } from './openFilesCatalog.js';
import {
  checkpointFigures,
  checkpointsRecorded,
  databaseSizes,
  historyFigures,
  noticeBacklog,
  runningWorkflows,
  temporalDatabaseUrl,
} from './openFilesFigures.js';
import {
  folderBytes,
  heapProbeOptions,
  type MemoryTarget,
  memoryNow,
  probeHeaps,
  sampleMemory,
} from './openFilesMemory.js';
import { printReport } from './openFilesReport.js';

/**
 * `npm run bench:open-files`: the cluster shape (the fault drills' stack) holding N open files
 * with live SLA timers. Loads the files through the API's intake, lets a share of them reach a
 * checkpoint in the minute after loading, and reports memory, disk and history per open file,
 * checkpoint lateness and an exactly-once count, with PASS/FAIL per target. See
 * docs/benchmarks.md, "Open files with live SLA timers".
 */
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '20000' },
    'soon-share': { type: 'string', default: '0.1' },
    'soon-after-s': { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '16' },
    batch: { type: 'string', default: '1000' },
    'worker-cache': { type: 'string' },
    'app-node-options': { type: 'string' },
    'timeout-minutes': { type: 'string', default: '90' },
  },
});
const files = Number(values.files);
const soonCount = Math.round(files * Number(values['soon-share']));
const soonAfterS = Number(values['soon-after-s']);
const concurrency = Number(values.concurrency);
const batch = Number(values.batch);
const workerCache = values['worker-cache'];
// Node/V8 flags for every app role of the run (e.g. --max-semi-space-size=4), to try settings.
const appNodeOptions = values['app-node-options'];
const whole = (n: number) => Number.isInteger(n) && n >= 1;
if (![files, concurrency, batch, soonAfterS].every(whole) || soonCount < 1 || soonCount > files) {
  console.error(
    'Usage: bench:open-files [--files N] [--soon-share 0.1] [--soon-after-s 60] [--concurrency 16] ' +
      '[--batch 1000] [--worker-cache N] [--app-node-options FLAGS] [--timeout-minutes 90]',
  );
  process.exit(2);
}
const log = (m: string) => console.log(`[open-files ${new Date().toISOString().slice(11, 19)}] ${m}`);
const giveUp = setTimeout(() => {
  console.log(`FAIL: the benchmark did not finish within ${values['timeout-minutes']} minutes`);
  process.exit(1);
}, Number(values['timeout-minutes']) * 60_000);

const phases: { name: string; seconds: number }[] = [];
async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  log(`${name} …`);
  const result = await run();
  const seconds = (Date.now() - t0) / 1000;
  phases.push({ name, seconds });
  log(`${name}: ${seconds.toFixed(1)} s`);
  return result;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const scratch = await mkdtemp(path.join(os.tmpdir(), 'perizinan-open-files-'));
const catalogPath = await writeOpenFilesCatalog(scratch, soonAfterS);
log(
  `${files} files: ${files - soonCount} ${LATER_TYPE} (checkpoints in hours), then ${soonCount} ${SOON_TYPE} ` +
    `(reminder ${soonAfterS} s after intake); permit workers' cached workflows: ${workerCache ?? 'the app default'}` +
    (appNodeOptions ? `; app roles' NODE_OPTIONS: ${appNodeOptions}` : ''),
);
const stack: DrillStack = await phase('start the cluster', () =>
  startDrillStack(log, {
    catalog: catalogPath,
    appEnv: {
      ...heapProbeOptions(scratch, appNodeOptions),
      ...(workerCache === undefined ? {} : { WORKER_MAX_CACHED_WORKFLOWS: workerCache }),
    },
  }),
).catch(async (error: unknown) => {
  console.log(`FAIL: the cluster did not start: ${error instanceof Error ? error.message : error}`);
  await rm(scratch, { recursive: true, force: true });
  process.exit(1);
});
let stopping: Promise<void> | undefined;
const stopAll = () => {
  stopping ??= stack.stop().finally(() => rm(scratch, { recursive: true, force: true }));
  return stopping;
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the cluster`);
    stopAll().finally(() => process.exit(130));
  });
}

let failed = false;
try {
  const { cluster } = stack;
  const temporal = createPool(temporalDatabaseUrl(cluster.databaseUrl), { max: 2 });
  const documentsDir = cluster.layout.appDataDir;
  const sizesBefore = await databaseSizes(stack.pool, temporal);
  const documentsBefore = await folderBytes(documentsDir);
  const targets: MemoryTarget[] = [
    ...cluster.processes.map((p) => ({ name: p.name, pid: () => p.pid, tree: false })),
    { name: 'PostgreSQL (Temporal)', pid: () => cluster.postgresPid, tree: true },
    { name: 'PostgreSQL (app)', pid: () => stack.appDatabasePid(), tree: true },
  ];
  const memory = sampleMemory(targets);
  const workers = targets.filter((t) => t.name.startsWith('permit-worker'));

  const tally = newTally();
  const later: string[] = [];
  const soon: string[] = [];
  await phase(`load ${files} files`, async () => {
    const t0 = Date.now();
    for (const [type, count, into] of [
      [LATER_TYPE, files - soonCount, later],
      [SOON_TYPE, soonCount, soon],
    ] as const) {
      for (let done = 0; done < count; done += batch) {
        into.push(
          ...(await submitFiles(stack.apiUrls, type, Math.min(batch, count - done), tally, concurrency)),
        );
        const loaded = later.length + soon.length;
        const rss = workers.map((w) => `${(memoryNow(w) / 2 ** 20).toFixed(0)} MB`).join(', ');
        log(
          `loaded ${loaded}/${files} (${(loaded / ((Date.now() - t0) / 1000)).toFixed(1)}/s); permit workers' RSS ${rss}`,
        );
      }
    }
  });
  const loadEndedAt = Date.now();

  await phase('wait for the due checkpoints', async () => {
    // Every soon file was submitted by now, so every reminder is due by now + soonAfterS.
    const deadline = loadEndedAt + soonAfterS * 1000 + 120_000;
    let lastLog = 0;
    for (;;) {
      const recorded = await checkpointsRecorded(stack.pool, soon);
      if (recorded === soon.length || Date.now() > deadline) break;
      if (Date.now() - lastLog > 10_000) {
        log(`checkpoints recorded: ${recorded}/${soon.length}`);
        lastLog = Date.now();
      }
      await sleep(1_000);
    }
    // A checkpoint fired twice would show up shortly after the first: give it the time.
    await sleep(10_000);
  });

  const report = await phase('measure', async () => {
    const all = [...later, ...soon];
    return {
      checkpoints: await checkpointFigures(stack.pool, soon, later, loadEndedAt),
      history: await historyFigures(temporal, all),
      running: await runningWorkflows(temporal, all),
      notices: await noticeBacklog(stack.pool, all),
      sizesBefore,
      sizesAfter: await databaseSizes(stack.pool, temporal),
      documentsBytes: (await folderBytes(documentsDir)) - documentsBefore,
      memory: memory.stop(),
      heaps: await probeHeaps(scratch, workers),
    };
  });
  await temporal.end();
  failed = !printReport({
    files,
    soon: soon.length,
    loaded: later.length + soon.length,
    http: tally,
    phases,
    workerCache,
    ...report,
  });
} catch (error) {
  failed = true;
  console.log(`FAIL: the benchmark stopped with an error: ${error instanceof Error ? error.stack : error}`);
} finally {
  await phase('stop the cluster', stopAll);
  clearTimeout(giveUp);
}
process.exit(failed ? 1 : 0);
