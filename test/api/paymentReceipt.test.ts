import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatBillingCode } from '../../src/domain/identifiers/billingCode.js';
import { maskNikForDocument } from '../../src/domain/identifiers/nik.js';
import { pdfText } from '../documents/pdfTools.js';
import { VALID_NIK } from '../support/officerFixtures.js';
import { waitFor } from '../support/waitFor.js';
import { type ApiTestStack, PAYMENT_SECRET, startApiTestStack } from './support/apiStack.js';
import { call, signed } from './support/httpClient.js';
import { fileAwaitingPayment } from './support/paymentStage.js';

// The payment receipt (bukti pembayaran) over real HTTP, for an applicant without Telegram: none
// before the payment, then, after the gateway pays by billing code, a PDF on the office's
// letterhead with the payer (NIK masked), the amount in figures and words, the billing code,
// the gateway's reference and the moment of payment; the same bytes on every request, with the
// same access as the SKRD. The status answer shows the payment too.

const LEVY = 150000;
const REFERENCE = 'BJB-RECEIPT-20261130-7';
// 14.05 WIB on 30 November 2026, as the gateway states it.
const PAID_AT = '2026-11-30T07:05:00.000Z';

let api: ApiTestStack;

beforeAll(async () => {
  api = await startApiTestStack('api_payment_receipt');
});
afterAll(async () => {
  await api?.stop();
});

const squash = (text: string) => text.replace(/\s+/g, ' ');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function billingCodeOf(registrationNumber: string): Promise<string> {
  return waitFor(
    'the SKRD to be issued',
    async () =>
      (
        await api.stack.pool.query<{ billing_code: string }>(
          'SELECT billing_code FROM levy_assessments WHERE registration_number = $1',
          [registrationNumber],
        )
      ).rows[0]?.billing_code,
    15_000,
  );
}

async function download(registrationNumber: string, headers: Record<string, string>) {
  const res = await fetch(`${api.url}/api/v1/applications/${registrationNumber}/receipt`, { headers });
  return { res, pdf: Buffer.from(await res.arrayBuffer()) };
}

async function officerReads(registrationNumber: string): Promise<number> {
  const { rows } = await api.stack.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM officer_file_reads WHERE registration_number = $1',
    [registrationNumber],
  );
  return rows[0]!.n;
}

type Status = { payment: Record<string, unknown> | null };

test('a file paid by billing code has a receipt PDF with the payment, the same bytes on every request', async () => {
  const { registrationNumber, accessCode } = await fileAwaitingPayment(api);
  const billingCode = await billingCodeOf(registrationNumber);
  const at = `/api/v1/applications/${registrationNumber}`;

  // Before the payment: the same 404 as for a file the caller may not see; the status shows the bill.
  expect((await download(registrationNumber, { 'x-access-code': accessCode })).res.status).toBe(404);
  const unpaid = await call<Status>(api.url, 'GET', at, { accessCode });
  expect(unpaid.body.payment).toEqual({
    amount: LEVY,
    billingCode,
    dueAt: expect.any(String),
    reference: null,
    paidAt: null,
  });

  const paid = await call(
    api.url,
    'POST',
    '/api/v1/payments/callback',
    signed(PAYMENT_SECRET, { billingCode, reference: REFERENCE, amount: LEVY, paidAt: PAID_AT }),
  );
  expect(paid.status).toBe(200);

  const first = await download(registrationNumber, { 'x-access-code': accessCode });
  expect(first.res.status).toBe(200);
  expect(first.res.headers.get('content-type')).toBe('application/pdf');
  expect(first.res.headers.get('content-disposition')).toBe(
    `attachment; filename="BUKTI-BAYAR-${registrationNumber}.pdf"`,
  );
  expect(first.res.headers.get('etag')).toBe(`"${sha256(first.pdf)}"`);
  const text = squash(await pdfText(first.pdf));
  expect(text).toContain('BUKTI PEMBAYARAN RETRIBUSI DAERAH');
  expect(text).toContain('DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU');
  expect(text).toContain(`Nomor registrasi : ${registrationNumber}`);
  expect(text).toContain('Siti Rahmawati');
  expect(text).toContain(maskNikForDocument(VALID_NIK));
  expect(text).not.toContain(VALID_NIK);
  expect(text).toContain('Rp 150.000');
  expect(text).toContain('seratus lima puluh ribu rupiah');
  expect(text).toContain(`Kode bayar : ${formatBillingCode(billingCode)}`);
  expect(text).toContain(`Referensi pembayaran : ${REFERENCE}`);
  expect(text).toContain('Waktu pembayaran : 30 November 2026 pukul 14.05 WIB');
  expect(text).toContain('LUNAS');

  // Asked again, by the applicant or by an officer of the file (the read recorded): the same bytes.
  const again = await download(registrationNumber, { 'x-access-code': accessCode });
  expect(sha256(again.pdf)).toBe(sha256(first.pdf));
  const readsBefore = await officerReads(registrationNumber);
  const officer = await download(registrationNumber, { authorization: `Bearer ${api.keys.verifikator}` });
  expect(officer.res.status).toBe(200);
  expect(sha256(officer.pdf)).toBe(sha256(first.pdf));
  expect(await officerReads(registrationNumber)).toBe(readsBefore + 1);
  const { rows } = await api.stack.pool.query(
    'SELECT reference, document_sha256 FROM payment_receipts WHERE registration_number = $1',
    [registrationNumber],
  );
  expect(rows).toEqual([{ reference: REFERENCE, document_sha256: sha256(first.pdf) }]);

  // Anyone else: the same 404 as before the payment.
  expect((await download(registrationNumber, { 'x-access-code': 'WRONGCODE1' })).res.status).toBe(404);
  const stranger = await download(registrationNumber, { authorization: `Bearer ${api.keys.teknisDinkes}` });
  expect(stranger.res.status).toBe(404);

  const status = await call<Status>(api.url, 'GET', at, { accessCode });
  expect(status.body.payment).toEqual({
    amount: LEVY,
    billingCode,
    dueAt: unpaid.body.payment?.dueAt,
    reference: REFERENCE,
    paidAt: PAID_AT,
  });
});
