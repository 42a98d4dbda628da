import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatBillingCode } from '../../src/domain/identifiers/billingCode.js';
import { pdfText } from '../documents/pdfTools.js';
import type { SentMessage } from '../support/botApiEmulator.js';
import { APPLICANT_CHAT, decide, submit } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { type BotHarness, startBotHarness } from './botHarness.js';

// The levy through the Bot API emulator: the payment request arrives as the SKRD document with
// the billing code in its caption; the reminders (TEST-PAY: 20 s and 10 s before its 30 s
// deadline) arrive once each while the levy is unpaid and never after payment; the payment by
// billing code brings a receipt with the gateway's reference, its PDF attached.

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_levy_assessment');
});
afterAll(async () => {
  await h?.stop();
});

const about = (rn: string) => (m: SentMessage) => m.text.includes(rn);
const toApplicant = () => h.emulator.messagesTo(APPLICANT_CHAT);
const reminders = (rn: string) => toApplicant().filter((m) => about(rn)(m) && m.text.includes('Pengingat'));

async function fileAwaitingPayment(): Promise<string> {
  const { registrationNumber, handle } = await submit(h.stack, 'TEST-PAY');
  await decide(handle, 'verifikator', { decision: 'approve' });
  await decide(handle, 'teknis', { decision: 'approve' });
  return registrationNumber;
}

async function billingCodeOf(rn: string): Promise<string> {
  const { rows } = await h.stack.pool.query<{ billing_code: string }>(
    'SELECT billing_code FROM levy_assessments WHERE registration_number = $1',
    [rn],
  );
  return rows[0]!.billing_code;
}

function pay(billingCode: string, reference: string) {
  return h.services.payments.confirmBillingCodePayment(billingCode, {
    reference,
    amount: 150000,
    paidAt: new Date().toISOString(),
  });
}

test('the SKRD arrives as a document; reminders come once each until paid; the receipt names the reference', {
  timeout: 90_000,
}, async () => {
  const [unpaid, paidAtOnce] = [await fileAwaitingPayment(), await fileAwaitingPayment()];

  const skrd = await waitFor(
    'the SKRD document',
    () => toApplicant().find((m) => m.method === 'sendDocument' && about(unpaid)(m)),
    15_000,
  );
  const code = await billingCodeOf(unpaid);
  expect(skrd.document).toBe(`SKRD-${code}.pdf`);
  expect(skrd.text).toContain(`Kode bayar: ${formatBillingCode(code)}`);
  expect(skrd.text).toContain('Retribusi: Rp 150.000');
  expect(skrd.text).toContain('Bayar hanya dengan kode bayar ini melalui kanal pembayaran resmi');

  // The other file is paid as soon as its SKRD is out: no reminder may follow for it.
  await waitFor(
    'the second SKRD',
    () => toApplicant().find((m) => m.method === 'sendDocument' && about(paidAtOnce)(m)),
    15_000,
  );
  expect(await pay(await billingCodeOf(paidAtOnce), 'BJB-BOT-EARLY')).toMatchObject({ outcome: 'accepted' });

  await waitFor('the first reminder', () => reminders(unpaid).length === 1, 20_000);
  await waitFor('the second reminder', () => reminders(unpaid).length === 2, 20_000);
  for (const reminder of reminders(unpaid)) {
    expect(reminder.text).toContain(formatBillingCode(code));
    expect(reminder.text).toContain('Tidak ada biaya lain di luar retribusi ini');
  }

  expect(await pay(code, 'BJB-BOT-RECEIPT-1')).toMatchObject({
    registrationNumber: unpaid,
    outcome: 'accepted',
  });
  const receipt = await waitFor(
    'the receipt',
    () => toApplicant().find((m) => about(unpaid)(m) && m.text.includes('BJB-BOT-RECEIPT-1')),
    15_000,
  );
  expect(receipt.text).toContain(`kode bayar ${formatBillingCode(code)}`);
  expect(receipt.text).toContain('Rp 150.000');
  // The receipt's PDF comes with it: the bytes stored for GET .../receipt, naming the reference.
  expect(receipt.method).toBe('sendDocument');
  expect(receipt.document).toBe(`BUKTI-BAYAR-${unpaid}.pdf`);
  const { rows: stored } = await h.stack.pool.query<{ document_sha256: string }>(
    'SELECT document_sha256 FROM payment_receipts WHERE registration_number = $1',
    [unpaid],
  );
  expect(createHash('sha256').update(receipt.documentBytes!).digest('hex')).toBe(stored[0]?.document_sha256);
  expect(await pdfText(receipt.documentBytes!)).toContain('BJB-BOT-RECEIPT-1');

  // The reminders were queued once each; none came for the file paid at once.
  const { rows } = await h.stack.pool.query<{ event_key: string; delivered: boolean }>(
    `SELECT event_key, delivered_at IS NOT NULL AS delivered FROM notification_outbox
     WHERE template = 'payment_reminder' AND workflow_id = ANY($1) ORDER BY event_key`,
    [[unpaid, paidAtOnce]],
  );
  expect(rows.filter((r) => r.event_key.startsWith(unpaid))).toHaveLength(2);
  expect(reminders(unpaid)).toHaveLength(2);
  expect(reminders(paidAtOnce)).toHaveLength(0);
  await waitFor(
    "the paid file's reminders to be settled unsent",
    async () => {
      const { rows: settled } = await h.stack.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notification_outbox
       WHERE workflow_id = $1 AND template = 'payment_reminder' AND delivered_at IS NOT NULL`,
        [paidAtOnce],
      );
      return settled[0]!.n === 2;
    },
    25_000,
  );
  expect(reminders(paidAtOnce)).toHaveLength(0);
});
