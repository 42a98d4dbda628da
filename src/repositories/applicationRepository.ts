import { inTransaction, type Pool, type Queryable } from '../db/pool.js';
import { allocatePermitNumber } from '../db/sequenceNumbers.js';
import type { DocumentRef } from '../workflows/permit/permitContract.js';

// One application by its registration number: the row the submission stores and the read
// model the recorded transitions keep current (see auditRepository.recordTransition).

export interface HistoryItem {
  sequence: number;
  at: string;
  actorKind: string;
  actorRole: string | null;
  action: string;
  reason: string | null;
}

/** The read model of one file with its history, the form data as stored (NIK unmasked). */
export interface ApplicationStatus {
  registrationNumber: string;
  permitTypeCode: string;
  status: string;
  stageKey: string | null;
  assignedRole: string | null;
  assignedDepartment: string | null;
  deadline: string | null;
  deadlineUncovered: boolean;
  paused: boolean;
  pausedWorkingMs: number;
  pauseCount: number;
  permitNumber: string | null;
  channel: string;
  submittedAt: string;
  decidedAt: string | null;
  feeAmount: number | null;
  formData: Record<string, unknown>;
  documents: { kind: string; sha256: string; mimeType: string; sizeBytes: number }[];
  history: HistoryItem[];
}

interface StatusRow {
  registration_number: string;
  permit_type: string;
  status: string;
  stage_key: string | null;
  assigned_role: string | null;
  assigned_department: string | null;
  deadline: Date | null;
  deadline_uncovered: boolean;
  paused: boolean;
  paused_working_ms: string;
  pause_count: number;
  permit_number: string | null;
  channel: string;
  submitted_at: Date;
  decided_at: Date | null;
  fee_amount: string | null;
  form_data: Record<string, unknown>;
  documents: ApplicationStatus['documents'];
  history: {
    sequence: number;
    occurred_at: string;
    actor_kind: string;
    actor_role: string | null;
    action: string;
    reason: string | null;
  }[];
}

