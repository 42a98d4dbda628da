import type { Queryable } from '../db/pool.js';

// Payment confirmations the office refused (the gateway refunds the payer on the 409). Kept in
// the append-only admin_audit beside the file's other non-workflow records, so a payer's
// "I paid but the file lapsed" can be answered later. Only the gateway's payment data is kept:
// reference, amount, time paid; nothing about the payer.

export interface RefusedPayment {
  registrationNumber: string;
  reference: string;
  amount: number;
  paidAt: string;
  /** The stage machine's reason: CLOSED_FILE, WRONG_STAGE. */
  reason: string;
}

export async function recordRefusedPayment(db: Queryable, refused: RefusedPayment): Promise<void> {
  await db.query(
    `INSERT INTO admin_audit (actor_kind, actor_id, action, target_kind, target_id, changes)
     VALUES ('payment_gateway', 'payment-callback', 'payment_refused', 'application', $1, $2)`,
    [
      refused.registrationNumber,
      JSON.stringify({
        reference: refused.reference,
        amount: refused.amount,
        paidAt: refused.paidAt,
        reason: refused.reason,
      }),
    ],
  );
}
