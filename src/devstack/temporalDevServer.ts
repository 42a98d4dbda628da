import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { freePort } from './freePort.js';
import { OutputTail } from './outputTail.js';

export interface TemporalDevServerHandle {
  address: string;
  uiUrl: string;
  /** The server's process ID, e.g. to account its CPU time. */
  pid: number | undefined;
  /** Resolves with how the server ended, whether stopped or crashed. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Runs `temporal server start-dev` with its SQLite file under `dir`, so workflows survive a
 * restart. The child gets its own process group: a Ctrl-C in the terminal reaches only this
 * process, which then stops the parts in order (worker drained before the server goes away).
 */
export async function startTemporalDevServer(options: {
  binary: string;
  dir: string;
  namespace: string;
  uiPort: number;
  /** The gRPC port; a free one by default. A restart passes the previous one so clients reconnect. */
  port?: number;
  log?: (message: string) => void;
}): Promise<TemporalDevServerHandle> {
  await mkdir(options.dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const address = `127.0.0.1:${port}`;
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--ui-port',
    String(options.uiPort),
    '--db-filename',
    path.join(options.dir, 'temporal.sqlite'),
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    // Search attributes the app may filter on in the Web UI.
    '--search-attribute',
    'PermitType=Keyword',
  ];
  const child = spawn(options.binary, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`could not be run (${error.message})`));
    child.once('exit', (code, sig) => resolve(`exited (${sig ?? `code ${code}`})`));
  });
  const tail = new OutputTail(options.log);
  child.stdout?.on('data', (d) => tail.push(d));
  child.stderr?.on('data', (d) => tail.push(d));
  const killOnExit = () => signal(child, 'SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitUntilServing(address, child);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
    throw new Error(`${(error as Error).message} (${options.binary} ${args.join(' ')}):\n${tail.text()}`);
  }
  return {
    address,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    pid: child.pid,
    exited,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

async function waitUntilServing(address: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited: string | undefined;
  child.once('error', (error) => {
    exited = `could not be run (${error.message})`;
  });
  child.once('exit', (code, signal) => {
    exited = `exited (${signal ?? `code ${code}`})`;
  });
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`temporal dev server ${exited} during start`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.healthService.check({});
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`temporal dev server did not answer on ${address} within 60 s`);
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, name);
  } catch {}
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal(child, 'SIGTERM');
  const timer = setTimeout(() => signal(child, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
