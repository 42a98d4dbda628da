import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** One finding of the checker, as Prism lists it in its `sl-violations` header. */
export interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

export interface ContractProxy {
  /** Base URL of the proxy: requests sent here reach the API and are checked both ways. */
  url: string;
  stop(): Promise<void>;
}

const STARTUP_LIMIT_MS = 30_000;

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Stoplight Prism's validation proxy in front of `upstream`, checking every request and answer
 * against `document`. Run without `--errors`: with it, Prism answers a request it finds invalid
 * (one without credentials, say) by itself, and the API's own answer to it would go unchecked.
 * Without it, Prism forwards everything and lists what it found in the `sl-violations` header.
 */
export async function startContractProxy(document: unknown, upstream: string): Promise<ContractProxy> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perizinan-contract-'));
  const documentPath = path.join(dir, 'openapi.json');
  await writeFile(documentPath, JSON.stringify(document));
  const prismCli = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
  const port = await freeLoopbackPort();
  const child = spawn(
    process.execPath,
    [
      prismCli,
      'proxy',
      documentPath,
      upstream,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--cors=false',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
  );
  // A test worker that dies without its afterAll must not leave the proxy behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  const url = `http://127.0.0.1:${port}`;
  const watch = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', watch);
  child.stderr?.on('data', watch);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Prism did not start within ${STARTUP_LIMIT_MS / 1000} s`)),
        STARTUP_LIMIT_MS,
      );
      const listening = () => {
        if (!output.includes('Prism is listening on')) return;
        clearTimeout(timer);
        resolve();
      };
      child.stdout?.on('data', listening);
      child.stderr?.on('data', listening);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Prism exited with code ${String(code)} before listening`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } catch (error) {
    process.off('exit', killOnExit);
    await stopped(child);
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `The contract checker (prism proxy) could not start: ${(error as Error).message}. ` +
        `Check that @stoplight/prism-cli is installed (npm ci) and that the document is valid OpenAPI. Its output:\n${output.slice(-4000)}`,
    );
  }
  // From here on its log (every request, with bodies) is only drained, so a pipe never fills up.
  child.stdout?.removeAllListeners('data').resume();
  child.stderr?.removeAllListeners('data').resume();
  return {
    url,
    async stop() {
      process.off('exit', killOnExit);
      await stopped(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The findings Prism attached to an answer; a truncated list is itself a finding. */
export function violationsOf(headers: Headers): Violation[] {
  const raw = headers.get('sl-violations');
  if (raw === null) return [];
  try {
    return JSON.parse(raw) as Violation[];
  } catch {
    return [{ location: [], severity: 'Error', code: 'unreadable', message: raw.slice(0, 2000) }];
  }
}
