import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import { type FileStatus, isFinalStatus } from '../domain/stages/fileState.js';
import type { PaymentConfirmation } from '../workflows/permit/permitContract.js';
import { confirmPayment } from './fileActions.js';
import { ServiceError } from './serviceError.js';

export type PaymentOutcome = 'accepted' | 'duplicate';

/**
 * A payment gateway's confirmation. Checked against the read model before the workflow hears of
 * it, because the workflow remembers each reference once: a confirmation sent while the file
 * is not awaiting payment would be used up and lost, so it is refused (409) for the gateway to
 * retry or flag instead. A confirmation already recorded is answered as a harmless duplicate.
 */
export async function confirmGatewayPayment(
  deps: { pool: Pool; temporal: Client },
  registrationNumber: string,
  payment: PaymentConfirmation,
): Promise<PaymentOutcome> {
  const { rows } = await deps.pool.query<{ status: string; fee_amount: string | null; recorded: boolean }>(
    `SELECT status, fee_amount,
            EXISTS (SELECT 1 FROM audit_events
                    WHERE workflow_id = $1 AND action = 'paid' AND details->>'reference' = $2) AS recorded
     FROM applications WHERE registration_number = $1`,
    [registrationNumber, payment.reference],
  );
  const row = rows[0];
  if (!row) {
    throw new ServiceError('NOT_FOUND', {
      id: 'Permohonan tidak ditemukan. Periksa nomor registrasi pada konfirmasi pembayaran.',
      en: 'Application not found. Check the registration number in the payment confirmation.',
    });
  }
  if (row.recorded) return 'duplicate';
  const due = row.fee_amount === null ? 0 : Number(row.fee_amount);
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
  await confirmPayment(deps, registrationNumber, payment);
  return 'accepted';
}
