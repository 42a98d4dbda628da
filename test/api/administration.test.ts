import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADMIN_TOKEN, type ApiTestStack, startApiTestStack } from './support/apiStack.js';
import { call, rowCounts } from './support/httpClient.js';

let api: ApiTestStack;

beforeAll(async () => {
  api = await startApiTestStack('api_admin', { worker: false });
});
afterAll(async () => {
  await api?.stop();
});

interface Officer {
  id: string;
  name: string;
  telegramUserId: number | null;
  roles: string[];
  departments: string[];
  active: boolean;
}

const admin = (method: string, path: string, body?: unknown) =>
  call<Record<string, unknown>>(api.url, method, path, { bearer: ADMIN_TOKEN, ...(body ? { body } : {}) });

test('officer records: created with a key shown once, changed, deactivated — each change attributed', async () => {
  const created = await admin('POST', '/api/v1/admin/officers', {
    name: 'Dewi Lestari',
    telegramUserId: 777001,
    roles: ['verifikator'],
    departments: ['DPMPTSP'],
  });
  expect(created.status).toBe(201);
  const officer = created.body.officer as Officer;
  const apiKey = created.body.apiKey as string;
  expect(apiKey).toMatch(/^po_/);
  expect(created.headers.get('location')).toBe(`/api/v1/admin/officers/${officer.id}`);
  expect(created.body.apiKeyNotice).toMatch(/hanya ditampilkan sekali/);

  // The key works at once, and is never shown or stored in clear again.
  expect((await call(api.url, 'GET', '/api/v1/inbox', { bearer: apiKey })).status).toBe(200);
  const list = await admin('GET', '/api/v1/admin/officers');
  expect(list.text).not.toContain(apiKey);
  expect(list.text).not.toMatch(/api_?key_?hash/i);
  expect((list.body.officers as Officer[]).map((o) => o.name)).toContain('Dewi Lestari');
  const stored = await api.stack.pool.query('SELECT api_key_hash FROM officers WHERE id = $1', [officer.id]);
  expect(stored.rows[0].api_key_hash).not.toContain(apiKey);

  const changed = await admin('PATCH', `/api/v1/admin/officers/${officer.id}`, {
    roles: ['verifikator', 'manager'],
    telegramUserId: null,
  });
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({
    roles: ['verifikator', 'manager'],
    telegramUserId: null,
    active: true,
  });

  const deactivated = await admin('PATCH', `/api/v1/admin/officers/${officer.id}`, { active: false });
  expect(deactivated.body.active).toBe(false);
  expect((await call(api.url, 'GET', '/api/v1/inbox', { bearer: apiKey })).status).toBe(401);

  const audit = await admin('GET', `/api/v1/admin/officers/${officer.id}/audit`);
  const entries = audit.body.entries as {
    action: string;
    actorKind: string;
    actorId: string;
    changes: unknown;
  }[];
  expect(entries.map((e) => e.action)).toEqual(['officer_created', 'officer_updated', 'officer_deactivated']);
  expect(new Set(entries.map((e) => e.actorId)).size).toBe(1);
  expect(entries[0]?.actorId).toMatch(/^admin-token:[0-9a-f]{12}$/);
  expect(entries[0]?.actorId).not.toContain(ADMIN_TOKEN);
  expect(entries[1]?.changes).toEqual({
    before: { roles: ['verifikator'], telegramUserId: 777001 },
    after: { roles: ['verifikator', 'manager'], telegramUserId: null },
  });
  expect(entries[2]?.changes).toEqual({ before: { active: true }, after: { active: false } });

  // The trail cannot be rewritten: the app's role has no DELETE on it.
  await expect(api.stack.pool.query('DELETE FROM admin_audit')).rejects.toThrow(/permission denied/);
});

test('refused administration changes nothing', async () => {
  const before = await rowCounts(api.stack.pool);
  const taken = await admin('POST', '/api/v1/admin/officers', {
    name: 'Duplikat',
    telegramUserId: 1001, // the seeded verifikator's
    roles: ['verifikator'],
    departments: ['DPMPTSP'],
  });
  expect([taken.status, taken.body.type]).toEqual([
    409,
    'https://perizinan.serangkab.go.id/problems/conflict',
  ]);
  const missing = await admin('PATCH', '/api/v1/admin/officers/a0000000-0000-4000-8000-0000000000ff', {
    name: 'X',
  });
  expect(missing.status).toBe(404);
  const notUuid = await admin('PATCH', '/api/v1/admin/officers/42', { name: 'X' });
  expect(notUuid.status).toBe(404);
  const asOfficer = await call(api.url, 'POST', '/api/v1/admin/officers', {
    bearer: api.keys.kepala,
    body: { name: 'X', roles: ['kepala'], departments: ['DPMPTSP'] },
  });
  expect(asOfficer.status).toBe(401);
  expect(await rowCounts(api.stack.pool)).toEqual(before);
});

test('without ADMIN_TOKEN the admin endpoints say so', async () => {
  const other = await api.serveWith({ adminToken: undefined });
  try {
    const res = await call(other.url, 'GET', '/api/v1/admin/officers', { bearer: ADMIN_TOKEN });
    // The token is not known to this app, so it is an unknown bearer.
    expect(res.status).toBe(401);
    const bare = await call(other.url, 'GET', '/api/v1/admin/officers');
    expect([bare.status, bare.body.type]).toEqual([
      403,
      'https://perizinan.serangkab.go.id/problems/not-configured',
    ]);
  } finally {
    await other.close();
  }
});
