import type { Queryable } from '../db/pool.js';

// Payment confirmations the office refused (the gateway refunds the payer on the 409). Kept in
// the append-only admin_audit beside the file's other non-workflow records, so a payer's
// "I paid but the file lapsed" can be answered later. Only the gateway's payment data is kept:
// reference, amount, time paid; nothing about the payer.

export interface RefusedPayment {
  /** Null when the billing code named no file. */
  registrationNumber: string | null;
  /** The billing code the gateway named, when it named the file by one. */
  billingCode?: string;
  reference: string;
  amount: number;
  paidAt: string;
  /** The stage machine's (CLOSED_FILE, WRONG_STAGE) or the callback's (WRONG_AMOUNT, UNKNOWN_BILLING_CODE). */
  reason: string;
}

export async function recordRefusedPayment(db: Queryable, refused: RefusedPayment): Promise<void> {
  await db.query(
    `INSERT INTO admin_audit (actor_kind, actor_id, action, target_kind, target_id, changes)
     VALUES ('payment_gateway', 'payment-callback', 'payment_refused', $1, $2, $3)`,
    [
      refused.registrationNumber === null ? 'billing_code' : 'application',
      refused.registrationNumber ?? refused.billingCode ?? '-',
      JSON.stringify({
        ...(refused.billingCode ? { billingCode: refused.billingCode } : {}),
        reference: refused.reference,
        amount: refused.amount,
        paidAt: refused.paidAt,
        reason: refused.reason,
      }),
    ],
  );
}
