import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runMigrations } from '../../src/db/migrate.js';
import { allStarted } from '../../src/devstack/allStarted.js';
import { startEmbeddedPostgres } from '../../src/devstack/embeddedPostgres.js';
import { freePort } from '../../src/devstack/freePort.js';
import { ensureTemporalCli } from '../../src/devstack/temporalCli.js';
import { startTemporalDevServer } from '../../src/devstack/temporalDevServer.js';
import type { CountedProcess } from './processCpu.js';

/** The permit worker's task queue in the bench stack. */
export const PERMIT_TASK_QUEUE = 'permits';
/** The task queue of the baseline's trivial workflow. */
export const NOOP_TASK_QUEUE = 'bench-noop';

/** A stack the benchmarks run against: the dev shape here, the cluster shape in clusterBenchStack.ts. */
export interface BenchStack {
  /** What the stack is, for the report. */
  shape: string;
  databaseUrl: string;
  temporalAddress: string;
  /** The API processes; the load is spread over them. */
  apiUrls: string[];
  /** The stack's processes by name, to read their CPU time (/proc) around each phase. */
  processes: CountedProcess[];
  stop(): Promise<void>;
}

/** The dev shape, which can also start another API process on the same databases. */
export interface DevBenchStack extends BenchStack {
  /** Another API process with some variables changed; answers its URL. */
  startAnotherApi(env: NodeJS.ProcessEnv): Promise<string>;
}

const log = (message: string) => console.log(`[bench] ${message}`);

/**
 * The Node arguments of a role as production starts it: package.json's `start:<role>` script
 * (which docker-compose runs), so the benchmark measures the same flags.
 */
function productionNodeArgs(role: 'api' | 'worker'): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const [command, ...args] = (pkg.scripts[`start:${role}`] ?? '').trim().split(/\s+/);
  if (command !== 'node') throw new Error(`package.json start:${role} must be a plain node command line`);
  return args;
}

/** A production-shaped role (src/entrypoints/*.ts), or the baseline's worker, in a process of its own. */
function startRole(
  role: 'api' | 'worker' | 'noopWorker',
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: () => string } {
  // BENCH_PROFILE_DIR: write a V8 CPU profile of each role on exit (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const args = role === 'noopWorker' ? ['--import', 'tsx', 'bench/noopWorker.ts'] : productionNodeArgs(role);
  const child = spawn(process.execPath, [...profile, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

async function until(
  what: string,
  probe: () => Promise<boolean> | boolean,
  timeoutMs: number,
  detail: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await Promise.resolve()
        .then(probe)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not ready within ${timeoutMs / 1000} s:\n${detail()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Everything on this machine, in a scratch folder: embedded PostgreSQL, the Temporal dev
 * server, migrations, and the worker and API roles as separate processes (as in production),
 * with the API's rate limits lifted because all load comes from one address.
 */
export async function startBenchStack(
  options: {
    scratchRoot?: string;
    /** false: the API alone (with PostgreSQL and Temporal), for read-only benchmarks. */
    workers?: boolean;
  } = {},
): Promise<DevBenchStack> {
  const withWorkers = options.workers ?? true;
  const scratch = await mkdtemp(path.join(options.scratchRoot ?? os.tmpdir(), 'perizinan-bench-'));
  // The embedded server runs as the unprivileged postgres user, which must reach its folder.
  await chmod(scratch, 0o755);
  const stops: (() => Promise<void>)[] = [() => rm(scratch, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e) => console.error('[bench] stop:', e));
  };
  try {
    log('starting PostgreSQL and the Temporal dev server');
    const binary = await ensureTemporalCli({ log });
    const started = <T extends { stop: () => Promise<void> }>(part: T): T => {
      stops.push(part.stop);
      return part;
    };
    const [pg, temporal] = await allStarted([
      startEmbeddedPostgres({ dir: path.join(scratch, 'postgres'), sharedRoot: scratch }).then(started),
      startTemporalDevServer({
        binary,
        dir: path.join(scratch, 'temporal'),
        namespace: 'default',
        uiPort: await freePort(),
      }).then(started),
    ]);
    await runMigrations({ databaseUrl: pg.databaseUrl });

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: pg.databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      DATA_DIR: path.join(scratch, 'data'),
      // All load comes from 127.0.0.1: the per-address limits would measure themselves.
      API_RATE_LIMIT_PER_MINUTE: '1000000000',
      API_AUTH_FAILURES_PER_15_MINUTES: '1000000000',
      TEMPORAL_TASK_QUEUE: PERMIT_TASK_QUEUE,
    };
    for (const name of ['TELEGRAM_BOT_TOKEN', 'PUBLIC_URL']) delete env[name];
    log(
      withWorkers
        ? 'starting the worker and API processes (the worker bundles the workflows first)'
        : 'starting the API process',
    );
    const worker = withWorkers ? startRole('worker', { ...env, LOG_LEVEL: 'info' }) : null;
    if (worker) stops.push(() => stopChild(worker.child));
    const startApi = async (extra: NodeJS.ProcessEnv) => {
      const port = await freePort();
      // Request logs off: the figure is the API's, not the terminal's.
      const api = startRole('api', { ...env, LOG_LEVEL: 'warn', ...extra, PORT: String(port) });
      stops.push(() => stopChild(api.child));
      return { api, apiUrl: `http://127.0.0.1:${port}` };
    };
    const apiReady = ({ api, apiUrl }: Awaited<ReturnType<typeof startApi>>) =>
      until('the API', async () => (await fetch(`${apiUrl}/readyz`)).status === 200, 60_000, api.output);
    const first = await startApi({});
    const noopWorker = withWorkers ? startRole('noopWorker', { ...env, NOOP_TASK_QUEUE }) : null;
    if (noopWorker) stops.push(() => stopChild(noopWorker.child));
    if (worker) {
      await until('the worker', () => worker.output().includes('worker running'), 120_000, worker.output);
    }
    if (noopWorker) {
      await until(
        'the noop worker',
        () => noopWorker.output().includes('noop worker running'),
        120_000,
        noopWorker.output,
      );
    }
    await apiReady(first);
    return {
      shape: 'dev: Temporal dev server (SQLite), one PostgreSQL, one worker, one API',
      databaseUrl: pg.databaseUrl,
      temporalAddress: temporal.address,
      apiUrls: [first.apiUrl],
      processes: [
        { name: 'api', pid: first.api.child.pid },
        { name: 'permit worker', pid: worker?.child.pid },
        { name: 'noop worker', pid: noopWorker?.child.pid },
        { name: 'temporal dev server', pid: temporal.pid },
        { name: 'postgresql', pid: pg.pid },
      ].filter((p) => p.pid !== undefined),
      async startAnotherApi(extra) {
        const other = await startApi(extra);
        await apiReady(other);
        return other.apiUrl;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
