import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createApp } from '../../src/api/createApp.js';
import { createPool, type Pool } from '../../src/db/pool.js';
import { loadWorkingCalendar } from '../../src/domain/calendar/loadWorkingCalendar.js';
import { createServices } from '../../src/services/index.js';
import { connectClient } from '../../src/temporal/connections.js';
import { fileStateQuery } from '../../src/workflows/permit/permitContract.js';
import { deadTemporalConnection } from '../support/deadTemporal.js';
import { serve } from '../support/httpServer.js';
import { testCatalog } from '../support/permitScenario.js';
import { startTcpProxy } from '../support/tcpProxy.js';
import { type ApiTestStack, NO_LIMITS, startApiTestStack } from './support/apiStack.js';
import {
  call,
  rowCounts,
  type Submitted,
  submitViaApi,
  type Uploaded,
  uploadKtp,
  validSubmission,
} from './support/httpClient.js';

let api: ApiTestStack;
let ktp: Uploaded;
let file: Submitted;
let deadPool: Pool;
let dead: ReturnType<typeof deadTemporalConnection>;

beforeAll(async () => {
  api = await startApiTestStack('api_operations');
  ktp = await uploadKtp(api.url);
  file = await submitViaApi(api.url, 'TEST-FREE', ktp);
  deadPool = createPool('postgres://nobody:x@127.0.0.1:1/none', { max: 2 });
  dead = deadTemporalConnection();
});
afterAll(async () => {
  await api?.stop();
  await deadPool?.end();
  await dead?.close();
});

/**
 * The same app over a dead PostgreSQL or a dead Temporal (nothing listens on port 1), or over
 * the given Temporal client.
 */
async function degraded(which: 'postgres' | 'temporal', temporalClient?: Client) {
  const pool = which === 'postgres' ? deadPool : api.stack.pool;
  const temporal =
    temporalClient ?? (which === 'temporal' ? new Client({ connection: dead.connection }) : api.stack.client);
  const services = createServices({
    pool,
    temporal,
    catalog: testCatalog,
    calendar: await loadWorkingCalendar('data/holidays-id.yaml'),
    taskQueue: api.stack.taskQueue,
    dataDir: api.dataDir,
  });
  // A short bound on Temporal calls, so that the test does not wait out the SDK's retries.
  return serve(
    createApp({ temporal, services, settings: { rateLimits: NO_LIMITS, temporalDeadlineMs: 1_500 } }),
  );
}

/** The verifier's decision on the shared file is answered 503 naming Temporal, with Retry-After. */
async function expectTemporalUnavailableForDecisions(baseUrl: string) {
  const decision = await call(baseUrl, 'POST', `/api/v1/applications/${file.registrationNumber}/decisions`, {
    bearer: api.keys.verifikator,
    body: { decision: 'approve' },
  });
  expect([decision.status, decision.body.dependency]).toEqual([503, 'temporal']);
  expect(decision.headers.get('retry-after')).toBe('5');
}

