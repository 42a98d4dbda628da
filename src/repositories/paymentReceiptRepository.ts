import type { Queryable } from '../db/pool.js';

// Payment receipts: what a paid file's receipt is rendered from (the file, its SKRD's billing
// code and its recorded payment), and the receipt once stored. Its PDF lies beside the SKRD's in
// levy_documents (levyAssessmentRepository.levyDocument reads it).

/** A recorded payment as the 'paid' audit event holds the gateway's confirmation. */
export interface RecordedPayment {
  reference: string;
  amount: number;
  paidAt: Date;
}

export interface PaidFileFacts {
  registrationNumber: string;
  permitTypeCode: string;
  applicantName: string | null;
  formValues: Record<string, unknown>;
  /** Null when the payment came by registration number before an SKRD was issued. */
  billingCode: string | null;
  payment: RecordedPayment;
}

/** The file's facts for its receipt, or null while no payment is recorded (or no such file). */
export async function paidFileFacts(
  db: Queryable,
  registrationNumber: string,
): Promise<PaidFileFacts | null> {
  const { rows } = await db.query<{
    permit_type: string;
    applicant_name: string | null;
    form_data: Record<string, unknown>;
    billing_code: string | null;
    details: { reference?: unknown; amount?: unknown; paidAt?: unknown };
  }>(
    `SELECT a.permit_type, a.applicant_name, a.form_data, l.billing_code, paid.details
     FROM applications a
     JOIN LATERAL (
       SELECT e.details FROM audit_events e
       WHERE e.workflow_id = a.registration_number AND e.action = 'paid'
       ORDER BY e.sequence DESC LIMIT 1) paid ON true
     LEFT JOIN levy_assessments l ON l.registration_number = a.registration_number
     WHERE a.registration_number = $1`,
    [registrationNumber],
  );
  const row = rows[0];
  const { reference, amount, paidAt } = row?.details ?? {};
  if (!row || typeof reference !== 'string' || typeof amount !== 'number' || typeof paidAt !== 'string') {
    return null;
  }
  return {
    registrationNumber,
    permitTypeCode: row.permit_type,
    applicantName: row.applicant_name,
    formValues: row.form_data,
    billingCode: row.billing_code,
    payment: { reference, amount, paidAt: new Date(paidAt) },
  };
}

export interface StoredReceipt {
  registrationNumber: string;
  reference: string;
  documentSha256: string;
}

export async function findReceipt(db: Queryable, registrationNumber: string): Promise<StoredReceipt | null> {
  const { rows } = await db.query<{ reference: string; document_sha256: string }>(
    'SELECT reference, document_sha256 FROM payment_receipts WHERE registration_number = $1',
    [registrationNumber],
  );
  const row = rows[0];
  return row ? { registrationNumber, reference: row.reference, documentSha256: row.document_sha256 } : null;
}

/**
 * Stores the PDF by its hash and the receipt, in one statement; a receipt already stored for
 * the file wins. Returns the stored receipt.
 */
export async function storeReceipt(
  db: Queryable,
  receipt: StoredReceipt,
  pdf: Buffer,
): Promise<StoredReceipt> {
  await db.query(
    `WITH document AS (
       INSERT INTO levy_documents (sha256, content) VALUES ($3, $4) ON CONFLICT (sha256) DO NOTHING)
     INSERT INTO payment_receipts (registration_number, reference, document_sha256) VALUES ($1, $2, $3)
     ON CONFLICT (registration_number) DO NOTHING`,
    [receipt.registrationNumber, receipt.reference, receipt.documentSha256, pdf],
  );
  const stored = await findReceipt(db, receipt.registrationNumber);
  if (!stored) throw new Error(`${receipt.registrationNumber}: the payment receipt was not stored`);
  return stored;
}
