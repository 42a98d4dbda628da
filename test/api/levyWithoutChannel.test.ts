import { afterAll, beforeAll, expect, test } from 'vitest';
import { isValidBillingCode } from '../../src/domain/identifiers/billingCode.js';
import { waitFor } from '../support/waitFor.js';
import { type ApiTestStack, PAYMENT_SECRET, startApiTestStack } from './support/apiStack.js';
import { call, signed } from './support/httpClient.js';
import { fileAwaitingPayment } from './support/paymentStage.js';

// A deployment without a bot token (no notice channel, so no outbox delivery): the SKRD is still
// issued when the file reaches its payment stage, downloadable over the API and payable by its
// billing code.

const LEVY = 150000;

let api: ApiTestStack;

beforeAll(async () => {
  api = await startApiTestStack('api_levy_no_channel', { channel: false });
});
afterAll(async () => {
  await api?.stop();
});

test('without a notice channel, a file at its payment stage gets an SKRD it can pay by billing code', async () => {
  const { registrationNumber, accessCode } = await fileAwaitingPayment(api);

  const download = await waitFor(
    'the SKRD to be downloadable',
    async () => {
      const answer = await fetch(`${api.url}/api/v1/applications/${registrationNumber}/skrd`, {
        headers: { 'x-access-code': accessCode },
      });
      return answer.status === 200 ? answer : undefined;
    },
    15_000,
  );
  expect(download.headers.get('content-type')).toBe('application/pdf');
  const pdf = Buffer.from(await download.arrayBuffer());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  const { rows } = await api.stack.pool.query<{ billing_code: string; amount: string; due_at: Date }>(
    'SELECT billing_code, amount, due_at FROM levy_assessments WHERE registration_number = $1',
    [registrationNumber],
  );
  const assessment = rows[0];
  if (!assessment) throw new Error('the downloaded SKRD has no stored assessment');
  expect(isValidBillingCode(assessment.billing_code)).toBe(true);
  expect(Number(assessment.amount)).toBe(LEVY);
  // The due date is the payment request's deadline, as the notice in the outbox states it.
  const notice = await api.stack.pool.query<{ deadline: string }>(
    `SELECT params->>'deadline' AS deadline FROM notification_outbox
     WHERE workflow_id = $1 AND template = 'payment_requested' AND delivered_at IS NULL`,
    [registrationNumber],
  );
  expect(notice.rows).toHaveLength(1);
  expect(assessment.due_at.getTime()).toBe(new Date(notice.rows[0]?.deadline ?? '').getTime());

  const paid = await call<{ outcome?: string; registrationNumber?: string }>(
    api.url,
    'POST',
    '/api/v1/payments/callback',
    signed(PAYMENT_SECRET, {
      billingCode: assessment.billing_code,
      reference: 'BJB-NOBOT-1',
      amount: LEVY,
      paidAt: new Date().toISOString(),
    }),
  );
  expect(paid.status).toBe(200);
  expect(paid.body).toMatchObject({ registrationNumber, outcome: 'accepted' });
});
