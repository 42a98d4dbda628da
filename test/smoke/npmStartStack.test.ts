import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort } from '../../src/devstack/freePort.js';
import { stackProbeWorkflow } from '../../src/workflows/index.js';
import { processesUsing } from '../support/processScan.js';

/**
 * The whole chain as `npm start` brings it up on a fresh machine: embedded PostgreSQL, the
 * Temporal dev server, migrations, worker and HTTP API — then a clean shutdown, and a second
 * start that finds the data of the first.
 */

interface StartedStack {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  port: number;
  temporalAddress: string;
  postgresPort: number;
}

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'perizinan-smoke-'));
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function startStack(): Promise<StartedStack> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
  env.TEMPORAL_UI_PORT = String(await freePort());
  for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TELEGRAM_BOT_TOKEN']) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk) => {
    buffered += String(chunk);
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const deadline = Date.now() + 90_000;
  while (!logs.some((l) => l.msg === 'Perizinan Online is up')) {
    if (child.exitCode !== null) {
      const fatal = logs.filter((l) => l.level === 60 || l.level === 50).map((l) => l.msg);
      throw new Error(`npm start exited with ${child.exitCode}: ${fatal.join('; ')} ${stderr.slice(-2000)}`);
    }
    if (Date.now() > deadline)
      throw new Error(`npm start did not come up: ${JSON.stringify(logs)} ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const temporal = logs.find((l) => l.msg === 'Temporal dev server started');
  const postgres = logs.find((l) => l.msg === 'embedded PostgreSQL started');
  return {
    child,
    logs,
    port,
    temporalAddress: String(temporal?.address),
    postgresPort: Number(postgres?.port),
  };
}

async function stopStack(stack: StartedStack): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => stack.child.once('exit', (code) => resolve(code)));
  stack.child.kill('SIGTERM');
  return exited;
}

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

  const first = await startStack();
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
    expect(await stopStack(first)).toBe(0);
  }
  expect(first.logs.some((l) => l.msg === 'stopped')).toBe(true);
  expect(await processesUsing(dataDir)).toEqual([]);

  const second = await startStack();
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
    expect(await stopStack(second)).toBe(0);
  }
  expect(await processesUsing(dataDir)).toEqual([]);
});
