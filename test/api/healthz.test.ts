import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createApp } from '../../src/api/createApp.js';
import { createPool, type Pool } from '../../src/db/pool.js';
import { loadWorkingCalendar } from '../../src/domain/calendar/loadWorkingCalendar.js';
import { createServices } from '../../src/services/index.js';
import { deadTemporalConnection } from '../support/deadTemporal.js';
import { serve } from '../support/httpServer.js';
import { testCatalog } from '../support/permitScenario.js';

let pool: Pool;
let deadPool: Pool;
let connection: Connection;
let dead: ReturnType<typeof deadTemporalConnection>;

beforeAll(async () => {
  pool = createPool(inject('databaseUrl'));
  // Port 1 on loopback: nothing listens there, so connections are refused at once.
  deadPool = createPool('postgres://nobody:x@127.0.0.1:1/none');
  connection = await Connection.connect({ address: inject('temporalAddress') });
  dead = deadTemporalConnection();
});
afterAll(async () => {
  await pool.end();
  await deadPool.end();
  await connection.close();
  await dead.close();
});

interface HealthBody {
  status: string;
  failed?: string[];
  checks: Record<string, { ok: boolean; error?: string }>;
}

async function serveOver(p: Pool, c: Connection) {
  const temporal = new Client({ connection: c });
  const services = createServices({
    pool: p,
    temporal,
    catalog: testCatalog,
    calendar: await loadWorkingCalendar('data/holidays-id.yaml'),
    taskQueue: 'unused',
    dataDir: 'unused',
  });
  return serve(createApp({ temporal, services }));
}

async function healthz(p: Pool, c: Connection) {
  const server = await serveOver(p, c);
  try {
    const res = await fetch(`${server.url}/healthz`);
    return {
      status: res.status,
      body: (await res.json()) as HealthBody,
      retryAfter: res.headers.get('retry-after'),
    };
  } finally {
    await server.close();
  }
}

test('healthz answers 200 when Postgres and Temporal both answer', async () => {
  const { status, body } = await healthz(pool, connection);
  expect(status).toBe(200);
  expect(body).toMatchObject({ status: 'ok', checks: { postgres: { ok: true }, temporal: { ok: true } } });
});

test('healthz answers 503 naming Postgres when only Postgres is down', async () => {
  const { status, body, retryAfter } = await healthz(deadPool, connection);
  expect(status).toBe(503);
  expect(body.failed).toEqual(['postgres']);
  expect(body.checks.temporal?.ok).toBe(true);
  expect(retryAfter).toBe('5');
});

test('healthz answers 503 naming Temporal when only Temporal is down', async () => {
  const { status, body } = await healthz(pool, dead.connection);
  expect(status).toBe(503);
  expect(body.failed).toEqual(['temporal']);
  expect(body.checks.postgres?.ok).toBe(true);
});

test('healthz and readyz give dependency names and states only, never the error texts', async () => {
  const server = await serveOver(deadPool, dead.connection);
  try {
    for (const path of ['/healthz', '/readyz']) {
      const res = await fetch(`${server.url}${path}`);
      const text = await res.text();
      expect(res.status).toBe(503);
      const body = JSON.parse(text) as HealthBody;
      expect(body.failed).toEqual(expect.arrayContaining(['postgres', 'temporal']));
      for (const check of Object.values(body.checks)) expect(Object.keys(check)).toEqual(['ok']);
      // Neither addresses, user names, driver messages nor pending migration names.
      expect(text).not.toMatch(/127\.0\.0\.1|nobody|ECONNREFUSED|connect|answer|migration|1764/i);
    }
  } finally {
    await server.close();
  }
});
