import { afterAll, beforeAll, expect, test } from 'vitest';
import { isValidBillingCode } from '../../src/domain/identifiers/billingCode.js';
import { pdfText } from '../documents/pdfTools.js';
import { waitFor } from '../support/waitFor.js';
import { type ApiTestStack, PAYMENT_SECRET, startApiTestStack } from './support/apiStack.js';
import { call, signed, submitViaApi, uploadKtp } from './support/httpClient.js';
import { fileAwaitingPayment } from './support/paymentStage.js';

// The levy assessment (SKRD) over real HTTP: issued when the file reaches its payment stage,
// downloadable by the applicant and the file's officers, and payable by its billing code; an
// unknown code, a wrong amount and a second payment of a paid code are refused and recorded.

const PROBLEM = 'https://perizinan.serangkab.go.id/problems/';
const CALLBACK = '/api/v1/payments/callback';
const LEVY = 150000;

let api: ApiTestStack;

beforeAll(async () => {
  api = await startApiTestStack('api_levy_assessment');
});
afterAll(async () => {
  await api?.stop();
});

const squash = (text: string) => text.replace(/\s+/g, ' ');

async function assessment(registrationNumber: string) {
  const { rows } = await api.stack.pool.query<{
    billing_code: string;
    due_at: Date;
    document_sha256: string;
  }>('SELECT billing_code, due_at, document_sha256 FROM levy_assessments WHERE registration_number = $1', [
    registrationNumber,
  ]);
  return rows[0];
}

function pay(body: Record<string, unknown>) {
  return call<{ outcome?: string; registrationNumber?: string; type?: string; reason?: string }>(
    api.url,
    'POST',
    CALLBACK,
    signed(PAYMENT_SECRET, { amount: LEVY, paidAt: new Date().toISOString(), ...body }),
  );
}

async function refusals(targetKind: string, targetId: string) {
  const { rows } = await api.stack.pool.query<{ changes: Record<string, unknown> }>(
    `SELECT changes FROM admin_audit WHERE action = 'payment_refused' AND target_kind = $1 AND target_id = $2
     ORDER BY id`,
    [targetKind, targetId],
  );
  return rows.map((r) => r.changes);
}

test('the SKRD is issued at the payment stage and downloadable with the access code or an officer key', async () => {
  const ktp = await uploadKtp(api.url, 'TEST-PAY');
  const early = await submitViaApi(api.url, 'TEST-PAY', ktp);
  // Before the assessment: the same 404 as for a file the caller may not see.
  const before = await call(api.url, 'GET', `/api/v1/applications/${early.registrationNumber}/skrd`, {
    accessCode: early.accessCode,
  });
  expect(before.status).toBe(404);

  const { registrationNumber, accessCode } = await fileAwaitingPayment(api);
  const issued = await waitFor('the SKRD to be issued', () => assessment(registrationNumber), 15_000);
  expect(isValidBillingCode(issued.billing_code)).toBe(true);

  const download = await fetch(`${api.url}/api/v1/applications/${registrationNumber}/skrd`, {
    headers: { 'x-access-code': accessCode },
  });
  expect(download.status).toBe(200);
  expect(download.headers.get('content-type')).toBe('application/pdf');
  expect(download.headers.get('etag')).toBe(`"${issued.document_sha256}"`);
  const pdf = Buffer.from(await download.arrayBuffer());
  const text = squash(await pdfText(pdf));
  expect(text).toContain('Rp 150.000');
  expect(text).toContain('seratus lima puluh ribu rupiah');
  expect(text).toContain(issued.billing_code.replace(/(\d{4})(?=\d)/g, '$1 '));
  expect(text).toContain('Peraturan Daerah Uji Nomor 1 Tahun 2026');
  // The payer is the form's full name (the read model records no separate applicant name).
  expect(text).toContain('Nama wajib retribusi : Siti Rahmawati');
  expect(text).toMatch(/Jatuh tempo : \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/);

  const officer = await call(api.url, 'GET', `/api/v1/applications/${registrationNumber}/skrd`, {
    bearer: api.keys.verifikator,
  });
  expect(officer.status).toBe(200);
  const wrongCode = await call(api.url, 'GET', `/api/v1/applications/${registrationNumber}/skrd`, {
    accessCode: 'WRONG-CODE-0000',
  });
  expect(wrongCode.status).toBe(404);
  const stranger = await call(api.url, 'GET', `/api/v1/applications/${registrationNumber}/skrd`, {
    bearer: api.keys.teknisDinkes,
  });
  expect(stranger.status).toBe(404);
});

test('a payment by billing code is applied; an unknown code, a wrong amount and a second payment are refused and recorded', async () => {
  const { registrationNumber } = await fileAwaitingPayment(api);
  const { billing_code: billingCode } = await waitFor(
    'the SKRD to be issued',
    () => assessment(registrationNumber),
    15_000,
  );

  // A code with a valid check digit that no assessment has, and one whose check digit fails.
  const unknown = await pay({ billingCode: '999999999991', reference: 'BJB-UNKNOWN-1' });
  expect(unknown.status).toBe(404);
  const mistyped = `${billingCode.slice(0, -1)}${(Number(billingCode.slice(-1)) + 1) % 10}`;
  expect((await pay({ billingCode: mistyped, reference: 'BJB-MISTYPED-1' })).status).toBe(404);
  expect(await refusals('billing_code', '999999999991')).toMatchObject([
    { billingCode: '999999999991', reference: 'BJB-UNKNOWN-1', reason: 'UNKNOWN_BILLING_CODE' },
  ]);

  const short = await pay({ billingCode, reference: 'BJB-SHORT-1', amount: LEVY - 1000 });
  expect(short.status).toBe(422);
  expect(short.body.type).toBe(`${PROBLEM}invalid-payment`);

  const paid = await pay({ billingCode, reference: 'BJB-CODE-1' });
  expect(paid.status).toBe(200);
  expect(paid.body).toMatchObject({ registrationNumber, outcome: 'accepted' });
  const retried = await pay({ billingCode, reference: 'BJB-CODE-1' });
  expect(retried.body.outcome).toBe('duplicate');

  const again = await pay({ billingCode, reference: 'BJB-CODE-2' });
  expect(again.status).toBe(409);
  expect(again.body.type).toBe(`${PROBLEM}payment-not-expected`);

  expect(await refusals('application', registrationNumber)).toMatchObject([
    { billingCode, reference: 'BJB-SHORT-1', amount: LEVY - 1000, reason: 'WRONG_AMOUNT' },
    { billingCode, reference: 'BJB-CODE-2', amount: LEVY, reason: 'WRONG_STAGE' },
  ]);

  // Naming the file both ways, or neither, is a malformed confirmation.
  const both = await pay({ billingCode, registrationNumber, reference: 'BJB-BOTH-1' });
  expect(both.status).toBe(400);
});

test('each file gets its own billing code, and the SKRD is stored once', async () => {
  const files = [await fileAwaitingPayment(api), await fileAwaitingPayment(api)];
  const codes = await Promise.all(
    files.map((f) => waitFor('the SKRD', () => assessment(f.registrationNumber), 15_000)),
  );
  expect(new Set(codes.map((c) => c.billing_code)).size).toBe(2);
  const { rows } = await api.stack.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM levy_assessments WHERE registration_number = ANY($1)',
    [files.map((f) => f.registrationNumber)],
  );
  expect(rows[0]?.n).toBe(2);
});
