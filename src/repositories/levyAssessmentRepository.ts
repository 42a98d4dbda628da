import type { Queryable } from '../db/pool.js';

// Levy assessments (SKRD) and their PDFs. An assessment is written once per file and never
// changed; whether it was paid is the file's own audit trail ('paid' events).

export interface LevyAssessment {
  registrationNumber: string;
  billingCode: string;
  amount: number;
  issuedAt: Date;
  dueAt: Date;
  documentSha256: string;
}

/** What an assessment is issued from: the file as the read model holds it. */
export interface AssessableFile {
  registrationNumber: string;
  permitType: string;
  applicantName: string | null;
  formValues: Record<string, unknown>;
  status: string;
}

interface AssessmentRow {
  registration_number: string;
  billing_code: string;
  amount: string;
  issued_at: Date;
  due_at: Date;
  document_sha256: string;
}

const COLUMNS = 'registration_number, billing_code, amount, issued_at, due_at, document_sha256';

function assessmentOf(row: AssessmentRow): LevyAssessment {
  return {
    registrationNumber: row.registration_number,
    billingCode: row.billing_code,
    amount: Number(row.amount),
    issuedAt: row.issued_at,
    dueAt: row.due_at,
    documentSha256: row.document_sha256,
  };
}

export async function findAssessment(
  db: Queryable,
  registrationNumber: string,
): Promise<LevyAssessment | null> {
  const { rows } = await db.query<AssessmentRow>(
    `SELECT ${COLUMNS} FROM levy_assessments WHERE registration_number = $1`,
    [registrationNumber],
  );
  return rows[0] ? assessmentOf(rows[0]) : null;
}

export async function findAssessmentByBillingCode(
  db: Queryable,
  billingCode: string,
): Promise<LevyAssessment | null> {
  const { rows } = await db.query<AssessmentRow>(
    `SELECT ${COLUMNS} FROM levy_assessments WHERE billing_code = $1`,
    [billingCode],
  );
  return rows[0] ? assessmentOf(rows[0]) : null;
}

/** The next number of the billing code sequence: each call gives a number never given before. */
export async function nextBillingSequence(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT nextval('billing_code_seq') AS n`);
  return Number(rows[0]?.n);
}

export async function assessableFile(
  db: Queryable,
  registrationNumber: string,
): Promise<AssessableFile | null> {
  const { rows } = await db.query<{
    permit_type: string;
    applicant_name: string | null;
    form_data: Record<string, unknown>;
    status: string;
  }>(
    'SELECT permit_type, applicant_name, form_data, status FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    registrationNumber,
    permitType: row.permit_type,
    applicantName: row.applicant_name,
    formValues: row.form_data,
    status: row.status,
  };
}

/**
 * Stores the PDF by its hash and the assessment, in one statement; an assessment already stored
 * for the file wins (a second issuer's insert changes nothing). Returns the stored assessment.
 */
export async function storeAssessment(
  db: Queryable,
  assessment: LevyAssessment,
  pdf: Buffer,
): Promise<LevyAssessment> {
  await db.query(
    `WITH document AS (
       INSERT INTO levy_documents (sha256, content) VALUES ($6, $7) ON CONFLICT (sha256) DO NOTHING)
     INSERT INTO levy_assessments (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (registration_number) DO NOTHING`,
    [
      assessment.registrationNumber,
      assessment.billingCode,
      assessment.amount,
      assessment.issuedAt,
      assessment.dueAt,
      assessment.documentSha256,
      pdf,
    ],
  );
  const stored = await findAssessment(db, assessment.registrationNumber);
  if (!stored) throw new Error(`${assessment.registrationNumber}: the levy assessment was not stored`);
  return stored;
}

export async function levyDocument(db: Queryable, sha256: string): Promise<Buffer | null> {
  const { rows } = await db.query<{ content: Buffer }>(
    'SELECT content FROM levy_documents WHERE sha256 = $1',
    [sha256],
  );
  return rows[0]?.content ?? null;
}

/** A file's payment request as its `payment_requested` notice states it (params as written). */
export interface PendingPaymentRequest {
  registrationNumber: string;
  params: Record<string, unknown>;
}

/**
 * Files awaiting payment without an assessment yet, each with the params of its latest
 * `payment_requested` notice: the amount and deadline the workflow assessed. The notice is in
 * the outbox whether or not any channel delivers it.
 */
export async function paymentRequestsWithoutAssessment(
  db: Queryable,
  limit: number,
): Promise<PendingPaymentRequest[]> {
  const { rows } = await db.query<{ registration_number: string; params: Record<string, unknown> }>(
    `SELECT a.registration_number, request.params
     FROM applications a
     CROSS JOIN LATERAL (
       SELECT o.params FROM notification_outbox o
       WHERE o.workflow_id = a.registration_number AND o.audience = 'applicant'
         AND o.template = 'payment_requested'
       ORDER BY o.id DESC LIMIT 1) request
     WHERE a.status = 'AWAITING_PAYMENT'
       AND NOT EXISTS (SELECT 1 FROM levy_assessments l WHERE l.registration_number = a.registration_number)
     ORDER BY a.registration_number
     LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ registrationNumber: r.registration_number, params: r.params }));
}

/** The gateway reference of the file's recorded payment, or null while unpaid. */
export async function recordedPaymentReference(
  db: Queryable,
  registrationNumber: string,
): Promise<string | null> {
  const { rows } = await db.query<{ reference: string }>(
    `SELECT details->>'reference' AS reference FROM audit_events
     WHERE workflow_id = $1 AND action = 'paid' ORDER BY sequence DESC LIMIT 1`,
    [registrationNumber],
  );
  return rows[0]?.reference ?? null;
}

/** A file's levy as its status shows it: the SKRD's facts and, once paid, the payment's. */
export interface LevyPayment {
  amount: number;
  billingCode: string | null;
  dueAt: string | null;
  reference: string | null;
  paidAt: string | null;
}

/** The file's SKRD and recorded payment together; null when it has neither. */
export async function levyPaymentOf(db: Queryable, registrationNumber: string): Promise<LevyPayment | null> {
  const { rows } = await db.query<{
    billing_code: string | null;
    amount: string | null;
    due_at: Date | null;
    paid: { reference?: unknown; amount?: unknown; paidAt?: unknown } | null;
  }>(
    `SELECT l.billing_code, l.amount, l.due_at,
            (SELECT e.details FROM audit_events e
             WHERE e.workflow_id = $1 AND e.action = 'paid' ORDER BY e.sequence DESC LIMIT 1) AS paid
     FROM (SELECT 1) one
     LEFT JOIN levy_assessments l ON l.registration_number = $1`,
    [registrationNumber],
  );
  const row = rows[0];
  const paid = row?.paid ?? null;
  if (!row || (row.billing_code === null && paid === null)) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    amount: row.amount !== null ? Number(row.amount) : Number(paid?.amount ?? 0),
    billingCode: row.billing_code,
    dueAt: row.due_at?.toISOString() ?? null,
    reference: text(paid?.reference),
    paidAt: text(paid?.paidAt),
  };
}
