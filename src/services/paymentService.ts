import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import { isValidBillingCode } from '../domain/identifiers/billingCode.js';
import { findPaymentState } from '../repositories/applicationRepository.js';
import { findAssessmentByBillingCode } from '../repositories/levyAssessmentRepository.js';
import { recordRefusedPayment } from '../repositories/paymentRefusalRepository.js';
import type { PaymentConfirmation } from '../workflows/permit/permitContract.js';
import { sendPaymentConfirmation } from './permitWorkflowCalls.js';
import { ServiceError } from './serviceError.js';

export type PaymentOutcome = 'accepted' | 'duplicate';

export interface PaymentServiceDependencies {
  pool: Pool;
  temporal: Client;
}

/** The stage machine's reasons for which a file cannot take a payment: its state, not the request. */
const NOT_AWAITING_PAYMENT = new Set(['WRONG_STAGE', 'CLOSED_FILE']);

function paymentNotExpected(reason: string, refusal: { id: string; en: string }): ServiceError {
  return new ServiceError(
    'PAYMENT_NOT_EXPECTED',
    {
      id: `Berkas ini tidak (lagi) menunggu pembayaran; konfirmasi tidak diterapkan dan dana perlu dikembalikan kepada pembayar. ${refusal.id}`,
      en: `This file is not (or no longer) awaiting payment; the confirmation was not applied and the payment must be refunded. ${refusal.en}`,
    },
    { reason },
  );
}

/**
 * A payment gateway's confirmation. The read model answers what it can alone (unknown file, a
 * reference already recorded, the wrong amount); whether the file can take the payment is the
 * workflow's to say, in the update's validator, because the read model may lag behind it (a
 * file lapsing as the payment arrives). A refusal is recorded and answered for a refund.
 */
async function confirmGatewayPayment(
  deps: PaymentServiceDependencies,
  registrationNumber: string,
  payment: PaymentConfirmation,
  billingCode?: string,
): Promise<PaymentOutcome> {
  const refuse = (reason: string) =>
    recordRefusedPayment(deps.pool, {
      registrationNumber,
      ...(billingCode ? { billingCode } : {}),
      ...payment,
      reason,
    });
  const row = await findPaymentState(deps.pool, registrationNumber, payment.reference);
  if (!row) {
    throw new ServiceError('NOT_FOUND', {
      id: 'Permohonan tidak ditemukan. Periksa nomor registrasi pada konfirmasi pembayaran.',
      en: 'Application not found. Check the registration number in the payment confirmation.',
    });
  }
  if (row.recorded) return 'duplicate';
  const due = row.feeAmount ?? 0;
  if (due <= 0 || payment.amount !== due) {
    await refuse('WRONG_AMOUNT');
    throw new ServiceError(
      'INVALID_PAYMENT',
      due <= 0
        ? {
            id: 'Permohonan ini tidak dikenai retribusi; pembayaran tidak dapat diterapkan.',
            en: 'No levy is due on this application; the payment cannot be applied.',
          }
        : {
            id: `Jumlah pembayaran (Rp ${payment.amount}) tidak sama dengan retribusi yang ditetapkan (Rp ${due}).`,
            en: `The amount paid (Rp ${payment.amount}) differs from the levy assessed (Rp ${due}).`,
          },
      { expectedAmount: due },
    );
  }
  try {
    return (await sendPaymentConfirmation(deps, registrationNumber, payment)).outcome;
  } catch (error) {
    const reason = refusalReason(error);
    if (!(error instanceof ServiceError) || !reason || !NOT_AWAITING_PAYMENT.has(reason)) throw error;
    await refuse(reason);
    throw paymentNotExpected(reason, error.text);
  }
}

/**
 * A confirmation naming the file by its SKRD's billing code. An unknown code (or one whose check
 * digit fails) is refused with 404 and recorded: the gateway refunds a payment nobody assessed.
 */
async function confirmBillingCodePayment(
  deps: PaymentServiceDependencies,
  billingCode: string,
  payment: PaymentConfirmation,
): Promise<{ registrationNumber: string; outcome: PaymentOutcome }> {
  const assessment = isValidBillingCode(billingCode)
    ? await findAssessmentByBillingCode(deps.pool, billingCode)
    : null;
  if (!assessment) {
    await recordRefusedPayment(deps.pool, {
      registrationNumber: null,
      billingCode,
      ...payment,
      reason: 'UNKNOWN_BILLING_CODE',
    });
    throw new ServiceError('NOT_FOUND', {
      id: 'Kode bayar tidak dikenal. Periksa kode bayar pada SKRD; pembayaran tidak diterapkan dan perlu dikembalikan.',
      en: 'Unknown billing code. Check the billing code on the SKRD; the payment was not applied and must be refunded.',
    });
  }
  const registrationNumber = assessment.registrationNumber;
  return {
    registrationNumber,
    outcome: await confirmGatewayPayment(deps, registrationNumber, payment, billingCode),
  };
}

function refusalReason(error: unknown): string | undefined {
  if (!(error instanceof ServiceError) || error.code !== 'REFUSED') return undefined;
  return (error.details as { reason?: string } | undefined)?.reason;
}

/** Payments confirmed by a gateway (the payment callback authenticates the gateway itself). */
export function createPaymentService(deps: PaymentServiceDependencies) {
  return {
    confirmGatewayPayment: (registrationNumber: string, payment: PaymentConfirmation) =>
      confirmGatewayPayment(deps, registrationNumber, payment),
    confirmBillingCodePayment: (billingCode: string, payment: PaymentConfirmation) =>
      confirmBillingCodePayment(deps, billingCode, payment),
  };
}

export type PaymentService = ReturnType<typeof createPaymentService>;
