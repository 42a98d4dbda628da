import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VALID_NIK } from '../support/permitScenario.js';
import { ADMIN_TOKEN, type ApiTestStack, PAYMENT_SECRET, startApiTestStack } from './support/apiStack.js';
import {
  type CallOptions,
  call,
  PDF_BYTES,
  rowCounts,
  type Submitted,
  signed,
  submitViaApi,
  type Uploaded,
  uploadForm,
  uploadKtp,
  validSubmission,
} from './support/httpClient.js';

let api: ApiTestStack;
/** Never attached: every submission that names it here is refused for another reason. */
let ktp: Uploaded;
let file: Submitted;

beforeAll(async () => {
  api = await startApiTestStack('api_bad_inputs');
  ktp = await uploadKtp(api.url);
  file = await submitViaApi(api.url, 'TEST-PAY', await uploadKtp(api.url, 'TEST-PAY'));
});
afterAll(async () => {
  await api?.stop();
});

const PROBLEM = 'https://perizinan.serangkab.go.id/problems/';
const SQL = "x'); DROP TABLE applications; --";
const SCRIPT = '<script>alert(document.cookie)</script>';

interface Case {
  name: string;
  method?: string;
  path?: string | (() => string);
  options: CallOptions | (() => CallOptions);
  status: number;
  type: string;
  /** A JSON pointer the problem's `errors` must name. */
  pointer?: string;
  /** Rows the refusal itself records (a refused payment is kept for its refund), by table. */
  records?: Record<string, number>;
}

const submission = (body: unknown, extra: CallOptions = {}): CallOptions => ({
  body,
  headers: { 'idempotency-key': randomUUID(), ...extra.headers },
});
const raw = (rawBody: string, contentType = 'application/json'): CallOptions => ({
  rawBody,
  headers: { 'content-type': contentType, 'idempotency-key': randomUUID() },
});
const valid = () => validSubmission('TEST-FREE', ktp);
const withForm = (formData: Record<string, unknown>) => ({
  ...valid(),
  formData: { ...valid().formData, ...formData },
});
const payment = (over: Record<string, unknown> = {}) => ({
  registrationNumber: file.registrationNumber,
  reference: 'REF-1',
  amount: 150000,
  paidAt: new Date().toISOString(),
  ...over,
});

