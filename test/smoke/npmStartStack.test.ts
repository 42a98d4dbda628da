import { type ChildProcess, spawn } from 'node:child_process';
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

/**
 * The whole chain as `npm start` brings it up on a fresh machine: embedded PostgreSQL, the
 * Temporal dev server, migrations, worker and HTTP API — then a clean shutdown, and a second
 * start that finds the data of the first; and a start that fails once its servers are up.
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

/** `npm start`'s command with embedded servers under the shared data folder, its logs collected. */
function launch(port: number, uiPort: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
  env.TEMPORAL_UI_PORT = String(uiPort);
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
  const output = { stderr: '' };
  child.stderr?.on('data', (chunk) => {
    output.stderr += String(chunk);
  });
  return { child, logs, output };
}

async function startStack(): Promise<StartedStack> {
  const port = await freePort();
  const { child, logs, output } = launch(port, await freePort());
  const stderr = () => output.stderr;
  const deadline = Date.now() + 90_000;
  while (!logs.some((l) => l.msg === 'Perizinan Online is up')) {
    if (child.exitCode !== null) {
      const fatal = logs.filter((l) => l.level === 60 || l.level === 50).map((l) => l.msg);
      throw new Error(
        `npm start exited with ${child.exitCode}: ${fatal.join('; ')} ${stderr().slice(-2000)}`,
      );
    }
    if (Date.now() > deadline)
      throw new Error(`npm start did not come up: ${JSON.stringify(logs)} ${stderr()}`);
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
  expect(await processesMentioning(dataDir)).toEqual([]);

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
  expect(await processesMentioning(dataDir)).toEqual([]);
});

test('npm start failing after its servers came up says why, stops them and exits 1', {
  timeout: 180_000,
}, async () => {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, resolve));
  try {
    const port = (taken.address() as net.AddressInfo).port;
    const { child, logs } = launch(port, await freePort());
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
