import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { officers } from '../support/permitScenario.js';
import { type ApiTestStack, startApiTestStack } from './support/apiStack.js';
import { call, rowCounts, type Uploaded, uploadKtp, validSubmission } from './support/httpClient.js';

let api: ApiTestStack;
/** Each test's own upload: an upload serves the one file that names it first. */
let ktp: Uploaded;

beforeAll(async () => {
  api = await startApiTestStack('api_idempotency');
});
beforeEach(async () => {
  ktp = await uploadKtp(api.url);
});
afterAll(async () => {
  await api?.stop();
});

interface Receipt {
  registrationNumber: string;
  accessCode: string | null;
  accessCodeNotice?: { id: string; en: string } | string;
  replayed: boolean;
  status: string;
  stage: string;
}

const submit = (key: string | undefined, body: unknown, bearer?: string) =>
  call<Receipt>(api.url, 'POST', '/api/v1/applications', {
    body,
    headers: key === undefined ? {} : { 'idempotency-key': key },
    ...(bearer ? { bearer } : {}),
  });

test('the same key and body again answer the same file, without the access code and without a second file', async () => {
  const key = randomUUID();
  const first = await submit(key, validSubmission('TEST-FREE', ktp));
  expect(first.status).toBe(201);
  expect(first.body.replayed).toBe(false);
  expect(first.headers.get('idempotent-replayed')).toBe('false');
  const before = await rowCounts(api.stack.pool);

  const again = await submit(key, validSubmission('TEST-FREE', ktp));
  expect(again.status).toBe(201);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(again.headers.get('location')).toBe(`/api/v1/applications/${first.body.registrationNumber}`);
  expect(again.body).toMatchObject({
    registrationNumber: first.body.registrationNumber,
    accessCode: null,
    replayed: true,
    stage: 'completeness',
  });
  expect(again.body.accessCodeNotice).toMatch(/hanya ditampilkan sekali/);
  // Field order in formData does not matter: it is the same body.
  const reordered = validSubmission('TEST-FREE', ktp);
  reordered.formData = {
    phone: '081234567890',
    fullName: 'Siti Rahmawati',
    applicantNik: reordered.formData.applicantNik,
  };
  expect((await submit(key, reordered)).body.registrationNumber).toBe(first.body.registrationNumber);
  expect(await rowCounts(api.stack.pool)).toEqual(before);

  // The first answer's code still opens the file.
  const status = await call(api.url, 'GET', `/api/v1/applications/${first.body.registrationNumber}`, {
    accessCode: first.body.accessCode!,
  });
  expect(status.status).toBe(200);
});

test('the same key with another body is a conflict (409) and changes nothing', async () => {
  const key = randomUUID();
  const first = await submit(key, validSubmission('TEST-FREE', ktp));
  expect(first.status).toBe(201);
  const before = await rowCounts(api.stack.pool);
  const other = validSubmission('TEST-FREE', ktp);
  other.formData.fullName = 'Budi Santoso';
  const conflict = await submit(key, other);
  expect(conflict.status).toBe(409);
  expect(conflict.body).toMatchObject({
    type: 'https://perizinan.serangkab.go.id/problems/idempotency-conflict',
    status: 409,
  });
  // The same key from an officer (a counter submission) is another request too.
  expect((await submit(key, validSubmission('TEST-FREE', ktp), api.keys.verifikator)).status).toBe(409);
  expect(await rowCounts(api.stack.pool)).toEqual(before);
});

test('a submission without an Idempotency-Key is refused before anything is stored', async () => {
  const before = await rowCounts(api.stack.pool);
  for (const key of [undefined, 'short', 'x'.repeat(201), 'with space inside']) {
    const res = await submit(key, validSubmission('TEST-FREE', ktp));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      type: 'https://perizinan.serangkab.go.id/problems/idempotency-key-required',
    });
  }
  expect(await rowCounts(api.stack.pool)).toEqual(before);
});

test('ten concurrent requests with one key create exactly one file', async () => {
  const key = randomUUID();
  const answers = await Promise.all(
    Array.from({ length: 10 }, () => submit(key, validSubmission('TEST-FREE', ktp))),
  );
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
  const numbers = new Set(answers.map((a) => a.body.registrationNumber));
  expect(numbers.size).toBe(1);
  expect(answers.filter((a) => a.body.accessCode !== null)).toHaveLength(1);
  const { rows } = await api.stack.pool.query(
    'SELECT count(*)::int AS n FROM applications WHERE idempotency_key = $1',
    [`api:${key}`],
  );
  expect(rows[0].n).toBe(1);
});

test('an officer key submits for a walk-in applicant: channel counter, recorded with the officer', async () => {
  const res = await submit(randomUUID(), validSubmission('TEST-FREE', ktp), api.keys.verifikator);
  expect(res.status).toBe(201);
  const { rows } = await api.stack.pool.query(
    `SELECT a.channel, a.submitted_by_officer, e.details
     FROM applications a JOIN audit_events e ON e.workflow_id = a.registration_number AND e.sequence = 1
     WHERE a.registration_number = $1`,
    [res.body.registrationNumber],
  );
  expect(rows[0]).toMatchObject({
    channel: 'counter',
    submitted_by_officer: officers.verifikator.id,
    details: { channel: 'counter', submittedByOfficerId: officers.verifikator.id },
  });
});

test('decisions with an Idempotency-Key are applied once', async () => {
  const first = await submit(randomUUID(), validSubmission('TEST-FREE', ktp));
  const rn = first.body.registrationNumber;
  const key = randomUUID();
  const decide = () =>
    call<{ status: string; stageKey: string; history: unknown[] }>(
      api.url,
      'POST',
      `/api/v1/applications/${rn}/decisions`,
      {
        bearer: api.keys.verifikator,
        headers: { 'idempotency-key': key },
        body: { decision: 'approve' },
      },
    );
  const a = await decide();
  const b = await decide();
  expect(a.status).toBe(200);
  expect(b.status).toBe(200);
  expect(b.body.stageKey).toBe('review');
  expect(b.body.history).toHaveLength(a.body.history.length);
  const { rows } = await api.stack.pool.query(
    `SELECT count(*)::int AS n FROM audit_events WHERE workflow_id = $1 AND action = 'stage_approved'`,
    [rn],
  );
  expect(rows[0].n).toBe(1);
});
