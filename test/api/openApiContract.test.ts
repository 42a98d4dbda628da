import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { officers, VALID_NIK } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { ADMIN_TOKEN, type ApiTestStack, PAYMENT_SECRET, startApiTestStack } from './support/apiStack.js';
import { exerciseComplaintOperations } from './support/complaintContractCalls.js';
import { type ContractChecker, type Expectation, startContractChecker } from './support/contractChecker.js';
import {
  type CallOptions,
  call,
  PDF_BYTES,
  signed,
  type Uploaded,
  uploadForm,
  validSubmission,
} from './support/httpClient.js';
import { exercisePermitOperations } from './support/permitContractCalls.js';
import { exerciseSurveyOperations } from './support/surveyContractCalls.js';

// Every request of this file goes through Stoplight Prism's validation proxy, a contract checker
// written elsewhere: an answer the OpenAPI document does not describe fails the suite.
let api: ApiTestStack;
let contract: ContractChecker;

beforeAll(async () => {
  api = await startApiTestStack('api_contract');
  contract = await startContractChecker(api.url);
});
afterAll(async () => {
  await contract?.stop();
  await api?.stop();
});

type Options = CallOptions;
const GET = (path: string, options: Options, expectation: Expectation) =>
  contract.checked('GET', path, options, expectation);
const POST = <T = Record<string, unknown>>(path: string, options: Options, expectation: Expectation) =>
  contract.checked<T>('POST', path, options, expectation);
const PATCH = (path: string, options: Options, expectation: Expectation) =>
  contract.checked('PATCH', path, options, expectation);

/** Requests that break the document on purpose: only the API's answer is checked. */
const refused = (status: number): Expectation => ({ status, invalidRequest: true });
const upload = (fields: Record<string, string>, extra: Options = {}): Options => ({
  rawBody: uploadForm(fields, PDF_BYTES),
  ...extra,
});
const keyed = (body: unknown): Options => ({ body, headers: { 'idempotency-key': randomUUID() } });
const notJson = (extra: Options = {}): Options => ({
  rawBody: 'approve',
  ...extra,
  headers: { 'content-type': 'text/plain', ...extra.headers },
});
const UNKNOWN_KEY = 'po_unknownkey_0123456789abcdef';
/** A NIK born in month 13: refused with the identifier's own reason. */
const BAD_NIK = '3604015713900001';

test('public operations answer as documented; an unknown bearer key is refused even there', async () => {
  await GET('/healthz', {}, { status: 200 });
  await GET('/readyz', {}, { status: 200 });
  await GET('/metrics', {}, { status: 200 });
  await GET('/api/v1/openapi.json', {}, { status: 200 });
  await GET('/api/v1/permit-types', {}, { status: 200 });
  await GET('/api/v1/permit-types/TEST-FREE', {}, { status: 200 });
  await GET('/api/v1/permit-types/NO-SUCH-TYPE', {}, { status: 404 });
  await GET('/api/v1/stats', {}, { status: 200 });
  await GET('/api/v1/permit-types', { bearer: UNKNOWN_KEY }, refused(401));
});

test('uploads and submissions: stored, receipts, replays and every refusal of a bad request', async () => {
  const documents = '/api/v1/documents';
  const ktp = await POST<Uploaded>(documents, upload({ permitTypeCode: 'TEST-FREE', kind: 'ktp' }), {
    status: 201,
  });
  await POST(documents, upload({ permitTypeCode: 'TEST-FREE', kind: 'passport' }), { status: 422 });
  await POST(documents, notJson(), refused(415));

  const applications = '/api/v1/applications';
  const body = validSubmission('TEST-FREE', ktp.body);
  const headers = { 'idempotency-key': randomUUID() };
  await POST(applications, { body, headers }, { status: 201 });
  await POST(applications, { body, headers }, { status: 201 });
  const otherBody = { ...body, formData: { ...body.formData, fullName: 'Other' } };
  await POST(applications, { body: otherBody, headers }, { status: 409 });
  // One upload serves one file: a bad form is judged with an upload of its own.
  const unused = await POST<Uploaded>(documents, upload({ permitTypeCode: 'TEST-FREE', kind: 'ktp' }), {
    status: 201,
  });
  const badForm = await POST<{ errors: { reason?: string }[] }>(
    applications,
    keyed({
      ...validSubmission('TEST-FREE', unused.body),
      formData: { ...body.formData, applicantNik: BAD_NIK },
    }),
    { status: 422 },
  );
  expect(badForm.body.errors).toContainEqual(expect.objectContaining({ reason: 'BAD_BIRTH_MONTH' }));
  await POST(applications, keyed({ ...body, permitTypeCode: 'NO-SUCH' }), { status: 422 });
  await POST(applications, keyed({ ...body, documents: [] }), { status: 422 });
  await POST(applications, keyed({ ...body, extra: 1 }), refused(400));
  await POST(applications, { body }, refused(400));
  await POST(applications, notJson({ headers }), refused(415));
});

interface Receipt {
  registrationNumber: string;
  accessCode: string;
}