/** The file and its history in one round trip: status pages are polled, so this is hot. */
export async function findApplicationStatus(
  db: Queryable,
  registrationNumber: string,
): Promise<ApplicationStatus | null> {
  const { rows } = await db.query<StatusRow>({
    // Named: prepared once per connection, so Postgres does not re-plan it on every poll.
    name: 'application-status-with-history',
    text: `SELECT a.*, COALESCE((
       SELECT json_agg(json_build_object('sequence', e.sequence, 'occurred_at', e.occurred_at,
                'actor_kind', e.actor_kind, 'actor_role', e.actor_role, 'action', e.action, 'reason', e.reason)
              ORDER BY e.sequence)
       FROM audit_events e WHERE e.workflow_id = a.registration_number), '[]'::json) AS history
     FROM applications a WHERE a.registration_number = $1`,
    values: [registrationNumber],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    registrationNumber: row.registration_number,
    permitTypeCode: row.permit_type,
    status: row.status,
    stageKey: row.stage_key,
    assignedRole: row.assigned_role,
    assignedDepartment: row.assigned_department,
    deadline: row.deadline?.toISOString() ?? null,
    deadlineUncovered: row.deadline_uncovered,
    paused: row.paused,
    pausedWorkingMs: Number(row.paused_working_ms),
    pauseCount: row.pause_count,
    permitNumber: row.permit_number,
    channel: row.channel,
    submittedAt: row.submitted_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    feeAmount: row.fee_amount === null ? null : Number(row.fee_amount),
    formData: row.form_data,
    documents: row.documents,
    history: row.history.map((h) => ({
      sequence: h.sequence,
      at: new Date(h.occurred_at).toISOString(),
      actorKind: h.actor_kind,
      actorRole: h.actor_role,
      action: h.action,
      reason: h.reason,
    })),
  };
}

/** Where a file is: its permit type, the department it is with now, and its documents. */
export async function findApplicationPlacement(
  db: Queryable,
  registrationNumber: string,
): Promise<{ permitTypeCode: string; assignedDepartment: string | null; documents: DocumentRef[] } | null> {
  const { rows } = await db.query<{
    permit_type: string;
    assigned_department: string | null;
    documents: DocumentRef[];
  }>('SELECT permit_type, assigned_department, documents FROM applications WHERE registration_number = $1', [
    registrationNumber,
  ]);
  const row = rows[0];
  return row
    ? {
        permitTypeCode: row.permit_type,
        assignedDepartment: row.assigned_department,
        documents: row.documents,
      }
    : null;
}

/** The permit type, the form as stored (corrections merged in) and the applying Telegram account. */
export async function findApplicationForm(
  db: Queryable,
  registrationNumber: string,
): Promise<{
  permitTypeCode: string;
  formData: Record<string, unknown>;
  applicantTelegramId: number | null;
} | null> {
  const { rows } = await db.query<{
    permit_type: string;
    form_data: Record<string, unknown>;
    applicant_telegram_id: string | null;
  }>(
    'SELECT permit_type, form_data, applicant_telegram_id FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  const row = rows[0];
  return row
    ? {
        permitTypeCode: row.permit_type,
        formData: row.form_data,
        applicantTelegramId: row.applicant_telegram_id === null ? null : Number(row.applicant_telegram_id),
      }
    : null;
}

/** The permit type and the stages a file is at (first) or was at, by key; null when it has no row. */
export async function findStagesOfFile(
  db: Queryable,
  registrationNumber: string,
): Promise<{ permitTypeCode: string; stageKeys: string[] } | null> {
  const { rows } = await db.query<{ permit_type: string; stage_key: string | null; past: string[] }>(
    `SELECT a.permit_type, a.stage_key,
            ARRAY(SELECT DISTINCT e.stage_key FROM audit_events e
                  WHERE e.workflow_id = a.registration_number AND e.stage_key IS NOT NULL) AS past
     FROM applications a WHERE a.registration_number = $1`,
    [registrationNumber],
  );
  const row = rows[0];
  if (!row) return null;
  const current = row.stage_key ? [row.stage_key] : [];
  return {
    permitTypeCode: row.permit_type,
    stageKeys: [...current, ...row.past.filter((key) => key !== row.stage_key)],
  };
}

export async function isTelegramApplicantOf(
  db: Queryable,
  registrationNumber: string,
  telegramUserId: number,
): Promise<boolean> {
  const { rowCount } = await db.query(
    'SELECT 1 FROM applications WHERE registration_number = $1 AND applicant_telegram_id = $2',
    [registrationNumber, telegramUserId],
  );
  return rowCount === 1;
}

/** What a payment confirmation is checked against: status, levy, and whether it is recorded. */
export async function findPaymentState(
  db: Queryable,
  registrationNumber: string,
  reference: string,
): Promise<{ status: string; feeAmount: number | null; recorded: boolean } | null> {
  const { rows } = await db.query<{ status: string; fee_amount: string | null; recorded: boolean }>(
    `SELECT status, fee_amount,
            EXISTS (SELECT 1 FROM audit_events
                    WHERE workflow_id = $1 AND action = 'paid' AND details->>'reference' = $2) AS recorded
     FROM applications WHERE registration_number = $1`,
    [registrationNumber, reference],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    status: row.status,
    feeAmount: row.fee_amount === null ? null : Number(row.fee_amount),
    recorded: row.recorded,
  };
}

export interface ApplicationCorrections {
  /** The workflow's sequence of the resubmission: written only over older corrections. */
  sequence: number;
  corrected: Record<string, unknown>;
  cleared: string[];
  /** Each replaces the file's documents of its kind. */
  documents: DocumentRef[];
}

/** Merges a resubmission's corrections into the row as it is now; false when a later round's are stored. */
export async function storeCorrections(
  db: Queryable,
  registrationNumber: string,
  corrections: ApplicationCorrections,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE applications SET
       form_data = (form_data - $6::text[]) || $2::jsonb,
       documents = COALESCE((SELECT jsonb_agg(d ORDER BY position) FROM jsonb_array_elements(documents)
                               WITH ORDINALITY AS kept(d, position)
                             WHERE NOT (d->>'kind' = ANY($4::text[]))), '[]'::jsonb) || $3::jsonb,
       form_sequence = $5, updated_at = now()
     WHERE registration_number = $1 AND form_sequence < $5`,
    [
      registrationNumber,
      JSON.stringify(corrections.corrected),
      JSON.stringify(corrections.documents),
      corrections.documents.map((d) => d.kind),
      corrections.sequence,
      corrections.cleared,
    ],
  );
  return rowCount === 1;
}

/**
 * The permit number of a file, allocated on first call (gap-free per type and year) and kept
 * after that; null when the file has no row.
 */
export function issuePermitNumber(
  pool: Pool,
  registrationNumber: string,
  permitTypeCode: string,
  year: number,
): Promise<string | null> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ permit_number: string | null }>(
      'SELECT permit_number FROM applications WHERE registration_number = $1 FOR UPDATE',
      [registrationNumber],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.permit_number) return row.permit_number;
    const permitNumber = await allocatePermitNumber(client, permitTypeCode, year);
    await client.query('UPDATE applications SET permit_number = $2 WHERE registration_number = $1', [
      registrationNumber,
      permitNumber,
    ]);
    return permitNumber;
  });
}
