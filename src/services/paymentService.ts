import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import { type FileStatus, isFinalStatus } from '../domain/stages/fileState.js';
import { findPaymentState } from '../repositories/applicationRepository.js';
import type { PaymentConfirmation } from '../workflows/permit/permitContract.js';
import { sendPaymentConfirmation } from './permitWorkflowCalls.js';
import { ServiceError } from './serviceError.js';

export type PaymentOutcome = 'accepted' | 'duplicate';

export interface PaymentServiceDependencies {
  pool: Pool;
  temporal: Client;
}

/**
 * A payment gateway's confirmation. Checked against the read model before the workflow hears of
 * it, because the workflow remembers each reference once: a confirmation sent while the file
 * is not awaiting payment would be used up and lost, so it is refused (409) for the gateway to
 * retry or flag instead. A confirmation already recorded is answered as a harmless duplicate.
 */
async function confirmGatewayPayment(
  deps: PaymentServiceDependencies,
  registrationNumber: string,
  payment: PaymentConfirmation,
): Promise<PaymentOutcome> {
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
  if (row.status !== 'AWAITING_PAYMENT') {
    throw new ServiceError(
      'REFUSED',
      {
        id: 'Berkas ini tidak sedang menunggu pembayaran; konfirmasi tidak diterapkan.',
        en: 'This file is not awaiting payment; the confirmation was not applied.',
      },
      {
        reason: isFinalStatus(row.status as FileStatus) ? 'CLOSED_FILE' : 'WRONG_STAGE',
      },
    );
  }
  await sendPaymentConfirmation(deps, registrationNumber, payment);
  return 'accepted';
}

/** Payments confirmed by a gateway (the payment callback authenticates the gateway itself). */
export function createPaymentService(deps: PaymentServiceDependencies) {
  return {
    confirmGatewayPayment: (registrationNumber: string, payment: PaymentConfirmation) =>
      confirmGatewayPayment(deps, registrationNumber, payment),
  };
}

export type PaymentService = ReturnType<typeof createPaymentService>;