const cases: Case[] = [
  {
    name: 'malformed JSON',
    options: () => raw('{"permitTypeCode": "TEST-FREE",'),
    status: 400,
    type: 'malformed-json',
  },
  { name: 'JSON that is not an object', options: () => raw('[1,2,3]'), status: 400, type: 'invalid-request' },
  { name: 'a bare JSON string', options: () => raw('"TEST-FREE"'), status: 400, type: 'malformed-json' },
  { name: 'no body at all', options: () => submission(undefined), status: 400, type: 'invalid-request' },
  {
    name: 'text/plain instead of JSON',
    options: () => raw(JSON.stringify(valid()), 'text/plain'),
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'permit type of the wrong type',
    options: () => submission({ ...valid(), permitTypeCode: 42 }),
    status: 400,
    type: 'invalid-request',
    pointer: '#/permitTypeCode',
  },
  {
    name: 'formData that is a string',
    options: () => submission({ ...valid(), formData: 'NIK 3604015708900001' }),
    status: 400,
    type: 'invalid-request',
    pointer: '#/formData',
  },
  {
    name: 'a form value that is an object',
    options: () => submission(withForm({ fullName: { first: 'Siti' } })),
    status: 400,
    type: 'invalid-request',
    pointer: '#/formData/fullName',
  },
  {
    name: 'a form value far too long',
    options: () => submission(withForm({ fullName: 'a'.repeat(5000) })),
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'missing permitTypeCode',
    options: () => submission({ formData: valid().formData, documents: valid().documents }),
    status: 400,
    type: 'invalid-request',
    pointer: '#/permitTypeCode',
  },
  {
    name: 'an unexpected top-level field',
    options: () => submission({ ...valid(), status: 'ISSUED' }),
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'a __proto__ key',
    options: () => raw(`{"__proto__": {"admin": true}, ${JSON.stringify(valid()).slice(1)}`),
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'an unknown permit type',
    options: () => submission({ ...valid(), permitTypeCode: 'IZIN-TIDAK-ADA' }),
    status: 422,
    type: 'unknown-permit-type',
  },
  {
    name: 'an invalid NIK (too short)',
    options: () => submission(withForm({ applicantNik: '360401570890' })),
    status: 422,
    type: 'invalid-form',
    pointer: '#/formData/applicantNik',
  },
  {
    name: 'an invalid NIK (month 13)',
    options: () => submission(withForm({ applicantNik: '3604015713900001' })),
    status: 422,
    type: 'invalid-form',
    pointer: '#/formData/applicantNik',
  },
  {
    name: 'a missing required field',
    options: () => submission({ ...valid(), formData: { applicantNik: VALID_NIK } }),
    status: 422,
    type: 'invalid-form',
    pointer: '#/formData/fullName',
  },
  {
    name: 'an unknown form field',
    options: () => submission(withForm({ favouriteColour: 'blue' })),
    status: 422,
    type: 'invalid-form',
    pointer: '#/formData/favouriteColour',
  },
  {
    name: 'a required document missing',
    options: () => submission({ ...valid(), documents: [] }),
    status: 422,
    type: 'missing-documents',
  },
  {
    name: 'a document that was never uploaded',
    options: () => submission({ ...valid(), documents: [{ kind: 'ktp', sha256: 'f'.repeat(64) }] }),
    status: 422,
    type: 'invalid-document',
  },
  {
    name: 'an oversized body (over 1 MB)',
    options: () => submission(withForm({ fullName: 'x'.repeat(1_100_000) })),
    status: 413,
    type: 'body-too-large',
  },
  {
    name: 'SQL in the permit type',
    options: () => submission({ ...valid(), permitTypeCode: SQL }),
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'SQL in the NIK',
    options: () => submission(withForm({ applicantNik: `3604' OR '1'='1` })),
    status: 422,
    type: 'invalid-form',
  },
  {
    name: 'a script as document kind',
    options: () => submission({ ...valid(), documents: [{ kind: SCRIPT, sha256: ktp.sha256 }] }),
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'a script as permit type',
    options: () => submission({ ...valid(), permitTypeCode: SCRIPT }),
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'SQL in the registration number',
    method: 'GET',
    path: `/api/v1/applications/${encodeURIComponent(`TEST-FREE-2026-000001' OR '1'='1`)}`,
    options: { accessCode: 'ABCDE-FGHJK' },
    status: 404,
    type: 'not-found',
  },
  {
    name: 'a script in the path',
    method: 'GET',
    path: `/api/v1/applications/${encodeURIComponent(SCRIPT)}`,
    options: {},
    status: 404,
    type: 'not-found',
  },
  {
    name: 'a decision with an unknown verb',
    path: () => `/api/v1/applications/${file.registrationNumber}/decisions`,
    options: () => ({ bearer: api.keys.verifikator, body: { decision: 'APPROVE' } }),
    status: 400,
    type: 'invalid-request',
    pointer: '#/decision',
  },
  {
    name: 'a decision with an extra field',
    path: () => `/api/v1/applications/${file.registrationNumber}/decisions`,
    options: () => ({ bearer: api.keys.verifikator, body: { decision: 'approve', officerId: 'x' } }),
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'a payment with a bad signature',
    path: '/api/v1/payments/callback',
    options: () => {
      const s = signed('not-the-secret-but-just-as-long-0123456789', payment());
      return { rawBody: s.rawBody, headers: s.headers };
    },
    status: 401,
    type: 'invalid-signature',
  },
  {
    name: 'a payment with no signature',
    path: '/api/v1/payments/callback',
    options: () => ({ rawBody: JSON.stringify(payment()), headers: { 'content-type': 'application/json' } }),
    status: 401,
    type: 'invalid-signature',
  },
  {
    name: 'a signed payment whose body was changed',
    path: '/api/v1/payments/callback',
    options: () => {
      const s = signed(PAYMENT_SECRET, payment());
      return { rawBody: s.rawBody.replace('150000', '1'), headers: s.headers };
    },
    status: 401,
    type: 'invalid-signature',
  },
  {
    name: 'a signed payment of the wrong amount',
    path: '/api/v1/payments/callback',
    options: () => signed(PAYMENT_SECRET, payment({ amount: 1000 })),
    status: 422,
    type: 'invalid-payment',
    // Refused, and kept for the refund: the file itself is unchanged.
    records: { admin_audit: 1 },
  },
  {
    name: 'a signed payment for a file still in review',
    path: '/api/v1/payments/callback',
    options: () => signed(PAYMENT_SECRET, payment()),
    status: 409,
    type: 'payment-not-expected',
    records: { admin_audit: 1 },
  },
  {
    name: 'a signed payment for an unknown file',
    path: '/api/v1/payments/callback',
    options: () => signed(PAYMENT_SECRET, payment({ registrationNumber: 'TEST-PAY-2026-999999' })),
    status: 404,
    type: 'not-found',
  },
  {
    name: 'a signed payment with a negative amount',
    path: '/api/v1/payments/callback',
    options: () => signed(PAYMENT_SECRET, payment({ amount: -5 })),
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'an officer without roles',
    path: '/api/v1/admin/officers',
    options: { bearer: ADMIN_TOKEN, body: { name: 'X', roles: [], departments: ['DPMPTSP'] } },
    status: 400,
    type: 'invalid-request',
    pointer: '#/roles',
  },
  {
    name: 'an officer with a script as department',
    path: '/api/v1/admin/officers',
    options: { bearer: ADMIN_TOKEN, body: { name: 'X', roles: ['verifikator'], departments: [SCRIPT] } },
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'a PATCH with nothing to change',
    method: 'PATCH',
    path: '/api/v1/admin/officers/a0000000-0000-4000-8000-000000000001',
    options: { bearer: ADMIN_TOKEN, body: {} },
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'an upload whose bytes are not a PDF',
    path: '/api/v1/documents',
    options: () => ({
      rawBody: uploadForm(
        { permitTypeCode: 'TEST-FREE', kind: 'ktp' },
        Buffer.from('MZ\x90\x00 not a pdf at all'),
      ),
    }),
    status: 415,
    type: 'invalid-document',
  },
  {
    name: 'an upload larger than the kind allows',
    path: '/api/v1/documents',
    options: () => ({
      rawBody: uploadForm(
        { permitTypeCode: 'TEST-FREE', kind: 'ktp' },
        Buffer.concat([PDF_BYTES, Buffer.alloc(2_200_000, 0x20)]),
      ),
    }),
    status: 413,
    type: 'invalid-document',
  },
  {
    name: 'an upload of an unknown kind',
    path: '/api/v1/documents',
    options: () => ({ rawBody: uploadForm({ permitTypeCode: 'TEST-FREE', kind: 'paspor' }, PDF_BYTES) }),
    status: 422,
    type: 'invalid-document',
  },
  {
    name: 'an upload with the file before its kind',
    path: '/api/v1/documents',
    options: () => {
      const form = new FormData();
      form.append('file', new Blob([PDF_BYTES], { type: 'application/pdf' }), 'a.pdf');
      form.append('permitTypeCode', 'TEST-FREE');
      form.append('kind', 'ktp');
      return { rawBody: form };
    },
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'an upload that is not multipart',
    path: '/api/v1/documents',
    options: { body: { permitTypeCode: 'TEST-FREE', kind: 'ktp' } },
    status: 415,
    type: 'unsupported-media-type',
  },
];