async function submitted(permitTypeCode: string): Promise<Receipt> {
  const ktp = await call<Uploaded>(api.url, 'POST', '/api/v1/documents', {
    rawBody: uploadForm({ permitTypeCode, kind: 'ktp' }, PDF_BYTES),
  });
  const res = await POST<Receipt>('/api/v1/applications', keyed(validSubmission(permitTypeCode, ktp.body)), {
    status: 201,
  });
  return res.body;
}

async function statusOf(rn: string, accessCode: string) {
  const res = await call<{ status: string; stage: string | null }>(
    api.url,
    'GET',
    `/api/v1/applications/${rn}`,
    {
      accessCode,
    },
  );
  return res.body;
}

const NO_FILE = '/api/v1/applications/TEST-PAY-2000-999999';

test('a paid file through its life: every answer to the applicant, the officers and the gateway', async () => {
  const file = await submitted('TEST-PAY');
  const rn = file.registrationNumber;
  let code = file.accessCode;
  const at = `/api/v1/applications/${rn}`;
  const officer = (key: keyof typeof officers, body?: unknown): Options => ({
    bearer: api.keys[key],
    ...(body === undefined ? {} : { body }),
  });

  await GET(at, { accessCode: code }, { status: 200 });
  await GET(at, officer('verifikator'), { status: 200 });
  // The deliberate 404: a wrong code, no credentials, a malformed number or an officer the file
  // never reached (another department) look like no file at all.
  await GET(at, officer('teknisDinkes'), { status: 404 });
  await GET(at, { accessCode: 'WRONGCODE1' }, { status: 404 });
  await GET(at, {}, refused(404));
  await GET('/api/v1/applications/not-a-number', { accessCode: code }, refused(404));
  await GET(at, { bearer: UNKNOWN_KEY }, refused(401));

  // No levy assessed before the payment stage, nothing paid: the same 404 as for a file one may not see.
  await GET(`${at}/skrd`, { accessCode: code }, { status: 404 });
  await GET(`${at}/receipt`, { accessCode: code }, { status: 404 });

  await GET('/api/v1/inbox', officer('verifikator'), { status: 200 });
  await GET('/api/v1/inbox', {}, refused(401));

  const decisions = `${at}/decisions`;
  await POST(decisions, { body: { decision: 'approve' } }, refused(401));
  await POST(decisions, officer('teknisDinkes', { decision: 'approve' }), { status: 403 });
  await POST(decisions, officer('verifikator', { decision: 'revise' }), { status: 422 });
  await POST(`${NO_FILE}/decisions`, officer('verifikator', { decision: 'approve' }), { status: 404 });
  await POST(decisions, notJson(officer('verifikator')), refused(415));
  const huge = { decision: 'approve', note: 'x'.repeat(1_100_000) };
  await POST(decisions, officer('verifikator', huge), refused(413));
  await POST(decisions, officer('verifikator', { decision: 'revise', note: 'Foto KTP buram' }), {
    status: 200,
  });

  const newKtp = await POST<{ sha256: string }>(
    `${at}/documents`,
    upload({ kind: 'ktp' }, { accessCode: code }),
    {
      status: 201,
    },
  );
  await POST(`${at}/documents`, upload({ kind: 'ktp' }), refused(404));
  await POST(`${at}/documents`, upload({ kind: 'passport' }, { accessCode: code }), { status: 422 });

  const resubmission = `${at}/resubmission`;
  const corrections = {
    documents: [{ kind: 'ktp', sha256: newKtp.body.sha256 }],
    note: 'Sudah diunggah ulang',
  };
  await POST(resubmission, officer('verifikator', corrections), refused(403));
  await POST(resubmission, { body: corrections }, refused(404));
  const badCorrection = { changedFields: { applicantNik: BAD_NIK } };
  await POST(resubmission, { body: badCorrection, accessCode: code }, { status: 422 });
  await POST(resubmission, { body: corrections, accessCode: code }, { status: 200 });
  await POST(resubmission, { body: corrections, accessCode: code }, { status: 409 });

  const accessCode = `${at}/access-code`;
  const card = { applicantNik: VALID_NIK };
  await POST(accessCode, { body: card }, refused(401));
  await POST(accessCode, officer('teknisDinkes', card), { status: 403 });
  await POST(accessCode, officer('verifikator', { applicantNik: '3604015708900002' }), { status: 422 });
  await POST(`${NO_FILE}/access-code`, officer('verifikator', card), { status: 404 });
  const reissued = await POST<{ accessCode: string }>(accessCode, officer('verifikator', card), {
    status: 200,
  });
  code = reissued.body.accessCode;

  await POST(decisions, officer('verifikator', { decision: 'approve' }), { status: 200 });
  await POST(decisions, officer('teknis', { decision: 'approve' }), { status: 200 });
  await waitFor(
    'the file to await payment',
    async () => (await statusOf(rn, code)).status === 'AWAITING_PAYMENT',
  );

  const billingCode = await waitFor('the SKRD to be issued', async () => {
    const { rows } = await api.stack.pool.query<{ billing_code: string }>(
      'SELECT billing_code FROM levy_assessments WHERE registration_number = $1',
      [rn],
    );
    return rows[0]?.billing_code;
  });
  await GET(`${at}/skrd`, { accessCode: code }, { status: 200 });
  await GET(`${at}/skrd`, officer('verifikator'), { status: 200 });
  await GET(`${at}/skrd`, { accessCode: 'WRONGCODE1' }, { status: 404 });

  const callback = '/api/v1/payments/callback';
  const payByCode = (code: string, amount: number, reference: string) =>
    signed(PAYMENT_SECRET, { billingCode: code, reference, amount, paidAt: new Date().toISOString() });
  await POST(callback, payByCode('000000009993', 150000, 'BJB-NO-SUCH-CODE'), { status: 404 });
  await POST(callback, payByCode(billingCode, 1, 'BJB-CODE-SHORT'), { status: 422 });
  const pay = (
    registrationNumber: string,
    amount: number,
    reference = `BJB-${rn}`,
    secret = PAYMENT_SECRET,
  ) => signed(secret, { registrationNumber, reference, amount, paidAt: new Date().toISOString() });
  await POST(callback, pay(rn, 150000, undefined, 'not-the-shared-secret'), { status: 401 });
  await POST(callback, pay('TEST-PAY-2000-999999', 150000), { status: 404 });
  await POST(callback, pay(rn, 1), { status: 422 });
  await POST(callback, payByCode(billingCode, 150000, `BJB-${rn}`), { status: 200 });
  await POST(callback, pay(rn, 150000), { status: 200 });
  await GET(`${at}/receipt`, { accessCode: code }, { status: 200 });
  await GET(`${at}/receipt`, officer('verifikator'), { status: 200 });
  await GET(`${at}/receipt`, { accessCode: 'WRONGCODE1' }, { status: 404 });
  await waitFor(
    'the payment to reach the decision',
    async () => (await statusOf(rn, code)).stage === 'decision',
  );

  await POST(decisions, officer('kepala', { decision: 'approve' }), { status: 200 });
  await POST(decisions, officer('kepala', { decision: 'approve' }), { status: 409 });
  await POST(callback, pay(rn, 150000, 'BJB-LATE-1'), { status: 409 });
  await POST(callback, payByCode(billingCode, 150000, 'BJB-LATE-2'), { status: 409 });

  // The issued permit: its PDF, its verification and its revocation.
  await waitFor('the file to be issued', async () => (await statusOf(rn, code)).status === 'ISSUED');
  await exercisePermitOperations(contract, api, { registrationNumber: rn, accessCode: code });
});

