import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiTestStack, startApiTestStack } from './support/apiStack.js';
import {
  call,
  PNG_BYTES,
  rowCounts,
  type Submitted,
  submitViaApi,
  uploadForm,
  uploadKtp,
  validSubmission,
} from './support/httpClient.js';

let api: ApiTestStack;
beforeAll(async () => {
  api = await startApiTestStack('api_document_binding');
});
afterAll(async () => {
  await api?.stop();
});

const PROBLEM = 'https://perizinan.serangkab.go.id/problems/';
const submit = (body: unknown) =>
  call(api.url, 'POST', '/api/v1/applications', { body, headers: { 'idempotency-key': randomUUID() } });

/** A file the verifikator sent back for corrections. */
async function fileAwaitingCorrections(): Promise<Submitted> {
  const file = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
  const revise = await call(api.url, 'POST', `/api/v1/applications/${file.registrationNumber}/decisions`, {
    bearer: api.keys.verifikator,
    body: { decision: 'revise', note: 'foto KTP buram' },
  });
  expect(revise.status).toBe(200);
  return file;
}

/** An upload made for an existing file (a correction). */
async function uploadTo(file: Submitted, bytes: Buffer) {
  const res = await call<{ sha256: string; uploadToken: string }>(
    api.url,
    'POST',
    `/api/v1/applications/${file.registrationNumber}/documents`,
    { accessCode: file.accessCode, rawBody: uploadForm({ kind: 'ktp' }, bytes, 'image/png') },
  );
  expect(res.status).toBe(201);
  return res.body;
}

const resubmit = (file: Submitted, documents: unknown[]) =>
  call(api.url, 'POST', `/api/v1/applications/${file.registrationNumber}/resubmission`, {
    accessCode: file.accessCode,
    body: { documents },
  });

test("another applicant's upload cannot be attached by its hash: 422, nothing stored", async () => {
  const victims = await uploadKtp(api.url);
  expect(victims.uploadToken).toMatch(/^up_/);
  const before = await rowCounts(api.stack.pool);
  // Someone who learned the hash, with no token, a made-up one, or a token of their own upload.
  const mine = await uploadKtp(api.url, 'TEST-FREE', PNG_BYTES);
  const afterMine = await rowCounts(api.stack.pool);
  for (const uploadToken of [undefined, `up_${'A'.repeat(32)}`, mine.uploadToken]) {
    const res = await submit(validSubmission('TEST-FREE', { sha256: victims.sha256, uploadToken } as never));
    expect([res.status, res.body.type, res.body.reason]).toEqual([
      422,
      `${PROBLEM}invalid-document`,
      'NOT_UPLOADED',
    ]);
  }
  expect(await rowCounts(api.stack.pool)).toEqual(afterMine);
  expect(afterMine.applications).toBe(before.applications);
  // The uploader's own submission still works.
  expect((await submit(validSubmission('TEST-FREE', victims))).status).toBe(201);
});

test('an upload belongs to the one file that names it: another submission with its token is refused', async () => {
  const ktp = await uploadKtp(api.url);
  const key = randomUUID();
  const first = await call(api.url, 'POST', '/api/v1/applications', {
    body: validSubmission('TEST-FREE', ktp),
    headers: { 'idempotency-key': key },
  });
  expect(first.status).toBe(201);
  // A retry of that same submission still gets its answer.
  const replay = await call(api.url, 'POST', '/api/v1/applications', {
    body: validSubmission('TEST-FREE', ktp),
    headers: { 'idempotency-key': key },
  });
  expect([replay.status, replay.body.registrationNumber]).toEqual([201, first.body.registrationNumber]);
  const before = await rowCounts(api.stack.pool);
  const second = await submit(validSubmission('TEST-FREE', ktp));
  expect([second.status, second.body.reason]).toEqual([422, 'NOT_UPLOADED']);
  expect(await rowCounts(api.stack.pool)).toEqual(before);
  // The same bytes uploaded again are a new upload of one's own: fine.
  expect((await submit(validSubmission('TEST-FREE', await uploadKtp(api.url)))).status).toBe(201);
});

test("an upload made for one file cannot be attached to another file; one's own file takes the same bytes", async () => {
  const owner = await fileAwaitingCorrections();
  const other = await fileAwaitingCorrections();
  const ownersUpload = await uploadTo(owner, Buffer.concat([PNG_BYTES, Buffer.from('owner')]));
  const before = await rowCounts(api.stack.pool);
  for (const reference of [
    { kind: 'ktp', sha256: ownersUpload.sha256 },
    { kind: 'ktp', sha256: ownersUpload.sha256, uploadToken: ownersUpload.uploadToken },
  ]) {
    const refused = await resubmit(other, [reference]);
    expect([refused.status, refused.body.reason]).toEqual([422, 'NOT_UPLOADED']);
  }
  expect(await rowCounts(api.stack.pool)).toEqual(before);

  // The other applicant uploads the same bytes for their own file: accepted.
  const same = await uploadTo(other, Buffer.concat([PNG_BYTES, Buffer.from('owner')]));
  expect(same.sha256).toBe(ownersUpload.sha256);
  expect((await resubmit(other, [{ kind: 'ktp', sha256: same.sha256 }])).status).toBe(200);
  // And the owner attaches theirs by hash alone, as before.
  expect((await resubmit(owner, [{ kind: 'ktp', sha256: ownersUpload.sha256 }])).status).toBe(200);
});