describe('bad inputs: 4xx problem+json, no state change', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await rowCounts(api.stack.pool);
    const path = typeof c.path === 'function' ? c.path() : (c.path ?? '/api/v1/applications');
    const options = typeof c.options === 'function' ? c.options() : c.options;
    const res = await call<{ type: string; title: string; detail: string; errors?: { pointer: string }[] }>(
      api.url,
      c.method ?? 'POST',
      path,
      options,
    );
    expect({ status: res.status, type: res.body?.type }).toEqual({
      status: c.status,
      type: `${PROBLEM}${c.type}`,
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(typeof res.body.title).toBe('string');
    expect(typeof res.body.detail).toBe('string');
    expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
    expect(res.text).not.toContain('<script>');
    if (c.pointer) expect(res.body.errors?.map((e) => e.pointer)).toContain(c.pointer);
    const recorded = Object.entries(c.records ?? {}).map(([table, rows]) => [
      table,
      Number(before[table]) + rows,
    ]);
    expect(await rowCounts(api.stack.pool)).toEqual({ ...before, ...Object.fromEntries(recorded) });
  });
});

test('SQL- and script-looking text in a free-text field is data: stored and returned verbatim, JSON-escaped', async () => {
  const name = `Siti${SQL}`.slice(0, 100);
  const res = await call<{ registrationNumber: string; accessCode: string }>(
    api.url,
    'POST',
    '/api/v1/applications',
    {
      // Its own upload: the shared one must stay unattached for the refusals around it.
      body: {
        ...validSubmission('TEST-FREE', await uploadKtp(api.url)),
        formData: withForm({ fullName: name }).formData,
      },
      headers: { 'idempotency-key': randomUUID() },
    },
  );
  expect(res.status).toBe(201);
  const status = await call<{ formData: { fullName: string } }>(
    api.url,
    'GET',
    `/api/v1/applications/${res.body.registrationNumber}`,
    { accessCode: res.body.accessCode },
  );
  expect(status.body.formData.fullName).toBe(name);
  expect(
    (await api.stack.pool.query('SELECT count(*)::int AS n FROM applications')).rows[0].n,
  ).toBeGreaterThan(1);
});

test('problem details follow Accept-Language: Indonesian by default, English on request', async () => {
  const body = withForm({ applicantNik: '1' });
  const id = await call(api.url, 'POST', '/api/v1/applications', submission(body));
  const en = await call(api.url, 'POST', '/api/v1/applications', {
    ...submission(body),
    headers: { 'idempotency-key': randomUUID(), 'accept-language': 'en-GB,en;q=0.9' },
  });
  expect(id.headers.get('content-language')).toBe('id');
  expect(id.body.title).toBe('Isian formulir tidak valid');
  expect(en.headers.get('content-language')).toBe('en');
  expect(en.body.title).toBe('Invalid form');
  expect(en.body.errors).toEqual([
    expect.objectContaining({
      pointer: '#/formData/applicantNik',
      code: 'INVALID_NIK',
      detail: 'The NIK must be exactly 16 digits.',
    }),
  ]);
});
