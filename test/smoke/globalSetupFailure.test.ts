import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, test } from 'vitest';
import { freePort } from '../../src/devstack/freePort.js';
import { processesInheriting } from '../support/processes.js';

/**
 * The test run's global setup, in a child process, with a database that does not answer: the
 * Temporal dev server it starts beside the database check must be gone when the setup fails,
 * and the failure must be printed, not only signalled by an exit code.
 */
// On failure the child stays alive until told to go, so what its setup left behind is not
// taken down by its own exit.
const runSetup = `
import setup from './test/support/globalSetup.ts';
try {
  const teardown = await setup({ provide() {} });
  await teardown();
  process.exit(3);
} catch {
  console.log('SETUP-REJECTED');
  setInterval(() => {}, 1000);
}
`;

test('a failed global setup prints its cause and leaves no server running', {
  timeout: 120_000,
}, async () => {
  const marker = `PERIZINAN_SETUP_PROBE=${randomBytes(8).toString('hex')}`;
  const [name, value] = marker.split('=') as [string, string];
  const closedPort = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', runSetup], {
    env: {
      ...process.env,
      [name]: value,
      TEST_DATABASE_URL: `postgres://nobody:wrong@127.0.0.1:${closedPort}/none`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  // Servers only: the child's own helpers (the esbuild service of its TypeScript loader) end with it.
  const others = async () =>
    (await processesInheriting(marker)).filter((p) =>
      ['temporal', 'postgres'].includes(path.basename(p.split(' ')[1] ?? '')),
    );
  const seen = new Set<string>();
  const deadline = Date.now() + 90_000;
  while (!output.includes('SETUP-REJECTED') && child.exitCode === null && Date.now() < deadline) {
    for (const p of await others()) seen.add(p);
    await new Promise((r) => setTimeout(r, 100));
  }
  const leftBehind = await others();
  child.kill('SIGKILL');
  // Whatever a broken setup left behind goes now, so that a failing run does not pile servers up.
  for (const p of leftBehind) {
    try {
      process.kill(Number.parseInt(p, 10), 'SIGKILL');
    } catch {}
  }

  expect(output).toContain('SETUP-REJECTED');
  expect(output).toContain('[global setup] failed, stopping what it started');
  expect(output).toMatch(
    /TEST_DATABASE_URL\/DATABASE_URL is set but its server does not answer \(.*ECONNREFUSED/,
  );
  // The Temporal dev server did start (and inherited the marker) before the setup gave up.
  expect([...seen].some((p) => p.includes('start-dev'))).toBe(true);
  expect(leftBehind).toEqual([]);
});
