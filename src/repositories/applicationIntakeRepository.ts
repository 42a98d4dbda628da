import type { Queryable } from '../db/pool.js';
import { insertApplicationWithNumber } from '../db/sequenceNumbers.js';
import type { Channel, DocumentRef } from '../workflows/permit/permitContract.js';

// The application row as the intake stores it: a new file under the next registration number,
// the stored answer a retried submission is replayed from, and files whose intake never finished.

export interface NewApplication {
  permitTypeCode: string;
  /** The year of the registration number (Jakarta time). */
  year: number;
  channel: Channel;
  formData: Record<string, unknown>;
  documents: DocumentRef[];
  feeAmount: number;
  accessCodeHash: string;
  idempotencyKey: string;
  requestHash: string;
  applicantTelegramUserId: number | null;
  submittedByOfficerId: string | null;
  submittedAt: string;
  stageKey: string;
  deadline: string | null;
  deadlineClock: 'workingTime' | 'elapsed' | null;
  deadlineUncovered: boolean;
}

/** Stores a new file as SUBMITTED and returns its registration number. */
export function insertApplication(db: Queryable, application: NewApplication): Promise<string> {
  return insertApplicationWithNumber(db, application.permitTypeCode, application.year, {
    status: 'SUBMITTED',
    channel: application.channel,
    form_data: JSON.stringify(application.formData),
    documents: JSON.stringify(application.documents),
    fee_amount: application.feeAmount,
    access_code_hash: application.accessCodeHash,
    idempotency_key: application.idempotencyKey,
    request_hash: application.requestHash,
    applicant_telegram_id: application.applicantTelegramUserId,
    submitted_by_officer: application.submittedByOfficerId,
    submitted_at: application.submittedAt,
    stage_key: application.stageKey,
    deadline: application.deadline,
    deadline_clock: application.deadlineClock,
    deadline_uncovered: application.deadlineUncovered,
  });
}

/** The insert failed because the idempotency key is already stored (a retry or a twin request). */
export function isIdempotencyKeyTaken(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'applications_idempotency_key_key';
}

export interface StoredSubmission {
  registrationNumber: string;
  requestHash: string;
  status: string;
  stageKey: string | null;
  deadline: string | null;
  submittedAt: string;
}

export async function findByIdempotencyKey(
  db: Queryable,
  idempotencyKey: string,
): Promise<StoredSubmission | null> {
  const { rows } = await db.query<{
    registration_number: string;
    request_hash: string;
    status: string;
    stage_key: string | null;
    deadline: Date | null;
    submitted_at: Date;
  }>(
    `SELECT registration_number, request_hash, status, stage_key, deadline, submitted_at
     FROM applications WHERE idempotency_key = $1`,
    [idempotencyKey],
  );
  const found = rows[0];
  if (!found) return null;
  return {
    registrationNumber: found.registration_number,
    requestHash: found.request_hash,
    status: found.status,
    stageKey: found.stage_key,
    deadline: found.deadline?.toISOString() ?? null,
    submittedAt: found.submitted_at.toISOString(),
  };
}

export interface UnfinishedIntake {
  registrationNumber: string;
  permitTypeCode: string;
  channel: Channel;
  feeAmount: number;
  submittedByOfficerId: string | null;
  submittedAt: Date;
}

/**
 * Files stored more than `graceMs` ago whose submission is not recorded (`last_sequence = 0`),
 * oldest first, after the given one (keyset paging).
 */
export async function findUnfinishedIntakes(
  db: Queryable,
  options: {
    graceMs: number;
    after: { submittedAt: Date; registrationNumber: string } | null;
    limit: number;
  },
): Promise<UnfinishedIntake[]> {
  const { rows } = await db.query<{
    registration_number: string;
    permit_type: string;
    channel: Channel;
    fee_amount: number;
    submitted_by_officer: string | null;
    submitted_at: Date;
  }>(
    `SELECT registration_number, permit_type, channel, fee_amount, submitted_by_officer, submitted_at
       FROM applications
       WHERE last_sequence = 0
         AND submitted_at <= now() - make_interval(secs => $1::double precision / 1000)
         AND ($2::timestamptz IS NULL OR (submitted_at, registration_number) > ($2, $3))
       ORDER BY submitted_at, registration_number
       LIMIT $4`,
    [
      options.graceMs,
      options.after?.submittedAt ?? null,
      options.after?.registrationNumber ?? '',
      options.limit,
    ],
  );
  return rows.map((row) => ({
    registrationNumber: row.registration_number,
    permitTypeCode: row.permit_type,
    channel: row.channel,
    feeAmount: Number(row.fee_amount),
    submittedByOfficerId: row.submitted_by_officer,
    submittedAt: row.submitted_at,
  }));
}
