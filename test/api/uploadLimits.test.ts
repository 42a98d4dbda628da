import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp } from '../../src/api/createApp.js';
import { createServices } from '../../src/services/index.js';
import { startUploadCleanup } from '../../src/worker/uploadCleanup.js';
import { serve } from '../support/httpServer.js';
import { testCatalog } from '../support/permitScenario.js';
import { type ApiTestStack, NO_LIMITS, startApiTestStack } from './support/apiStack.js';
import {
  call,
  PDF_BYTES,
  PNG_BYTES,
  type Submitted,
  submitViaApi,
  type Uploaded,
  uploadForm,
  uploadKtp,
} from './support/httpClient.js';

let api: ApiTestStack;
beforeAll(async () => {
  api = await startApiTestStack('api_upload_limits');
});
afterAll(async () => {
  await api?.stop();
});

const bytes = (tag: string) => Buffer.concat([PDF_BYTES, Buffer.from(`%${tag}\n`)]);
const storedUploads = async () =>
  Number((await api.stack.pool.query('SELECT count(*) FROM document_uploads')).rows[0].count);

test('uploads without an officer key are capped in bytes per client address per hour', async () => {
  const cap = bytes('a').length * 2 + 10;
  const services = createServices({
    pool: api.stack.pool,
    temporal: api.stack.client,
    catalog: testCatalog,
    calendar: api.stack.calendar,
    taskQueue: api.stack.taskQueue,
    dataDir: api.dataDir,
    uploadBytesPerAddressPerHour: cap,
  });
  const capped = await serve(
    createApp({
      temporal: api.stack.client,
      services,
      settings: { rateLimits: NO_LIMITS, trustProxyHops: 1 },
    }),
  );
  const upload = (tag: string, headers: Record<string, string>) =>
    call(capped.url, 'POST', '/api/v1/documents', {
      rawBody: uploadForm({ permitTypeCode: 'TEST-FREE', kind: 'ktp' }, bytes(tag)),
      headers,
    });
  const client = { 'x-forwarded-for': '203.0.113.9' };
  try {
    expect((await upload('1', client)).status).toBe(201);
    expect((await upload('2', client)).status).toBe(201);
    const before = await storedUploads();
    const refused = await upload('3', client);
    expect([refused.status, refused.body.type]).toEqual([
      429,
      'https://perizinan.serangkab.go.id/problems/upload-quota-exceeded',
    ]);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await storedUploads()).toBe(before);
    // Another address, and an officer at the counter, upload as before.
    expect((await upload('4', { 'x-forwarded-for': '198.51.100.4' })).status).toBe(201);
    expect((await upload('5', { ...client, authorization: `Bearer ${api.keys.verifikator}` })).status).toBe(
      201,
    );
  } finally {
    await capped.close();
  }
});

/** Makes uploads look `hours` old (receipts and stored contents). */
async function age(uploads: readonly { sha256: string }[], hours: number) {
  const sha256s = uploads.map((u) => u.sha256);
  await api.stack.pool.query(
    `UPDATE document_receipts SET uploaded_at = now() - make_interval(hours => $2) WHERE sha256 = ANY($1)`,
    [sha256s, hours],
  );
  await api.stack.pool.query(
    `UPDATE document_uploads SET uploaded_at = now() - make_interval(hours => $2) WHERE sha256 = ANY($1)`,
    [sha256s, hours],
  );
}

const stored = (sha256: string) => existsSync(path.join(api.dataDir, 'documents', sha256));
async function recorded(sha256: string) {
  const { rows } = await api.stack.pool.query(
    `SELECT (SELECT count(*)::int FROM document_uploads WHERE sha256 = $1) AS content,
            (SELECT count(*)::int FROM document_receipts WHERE sha256 = $1) AS receipts`,
    [sha256],
  );
  return { ...rows[0], onDisk: stored(sha256) };
}

test('the worker deletes uploads never attached to a file after 24 hours, and keeps what a file names', async () => {
  const abandoned = await uploadKtp(api.url, 'TEST-FREE', bytes('abandoned'));
  const attached = await uploadKtp(api.url, 'TEST-FREE', bytes('attached'));
  const file: Submitted = await submitViaApi(api.url, 'TEST-FREE', attached);
  // The same bytes again by someone who never submitted: their receipt goes, the bytes stay.
  const duplicate = await uploadKtp(api.url, 'TEST-FREE', bytes('attached'));
  const recent: Uploaded = await uploadKtp(api.url, 'TEST-FREE', bytes('recent'));
  const correction = await call<Uploaded>(
    api.url,
    'POST',
    `/api/v1/applications/${file.registrationNumber}/documents`,
    {
      accessCode: file.accessCode,
      rawBody: uploadForm(
        { kind: 'ktp' },
        Buffer.concat([PNG_BYTES, Buffer.from('never resubmitted')]),
        'image/png',
      ),
    },
  );
  expect(correction.status).toBe(201);
  await age([abandoned, attached, duplicate, correction.body], 25);
  await age([recent], 23);

  const removed = await new Promise<{ receipts: number; contents: number }>((resolve, reject) => {
    const job = startUploadCleanup(
      { pool: api.stack.pool, dataDir: api.dataDir },
      {
        intervalMs: 3_600_000,
        onRemoved: (r) => void job.stop().then(() => resolve(r)),
        onError: reject,
      },
    );
  });
  expect(removed).toEqual({ receipts: 3, contents: 2 });
  expect(await recorded(abandoned.sha256)).toEqual({ content: 0, receipts: 0, onDisk: false });
  expect(await recorded(correction.body.sha256)).toEqual({ content: 0, receipts: 0, onDisk: false });
  expect(await recorded(attached.sha256)).toEqual({ content: 1, receipts: 1, onDisk: true });
  expect(await recorded(recent.sha256)).toEqual({ content: 1, receipts: 1, onDisk: true });
  // The file still opens with its document.
  const status = await call<{ documents: { sha256: string }[] }>(
    api.url,
    'GET',
    `/api/v1/applications/${file.registrationNumber}`,
    { accessCode: file.accessCode },
  );
  expect(status.body.documents.map((d) => d.sha256)).toEqual([attached.sha256]);
});
