import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { processesMentioning } from '../support/processes.js';
import { type StartedStack, startNpmStart, stopNpmStart } from './npmStartProcess.js';

/**
 * `npm start` brings its own PostgreSQL back: after a `kill -9` of the embedded server the API
 * answers 503 with Retry-After for a moment, then the supervisor restarts the server on the same
 * port and /readyz answers 200 again, without anyone restarting the app.
 */

let dataDir: string;
let stack: StartedStack | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'perizinan-recovery-'));
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  if (stack) await stopNpmStart(stack);
  await rm(dataDir, { recursive: true, force: true });
});

const readiness = (port: number) =>
  fetch(`http://127.0.0.1:${port}/readyz`).then(async (res) => ({
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
  }));

test('after kill -9 of the embedded PostgreSQL, npm start restarts it and /readyz returns to 200', {
  timeout: 240_000,
}, async () => {
  stack = await startNpmStart(dataDir);
  const { port, postgresPid } = stack;
  expect(Number.isInteger(postgresPid)).toBe(true);
  expect((await readiness(port)).status).toBe(200);

  process.kill(postgresPid, 'SIGKILL');
  const killedAt = Date.now();
  const seen: number[] = [];
  let down: { status: number; retryAfter: string | null } | undefined;
  for (;;) {
    const answer = await readiness(port);
    seen.push(answer.status);
    if (answer.status === 503) down ??= answer;
    if (answer.status === 200 && down) break;
    if (Date.now() - killedAt > 90_000) throw new Error(`/readyz did not recover: ${seen.join(',')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Never a 500: unavailable with a hint to come back, then ready again.
  expect(seen.every((s) => s === 200 || s === 503)).toBe(true);
  expect(down?.retryAfter).toMatch(/^\d+$/);
  // The pools may reconnect a moment before the supervisor's own start returns and logs.
  const messages = () => stack!.logs.map((l) => String(l.msg));
  const logDeadline = Date.now() + 30_000;
  while (!messages().includes('embedded PostgreSQL restarted') && Date.now() < logDeadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(messages()).toContain('embedded PostgreSQL exited (SIGKILL) unexpectedly; restarting it');
  expect(messages()).toContain('embedded PostgreSQL restarted');

  expect(await stopNpmStart(stack)).toBe(0);
  stack = undefined;
  expect(await processesMentioning(dataDir)).toEqual([]);
});
