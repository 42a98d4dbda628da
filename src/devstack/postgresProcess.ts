import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputTail } from './outputTail.js';
import type { PostgresBinaries } from './postgresBinaries.js';
import type { ServerUser } from './postgresServerUser.js';

export interface PostgresRun {
  binaries: PostgresBinaries;
  clusterDir: string;
  user: ServerUser | undefined;
  log: (message: string) => void;
}

// Messages in English whatever the machine's locale, so logs and errors read the same everywhere.
const childEnv = () => ({ ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' });

/** Creates a new cluster in `clusterDir` whose superuser `postgres` has `password`. */
export async function initCluster(run: PostgresRun, password: string): Promise<void> {
  const { user } = run;
  await mkdir(run.clusterDir, { recursive: true, mode: 0o700 });
  if (user) await chown(run.clusterDir, user.uid, user.gid);
  // initdb reads the password from a file only the server user may read, removed right after.
  const passwordFile = path.join(path.dirname(run.clusterDir), `.initdb-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (user) await chown(passwordFile, user.uid, user.gid);
    const args = ['-D', run.clusterDir, '--username=postgres', `--pwfile=${passwordFile}`];
    args.push('--auth=scram-sha-256', '--encoding=UTF8', '--no-locale');
    const child = spawn(run.binaries.initdb, args, {
      uid: user?.uid,
      gid: user?.gid,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail = new OutputTail(run.log);
    child.stdout?.on('data', (d) => tail.push(d));
    child.stderr?.on('data', (d) => tail.push(d));
    const code = await new Promise<number | string>((resolve, reject) => {
      child.once('error', (error) =>
        reject(new Error(`cannot run ${run.binaries.initdb}: ${error.message}`)),
      );
      child.once('close', (exitCode, signal) => resolve(exitCode ?? signal ?? 'unknown'));
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}) for ${run.clusterDir}:\n${tail.text()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

export interface Postmaster {
  pid: number;
  /** Resolves with how the server ended, whether stopped or crashed. */
  exited: Promise<string>;
  /** Fast shutdown; resolves once the server has exited (force-killed after 30 s). */
  stop(): Promise<void>;
}

/**
 * Starts the server on the loopback `port` and resolves once it accepts connections. The child
 * gets its own process group: a terminal Ctrl-C reaches only this process, which stops the parts
 * in order. On any failure to start, the server is gone before the promise rejects.
 */
export async function startPostmaster(run: PostgresRun, port: number): Promise<Postmaster> {
  const args = ['-D', run.clusterDir, '-p', String(port)];
  // Loopback only, and no unix socket that could collide with a system PostgreSQL.
  args.push('-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=');
  const child = spawn(run.binaries.postgres, args, {
    uid: run.user?.uid,
    gid: run.user?.gid,
    env: childEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = new OutputTail(run.log);
  child.stdout?.on('data', (d) => tail.push(d));
  child.stderr?.on('data', (d) => tail.push(d));
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`could not be run (${error.message})`));
    child.once('exit', (code, signal) => resolve(`exited (${signal ?? `code ${code}`})`));
  });
  // Output may still be in the pipes when 'exit' fires; 'close' says it has all been read.
  const drained = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // Last resort when this process exits without stop(): fast shutdown of the server.
  const stopOnExit = () => signalGroup(child, 'SIGINT');
  process.once('exit', stopOnExit);
  const stop = async () => {
    process.removeListener('exit', stopOnExit);
    if (!isRunning(child)) return;
    signalGroup(child, 'SIGINT');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  const readiness = await untilReady(run.clusterDir, child);
  if (readiness !== 'ready') {
    const how = readiness === 'timeout' ? 'did not accept connections within 60 s' : await exited;
    await stop();
    await Promise.race([drained, new Promise((r) => setTimeout(r, 1_000))]);
    throw new Error(
      `PostgreSQL ${how} during start (${run.binaries.postgres} -D ${run.clusterDir}):\n${tail.text()}`,
    );
  }
  return { pid: child.pid!, exited, stop };
}

/** postmaster.pid's eighth line turns "ready" once connections are accepted (as pg_ctl reads it). */
async function untilReady(clusterDir: string, child: ChildProcess): Promise<'ready' | 'gone' | 'timeout'> {
  const deadline = Date.now() + 60_000;
  while (isRunning(child)) {
    const lines = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')
      .then((text) => text.split('\n'))
      .catch(() => []);
    if (Number(lines[0]) === child.pid && lines[7]?.trim() === 'ready') return 'ready';
    if (Date.now() > deadline) return 'timeout';
    await new Promise((r) => setTimeout(r, 100));
  }
  return 'gone';
}

function isRunning(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!isRunning(child)) return;
  try {
    process.kill(-child.pid!, signal);
  } catch {}
}
