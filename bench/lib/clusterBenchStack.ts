import path from 'node:path';
import { ManagedProcess } from '../../src/cluster/managedProcess.js';
import { type DrillStack, startDrillStack } from '../drills/drillStack.js';
import type { BenchStack } from './benchStack.js';
import { NOOP_TASK_QUEUE } from './benchStack.js';
import type { CountedProcess } from './processCpu.js';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const NOOP_WORKERS = Number(process.env.BENCH_NOOP_WORKERS ?? 2);

export type ClusterBenchStack = BenchStack & { drill: DrillStack };

/** Every process of the cluster shape by name, with the two PostgreSQL servers and the extra ones. */
export function clusterProcesses(drill: DrillStack, extra: ManagedProcess[] = []): CountedProcess[] {
  const { cluster } = drill;
  return [
    ...[...cluster.processes, ...extra].map((p) => ({ name: p.name, pid: () => p.pid })),
    { name: 'temporal postgresql', pid: cluster.postgresPid },
    { name: 'app postgresql', pid: () => drill.appDatabasePid() },
  ];
}

/**
 * BENCH_PROFILE_DIR: every app role (APIs, permit workers, the bot) writes a V8 CPU profile there
 * when it stops (cpuProfileOnExit.mjs; open it in Chrome DevTools).
 */
export function profiledRoles(): Record<string, string> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return {};
  const preload = path.join(PROJECT_ROOT, 'bench', 'lib', 'cpuProfileOnExit.mjs');
  return { BENCH_PROFILE_DIR: path.resolve(dir), NODE_OPTIONS: `--import ${preload}` };
}

async function untilLogged(child: ManagedProcess, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await child.logTail(50)).includes(text)) {
    if (!child.running() || Date.now() > deadline) {
      throw new Error(`${child.name} did not start:\n${await child.logTail(20)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The cluster shape of the fault drills (bench/drills/drillStack.ts: Temporal's four services on
 * their own PostgreSQL, the app's PostgreSQL, two permit workers, two APIs, the bot and the Bot
 * API emulator) with the app's own catalog and request logs off, plus the bare-start baseline's
 * worker as one more process against the same frontend.
 */
export async function startClusterBenchStack(
  options: { scratchRoot?: string; log?: (message: string) => void; appEnv?: Record<string, string> } = {},
): Promise<ClusterBenchStack> {
  const log = options.log ?? ((m: string) => console.log(`[bench] ${m}`));
  log('starting the cluster shape (Temporal services on PostgreSQL, 2 permit workers, 2 APIs, the bot)');
  const drill = await startDrillStack(log, {
    catalog: null,
    ...(options.scratchRoot ? { scratchRoot: options.scratchRoot } : {}),
    appEnv: {
      // Request logs off: the figure is the API's, not the log file's.
      LOG_LEVEL: 'warn',
      // All load comes from 127.0.0.1: the per-address limits would measure themselves.
      API_RATE_LIMIT_PER_MINUTE: '1000000000',
      API_AUTH_FAILURES_PER_15_MINUTES: '1000000000',
      UPLOAD_MB_PER_ADDRESS_PER_HOUR: '100000000',
      ...profiledRoles(),
      ...options.appEnv,
    },
  });
  // As many as there are permit workers by default (BENCH_NOOP_WORKERS), so both loads run
  // their workflows on the same number of worker processes.
  const noopWorkers = Array.from(
    { length: NOOP_WORKERS },
    (_, i) =>
      new ManagedProcess({
        name: `noop-worker-${i + 1}`,
        role: 'permit-worker',
        command: process.execPath,
        args: ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'noopWorker.ts')],
        env: { ...process.env, TEMPORAL_ADDRESS: drill.cluster.temporalAddress, NOOP_TASK_QUEUE },
        cwd: PROJECT_ROOT,
        logFile: path.join(drill.cluster.layout.logsDir, `noop-worker-${i + 1}.log`),
        stopGraceMs: 10_000,
      }),
  );
  const stopNoopWorkers = () => Promise.all(noopWorkers.map((w) => w.stop()));
  try {
    for (const worker of noopWorkers) worker.start();
    await Promise.all(noopWorkers.map((w) => untilLogged(w, 'noop worker running', 120_000)));
  } catch (error) {
    await stopNoopWorkers();
    await drill.stop();
    throw error;
  }
  return {
    shape:
      'cluster: Temporal frontend, history, matching and worker on PostgreSQL; 2 permit workers; 2 APIs; the bot; the app on a second PostgreSQL',
    databaseUrl: drill.appDatabaseUrl,
    temporalAddress: drill.cluster.temporalAddress,
    apiUrls: drill.apiUrls,
    processes: clusterProcesses(drill, noopWorkers),
    drill,
    async stop() {
      await stopNoopWorkers();
      await drill.stop();
    },
  };
}