test('an applicant withdraws; a closed file refuses another withdrawal', async () => {
  const file = await submitted('TEST-FREE');
  const withdrawal = `/api/v1/applications/${file.registrationNumber}/withdrawal`;
  const reason = { reason: 'Salah jenis izin' };
  await POST(withdrawal, { body: reason }, refused(404));
  await POST(withdrawal, { body: reason, accessCode: file.accessCode }, { status: 200 });
  await POST(withdrawal, { accessCode: file.accessCode }, { status: 409 });
});

test('the satisfaction survey: answered once when the file closes; figures withheld under the floor; comments for managers only', async () => {
  await exerciseSurveyOperations({ contract, keys: api.keys, submitted: () => submitted('TEST-FREE') });
});

test('complaints: filed about a file and anonymously, answered by a manager, reopened once', async () => {
  await exerciseComplaintOperations({ contract, file: await submitted('TEST-FREE'), keys: api.keys });
});

test('officer administration: created, listed, changed, audited; refused without the admin token', async () => {
  const officersPath = '/api/v1/admin/officers';
  const admin = (body?: unknown): Options => ({
    bearer: ADMIN_TOKEN,
    ...(body === undefined ? {} : { body }),
  });
  const rina = { name: 'Rina Petugas', roles: ['verifikator'], departments: ['DPMPTSP'] };
  await POST(officersPath, { body: rina }, refused(401));
  const created = await POST<{ officer: { id: string } }>(officersPath, admin(rina), { status: 201 });
  await POST(officersPath, admin({ ...rina, telegramUserId: officers.verifikator.chat }), { status: 409 });
  await GET(officersPath, admin(), { status: 200 });
  await GET(officersPath, {}, refused(401));
  await GET(officersPath, { bearer: api.keys.verifikator }, { status: 401 });

  const one = `${officersPath}/${created.body.officer.id}`;
  await PATCH(one, admin({ active: false }), { status: 200 });
  await PATCH(one, admin({ telegramUserId: officers.kepala.chat }), { status: 409 });
  await PATCH(`${officersPath}/${randomUUID()}`, admin({ active: true }), { status: 404 });
  await GET(`${one}/audit`, admin(), { status: 200 });
  await GET(`${officersPath}/not-a-uuid/audit`, admin(), refused(404));
});

test('every operation of the document went through the contract checker', () => {
  expect(contract.operations().length).toBeGreaterThanOrEqual(24);
  expect(contract.exercised()).toEqual(contract.operations());
});