describe('dependencies down: 503 with Retry-After, never 500', () => {
  test('PostgreSQL down', async () => {
    const server = await degraded('postgres');
    try {
      const requests: [string, string, Parameters<typeof call>[3]][] = [
        ['GET', '/api/v1/stats', {}],
        ['GET', `/api/v1/applications/${file.registrationNumber}`, { accessCode: file.accessCode }],
        [
          'POST',
          '/api/v1/applications',
          { body: validSubmission('TEST-FREE', ktp), headers: { 'idempotency-key': randomUUID() } },
        ],
        ['GET', '/api/v1/inbox', { bearer: api.keys.verifikator }],
      ];
      for (const [method, url, options] of requests) {
        const res = await call(server.url, method, url, options);
        expect({ url, status: res.status, dependency: res.body.dependency }).toEqual({
          url,
          status: 503,
          dependency: 'postgres',
        });
        expect(res.headers.get('retry-after')).toBe('5');
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
      // The catalog needs no database.
      expect((await call(server.url, 'GET', '/api/v1/permit-types')).status).toBe(200);
      const ready = await call(server.url, 'GET', '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.failed).toEqual(['postgres', 'schema']);
    } finally {
      await server.close();
    }
  });

  test('Temporal down: the submission is kept and a retry with the same key completes it', async () => {
    const server = await degraded('temporal');
    const key = randomUUID();
    const body = validSubmission('TEST-FREE', await uploadKtp(api.url));
    try {
      const res = await call(server.url, 'POST', '/api/v1/applications', {
        body,
        headers: { 'idempotency-key': key },
      });
      expect([res.status, res.body.dependency]).toEqual([503, 'temporal']);
      expect(res.headers.get('retry-after')).toBe('5');
      await expectTemporalUnavailableForDecisions(server.url);
    } finally {
      await server.close();
    }
    // Temporal is back (the healthy app): the same request heals the half-done submission.
    const retry = await call(api.url, 'POST', '/api/v1/applications', {
      body,
      headers: { 'idempotency-key': key },
    });
    expect(retry.status).toBe(201);
    expect(retry.body.replayed).toBe(true);
    // The failed attempt showed no access code, so the retry that completes it shows one.
    expect(retry.body.accessCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const mine = await call(api.url, 'GET', `/api/v1/applications/${retry.body.registrationNumber}`, {
      accessCode: String(retry.body.accessCode),
    });
    expect(mine.status).toBe(200);
    const again = await call(api.url, 'POST', '/api/v1/applications', {
      body,
      headers: { 'idempotency-key': key },
    });
    expect([again.status, again.body.accessCode, typeof again.body.accessCodeNotice]).toEqual([
      201,
      null,
      'string',
    ]);
    // Recorded at the first attempt; its workflow started by the retry.
    const view = await api.stack.client.workflow
      .getHandle(String(retry.body.registrationNumber))
      .query(fileStateQuery);
    expect(view).toMatchObject({ status: 'IN_REVIEW', history: [{ sequence: 1, action: 'submitted' }] });
  });
});

test('Temporal lost under the connection the API runs with: 503 with Retry-After, and readyz says so', async () => {
  // The connection the roles use (src/temporal/connections.ts), made while Temporal answered.
  const proxy = await startTcpProxy(inject('temporalAddress'));
  const temporal = await connectClient({
    address: proxy.address,
    namespace: api.stack.namespace,
    tls: false,
  });
  const server = await degraded('temporal', temporal.client);
  try {
    expect((await call(server.url, 'GET', '/readyz')).status).toBe(200);
    await proxy.cut();
    await expectTemporalUnavailableForDecisions(server.url);
    const ready = await call(server.url, 'GET', '/readyz');
    expect([ready.status, ready.body.failed]).toEqual([503, ['temporal']]);
  } finally {
    await server.close();
    await temporal.close();
  }
});

test('readyz: ready when dependencies answer and the schema is migrated; not while draining', async () => {
  const ready = await call(api.url, 'GET', '/readyz');
  expect(ready.status).toBe(200);
  expect(ready.body.checks).toMatchObject({
    postgres: { ok: true },
    temporal: { ok: true },
    schema: { ok: true },
  });
  const lifecycle = { draining: true };
  const draining = await serve(createApp({ temporal: api.stack.client, services: api.services, lifecycle }));
  try {
    const res = await call(draining.url, 'GET', '/readyz');
    expect(res.status).toBe(503);
    expect(res.body.failed).toEqual(['lifecycle']);
  } finally {
    await draining.close();
  }
});

test('metrics: Prometheus text with latency, workflow starts and SLA breaches', async () => {
  const res = await call(api.url, 'GET', '/metrics');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
  expect(res.text).toMatch(/permit_transitions_recorded\{action="submitted"\} [1-9]/);
  expect(res.text).toMatch(/^permit_sla_breaches_recorded \d+$/m);
  expect(res.text).toContain('permit_metrics_database_up 1');
  expect(res.text).not.toContain(file.registrationNumber);
});

describe('limits', () => {
  test('public requests per address are limited; officers are not', async () => {
    const limited = await api.serveWith({
      rateLimits: { publicPerMinute: 5, authFailuresPer15Minutes: 1000, officerPerMinute: 1000 },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 7; i++)
        statuses.push((await call(limited.url, 'GET', '/api/v1/permit-types')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const refused = await call(limited.url, 'GET', '/api/v1/stats');
      expect(refused.body.type).toBe('https://perizinan.serangkab.go.id/problems/rate-limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      for (let i = 0; i < 7; i++) {
        expect(
          (await call(limited.url, 'GET', '/api/v1/inbox', { bearer: api.keys.verifikator })).status,
        ).toBe(200);
      }
    } finally {
      await limited.close();
    }
  });

  test('failed authentications are limited, successful ones are not counted', async () => {
    const limited = await api.serveWith({
      rateLimits: { publicPerMinute: 1000, authFailuresPer15Minutes: 3, officerPerMinute: 1000 },
    });
    const status = (accessCode: string) =>
      call(limited.url, 'GET', `/api/v1/applications/${file.registrationNumber}`, { accessCode });
    const inbox = (bearer: string) => call(limited.url, 'GET', '/api/v1/inbox', { bearer });
    try {
      for (let i = 0; i < 6; i++) expect((await status(file.accessCode)).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await status('WRNG-CODE')).status).toBe(404);
      // Locked out of this file now, even with the right code.
      const locked = await status(file.accessCode);
      expect([locked.status, locked.body.type]).toEqual([
        429,
        'https://perizinan.serangkab.go.id/problems/rate-limited',
      ]);
      // Guessed API keys count per key prefix: the guessed one is locked, a real key is not.
      for (let i = 0; i < 3; i++) expect((await inbox('po_guessing-000000000000000')).status).toBe(401);
      expect((await inbox('po_guessing-000000000000000')).status).toBe(429);
      expect((await inbox(api.keys.verifikator)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  test("behind one proxy address, failed guesses at one file never lock out another file's applicant", async () => {
    // No TRUST_PROXY: every client shares the proxy's address, as behind a misconfigured proxy.
    const limited = await api.serveWith({
      rateLimits: { publicPerMinute: 1000, authFailuresPer15Minutes: 3, officerPerMinute: 1000 },
    });
    const other = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
    const status = (rn: string, accessCode: string) =>
      call(limited.url, 'GET', `/api/v1/applications/${rn}`, { accessCode });
    try {
      for (let i = 0; i < 5; i++) await status(file.registrationNumber, 'WRNG-CODE');
      expect((await status(file.registrationNumber, file.accessCode)).status).toBe(429);
      expect((await status(other.registrationNumber, other.accessCode)).status).toBe(200);
      expect((await call(limited.url, 'GET', '/api/v1/inbox', { bearer: api.keys.verifikator })).status).toBe(
        200,
      );
    } finally {
      await limited.close();
    }
  });

  test('with TRUST_PROXY, each client behind the proxy is counted by its own address', async () => {
    const limited = await api.serveWith({
      trustProxyHops: 1,
      rateLimits: { publicPerMinute: 1000, authFailuresPer15Minutes: 3, officerPerMinute: 1000 },
    });
    const status = (client: string, accessCode: string) =>
      call(limited.url, 'GET', `/api/v1/applications/${file.registrationNumber}`, {
        accessCode,
        headers: { 'x-forwarded-for': client },
      });
    try {
      for (let i = 0; i < 5; i++) await status('203.0.113.7', 'WRNG-CODE');
      expect((await status('203.0.113.7', file.accessCode)).status).toBe(429);
      expect((await status('198.51.100.20', file.accessCode)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  test('a JSON body over 1 MB is refused before it is parsed', async () => {
    const before = await rowCounts(api.stack.pool);
    const res = await call(api.url, 'POST', '/api/v1/applications', {
      rawBody: `{"permitTypeCode":"TEST-FREE","formData":{"fullName":"${'a'.repeat(1_048_600)}"}}`,
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    });
    expect(res.status).toBe(413);
    expect(await rowCounts(api.stack.pool)).toEqual(before);
  });
});

describe('headers', () => {
  test('security headers on every answer, no framework banner, no caching of personal data', async () => {
    const res = await call(api.url, 'GET', `/api/v1/applications/${file.registrationNumber}`, {
      accessCode: file.accessCode,
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('CORS is off unless origins are configured, and then only for them', async () => {
    const origin = 'https://izin.serangkab.go.id';
    const off = await call(api.url, 'GET', '/api/v1/permit-types', { headers: { origin } });
    expect(off.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await call(api.url, 'OPTIONS', '/api/v1/applications', {
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

    const on = await api.serveWith({ corsOrigins: [origin] });
    try {
      const allowed = await call(on.url, 'GET', '/api/v1/permit-types', { headers: { origin } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
      const other = await call(on.url, 'GET', '/api/v1/permit-types', {
        headers: { origin: 'https://evil.example' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const pre = await call(on.url, 'OPTIONS', '/api/v1/applications', {
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'idempotency-key',
        },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    } finally {
      await on.close();
    }
  });

  test('unknown paths and methods under /api are problem+json 404s (elsewhere the HTML 404 page)', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['DELETE', `/api/v1/applications/${file.registrationNumber}`],
      ['GET', '/api'],
      ['POST', '/api/v1/stats'],
    ] as const) {
      const res = await call(api.url, method, url);
      expect([res.status, res.body.type]).toEqual([
        404,
        'https://perizinan.serangkab.go.id/problems/not-found',
      ]);
    }
  });
});
