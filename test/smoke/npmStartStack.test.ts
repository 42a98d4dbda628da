import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort } from '../../src/devstack/freePort.js';
import { stackProbeWorkflow } from '../../src/workflows/index.js';
import { processesMentioning } from '../support/processes.js';
import { launchNpmStart, startNpmStart, stopNpmStart } from './npmStartProcess.js';

/**
 * The whole chain as `npm start` brings it up on a fresh machine: embedded PostgreSQL, the
 * Temporal dev server, migrations, worker and HTTP API — then a clean shutdown, and a second
 * start that finds the data of the first; and a start that fails once its servers are up.
 */

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'perizinan-smoke-'));
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function queryPostgres(port: number, sql: string, params: unknown[]) {
  const password = (await readFile(path.join(dataDir, 'postgres', 'password'), 'utf8')).trim();
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'perizinan',
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test('npm start runs the real chain, stops cleanly, and a restart keeps the data', {
  timeout: 240_000,
}, async () => {
  const probeId = `smoke-${Date.now()}`;

  const first = await startNpmStart(dataDir);
  try {
    const health = await fetch(`http://127.0.0.1:${first.port}/healthz`);
    expect(health.status).toBe(200);

    const connection = await Connection.connect({ address: first.temporalAddress });
    try {
      const client = new Client({ connection });
      const writtenAt = await client.workflow.execute(stackProbeWorkflow, {
        taskQueue: 'permits',
        workflowId: probeId,
        args: [probeId],
      });
      const rows = await queryPostgres(
        first.postgresPort,
        'SELECT written_at FROM stack_probes WHERE probe_id = $1',
        [probeId],
      );
      expect(rows.map((r) => r.written_at.toISOString())).toEqual([writtenAt]);
    } finally {
      await connection.close();
    }
  } finally {
    expect(await stopNpmStart(first)).toBe(0);
  }
  expect(first.logs.some((l) => l.msg === 'stopped')).toBe(true);
  expect(await processesMentioning(dataDir)).toEqual([]);

  const second = await startNpmStart(dataDir);
  try {
    expect(second.logs.some((l) => l.msg === 'database schema up to date')).toBe(true);
    const rows = await queryPostgres(second.postgresPort, 'SELECT probe_id FROM stack_probes', []);
    expect(rows.map((r) => r.probe_id)).toContain(probeId);
    const connection = await Connection.connect({ address: second.temporalAddress });
    try {
      const description = await new Client({ connection }).workflow.getHandle(probeId).describe();
      expect(description.status.name).toBe('COMPLETED');
    } finally {
      await connection.close();
    }
  } finally {
    expect(await stopNpmStart(second)).toBe(0);
  }
  expect(await processesMentioning(dataDir)).toEqual([]);
});

test('npm start failing after its servers came up says why, stops them and exits 1', {
  timeout: 180_000,
}, async () => {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, resolve));
  try {
    const port = (taken.address() as net.AddressInfo).port;
    const { child, logs } = launchNpmStart(dataDir, port, await freePort());
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    const messages = logs.map((l) => String(l.msg));
    expect(messages).toContain('embedded PostgreSQL started');
    expect(messages).toContain('Temporal dev server started');
    const fatal = logs.find((l) => l.level === 60);
    expect(String(fatal?.msg)).toMatch(/all-in-one failed to start: .*EADDRINUSE/);
    expect(messages).toContain('stopped');
    expect(await processesMentioning(dataDir)).toEqual([]);
  } finally {
    taken.close();
  }
});
