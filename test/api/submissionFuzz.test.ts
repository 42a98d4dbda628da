import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { validateNik } from '../../src/domain/identifiers/nik.js';
import { testCatalog } from '../support/permitScenario.js';
import { type ApiTestStack, startApiTestStack } from './support/apiStack.js';
import { call, rowCounts, type Uploaded, uploadKtp, validSubmission } from './support/httpClient.js';

// No worker: an invalid submission must never get as far as starting a workflow, and the
// fuzz stays fast (in-process app over loopback HTTP, real Postgres and Temporal client).
let api: ApiTestStack;
let ktp: Uploaded;

beforeAll(async () => {
  api = await startApiTestStack('api_fuzz', { worker: false });
  ktp = await uploadKtp(api.url);
});
afterAll(async () => {
  await api?.stop();
});

const RUNS = 1_200;
const codes = new Set(testCatalog.permitTypes.map((t) => t.code));
const KNOWN_TOP_LEVEL = new Set(['permitTypeCode', 'formData', 'documents']);

/** A JSON body or a raw text, each invalid by construction (see the comment of each branch). */
type Generated = { json: unknown } | { text: string };

const base = () =>
  validSubmission('TEST-FREE', ktp) as Record<string, unknown> & { formData: Record<string, unknown> };

const invalidBodies: fc.Arbitrary<Generated> = fc.oneof(
  // Any JSON value without a permitTypeCode: the field is required.
  fc
    .jsonValue()
    .filter((v) => !(v !== null && typeof v === 'object' && !Array.isArray(v) && 'permitTypeCode' in v))
    .map((json) => ({ json })),
  // A valid body plus a field the schema does not know: the schema is strict.
  fc
    .tuple(
      fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !KNOWN_TOP_LEVEL.has(k) && k !== '__proto__'),
      fc.jsonValue(),
    )
    .map(([key, value]) => ({ json: { ...base(), [key]: value } })),
  // A NIK that the NIK rules refuse.
  fc
    .oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^\d{16}$/), fc.integer())
    .filter((nik) => String(nik).trim() === '' || !validateNik(String(nik)).ok)
    .map((nik) => {
      const body = base();
      body.formData.applicantNik = nik;
      return { json: body };
    }),
  // A permit type that is not in the catalog (any shape).
  fc
    .oneof(fc.string({ maxLength: 50 }), fc.jsonValue())
    .filter((code) => typeof code !== 'string' || !codes.has(code.trim().toUpperCase()))
    .map((code) => ({ json: { ...base(), permitTypeCode: code } })),
  // A form with at least one field the permit type does not have.
  fc
    .tuple(
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
      fc.stringMatching(/^zz[a-zA-Z0-9]{1,10}$/),
      fc.jsonValue({ maxDepth: 1 }),
    )
    .map(([form, unknownKey, value]) => ({
      json: { ...base(), formData: { ...form, [unknownKey]: value } },
    })),
  // Documents of any shape: never the uploaded ktp under a valid reference, so never complete.
  fc
    .jsonValue({ maxDepth: 3 })
    .filter((docs) => !(Array.isArray(docs) && JSON.stringify(docs).includes(ktp.sha256)))
    .map((documents) => ({ json: { ...base(), documents } })),
  // Raw text that is not a JSON object with a permitTypeCode.
  fc
    .string({ maxLength: 200 })
    .filter((text) => {
      try {
        const parsed = JSON.parse(text);
        return !(parsed && typeof parsed === 'object' && 'permitTypeCode' in parsed);
      } catch {
        return true;
      }
    })
    .map((text) => ({ text })),
);

const headersArb = fc.record({
  key: fc.oneof(
    { arbitrary: fc.uuid(), weight: 8 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,40}$/), weight: 1 },
  ),
  language: fc.constantFrom(undefined, 'en', 'id', 'en-US,en;q=0.5', '*', 'fr'),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/merge-patch+json',
  ),
});

test(`${RUNS} generated invalid submissions: every answer is a 4xx problem, nothing is stored`, async () => {
  const before = await rowCounts(api.stack.pool);
  const types = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(invalidBodies, headersArb, async (generated, h) => {
      const headers: Record<string, string> = { 'content-type': h.contentType };
      if (h.key !== undefined) headers['idempotency-key'] = h.key.trim() === '' ? randomUUID() : h.key;
      if (h.language) headers['accept-language'] = h.language;
      const rawBody = 'json' in generated ? JSON.stringify(generated.json) : generated.text;
      const res = await call(api.url, 'POST', '/api/v1/applications', { rawBody, headers });
      types.set(String(res.body.type), (types.get(String(res.body.type)) ?? 0) + 1);
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      expect(res.status, res.text).toBeLessThan(500);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(String(res.body.type)).toMatch(/^https:\/\/perizinan\.serangkab\.go\.id\/problems\/[a-z-]+$/);
    }),
    { numRuns: RUNS },
  );
  expect(await rowCounts(api.stack.pool)).toEqual(before);
  // Not all answers are the same refusal: the generator reaches past the schema into the
  // catalog, form and document rules.
  expect([...types.keys()].map((t) => t.replace(/^.*\//, '')).sort()).toEqual(
    expect.arrayContaining(['invalid-form', 'invalid-request', 'malformed-json', 'unknown-permit-type']),
  );
}, 120_000);
