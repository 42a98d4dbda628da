import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ExitStatus, ManagedProcess, type ProcessSpec } from '../../src/cluster/managedProcess.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'perizinan-process-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A node process that logs a line, then waits; with `stubborn` it ignores SIGTERM. */
function spec(name: string, options: { stubborn?: boolean } = {}): ProcessSpec {
  const script = [
    `console.log('up ' + process.pid);`,
    options.stubborn ? `process.on('SIGTERM', () => console.log('ignoring SIGTERM'));` : '',
    'setInterval(() => {}, 1000);',
  ].join('');
  return {
    name,
    role: 'permit-worker',
    command: process.execPath,
    args: ['-e', script],
    env: process.env,
    logFile: path.join(dir, `${name}.log`),
    stopGraceMs: 500,
  };
}

async function waitForLog(file: string, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await readFile(file, 'utf8').catch(() => '')).includes(text)) {
    if (Date.now() > deadline) throw new Error(`${file} never showed "${text}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a drill can kill -9 a process and start it again; only exits nobody asked for are reported', async () => {
  const unexpected: ExitStatus[] = [];
  const child = new ManagedProcess(spec('worker-a'), (_p, status) => unexpected.push(status));
  child.start();
  const first = child.pid!;
  await waitForLog(child.logFile, `up ${first}`);

  expect(await child.kill9()).toEqual({ code: null, signal: 'SIGKILL' });
  expect(child.running()).toBe(false);
  expect(child.pid).toBeUndefined();

  child.start();
  const second = child.pid!;
  expect(second).not.toBe(first);
  await waitForLog(child.logFile, `up ${second}`);
  // Both runs append to the same log.
  expect(await readFile(child.logFile, 'utf8')).toContain(`up ${first}`);

  // A crash nobody asked for is reported to the launcher.
  process.kill(second, 'SIGKILL');
  await child.exited();
  expect(unexpected).toEqual([{ code: null, signal: 'SIGKILL' }]);

  await child.restart();
  await waitForLog(child.logFile, `up ${child.pid}`);
  expect(await child.stop()).toEqual({ code: null, signal: 'SIGTERM' });
  expect(unexpected).toHaveLength(1);
});

test('a process that ignores SIGTERM is killed after its grace period', async () => {
  const child = new ManagedProcess(spec('stubborn', { stubborn: true }));
  child.start();
  await waitForLog(child.logFile, 'up ');
  const started = Date.now();
  expect(await child.stop()).toEqual({ code: null, signal: 'SIGKILL' });
  expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  expect(await child.logTail()).toContain('ignoring SIGTERM');
});

test('a command that cannot run says so instead of hanging', async () => {
  const child = new ManagedProcess({ ...spec('missing'), command: path.join(dir, 'no-such-binary') });
  child.start();
  await child.exited();
  expect(child.running()).toBe(false);
  expect(child.spawnError?.message).toMatch(/ENOENT/);
});
