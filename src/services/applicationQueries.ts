import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { generateAccessCode, hashAccessCode, verifyAccessCode } from '../domain/identifiers/accessCode.js';
import { maskNik } from '../domain/identifiers/nik.js';
import type { Officer } from './officers.js';

// Reads the read model only: status pages, inboxes and statistics never scan Temporal.

export type Viewer = { kind: 'applicant' } | { kind: 'officer'; officer: Officer };

export interface HistoryItem {
  sequence: number;
  at: string;
  actorKind: string;
  actorRole: string | null;
  action: string;
  reason: string | null;
}

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

interface ApplicationRow {
  registration_number: string;
  permit_type: string;
  status: string;
  stage_key: string | null;
  assigned_role: string | null;
  assigned_department: string | null;
  deadline: Date | null;
  deadline_clock: 'workingTime' | 'elapsed' | null;
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
}

/** A real hash to verify against when a number does not exist, so timing reveals nothing. */
let dummyAccessHash: Promise<string> | undefined;
const dummyHash = () => {
  dummyAccessHash ??= hashAccessCode(generateAccessCode());
  return dummyAccessHash;
};

/** True only for the right access code of an existing file; the same work is done either way. */
export async function applicantHoldsAccessCode(
  pool: Pool,
  registrationNumber: string,
  accessCode: string,
): Promise<boolean> {
  const { rows } = await pool.query<{ access_code_hash: string }>(
    'SELECT access_code_hash FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  const ok = await verifyAccessCode(accessCode, rows[0]?.access_code_hash ?? (await dummyHash()));
  return ok && rows.length === 1;
}

export async function isTelegramApplicantOf(
  pool: Pool,
  registrationNumber: string,
  telegramUserId: number,
): Promise<boolean> {
  const { rowCount } = await pool.query(
    'SELECT 1 FROM applications WHERE registration_number = $1 AND applicant_telegram_id = $2',
    [registrationNumber, telegramUserId],
  );
  return rowCount === 1;
}

/**
 * The file as the viewer may see it. A NIK is shown whole only to the applicant and to officers
 * of the department the file is with now; everyone else sees it masked.
 */
export async function getApplicationStatus(
  pool: Pool,
  catalog: PermitCatalog,
  registrationNumber: string,
  viewer: Viewer,
): Promise<ApplicationStatus | null> {
  // One round trip for the row and its history: status pages are polled, so this is hot.
  const { rows } = await pool.query<
    ApplicationRow & {
      history: {
        sequence: number;
        occurred_at: string;
        actor_kind: string;
        actor_role: string | null;
        action: string;
        reason: string | null;
      }[];
    }
  >({
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
  const history = { rows: row.history };
  const seesNik =
    viewer.kind === 'applicant' ||
    (row.assigned_department !== null && viewer.officer.departments.includes(row.assigned_department));
  const nikFields = new Set(
    catalog.permitTypes
      .find((t) => t.code === row.permit_type)
      ?.fields.filter((f) => f.type === 'nik')
      .map((f) => f.key) ?? [],
  );
  const formData = Object.fromEntries(
    Object.entries(row.form_data).map(([key, value]) => [
      key,
      nikFields.has(key) && !seesNik ? maskNik(String(value)) : value,
    ]),
  );
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
    formData,
    documents: row.documents,
    history: history.rows.map((h) => ({
      sequence: h.sequence,
      at: new Date(h.occurred_at).toISOString(),
      actorKind: h.actor_kind,
      actorRole: h.actor_role,
      action: h.action,
      reason: h.reason,
    })),
  };
}

export interface ApplicationSummary {
  registrationNumber: string;
  permitTypeCode: string;
  status: string;
  stageKey: string | null;
  deadline: string | null;
  submittedAt: string;
}

/** The files a Telegram user applied for, newest first. */
export async function applicationsOfTelegramUser(
  pool: Pool,
  telegramUserId: number,
): Promise<ApplicationSummary[]> {
  const { rows } = await pool.query<ApplicationRow>(
    `SELECT * FROM applications WHERE applicant_telegram_id = $1 ORDER BY submitted_at DESC LIMIT 50`,
    [telegramUserId],
  );
  return rows.map((r) => ({
    registrationNumber: r.registration_number,
    permitTypeCode: r.permit_type,
    status: r.status,
    stageKey: r.stage_key,
    deadline: r.deadline?.toISOString() ?? null,
    submittedAt: r.submitted_at.toISOString(),
  }));
}

export interface InboxItem {
  registrationNumber: string;
  permitTypeCode: string;
  stageKey: string;
  role: string;
  department: string;
  deadline: string | null;
  deadlineUncovered: boolean;
  /** Office time (or elapsed time for duration SLAs) left before the deadline; negative once breached. */
  timeLeftMs: number | null;
  breached: boolean;
}

function timeLeft(calendar: WorkingCalendar, row: ApplicationRow, now: Date): number | null {
  if (!row.deadline) return null;
  if (row.deadline <= now) return row.deadline.getTime() - now.getTime();
  return row.deadline_clock === 'workingTime'
    ? calendar.remainingWorkingTime(now, row.deadline).ms
    : row.deadline.getTime() - now.getTime();
}

function toInboxItem(calendar: WorkingCalendar, row: ApplicationRow, now: Date): InboxItem {
  const left = timeLeft(calendar, row, now);
  return {
    registrationNumber: row.registration_number,
    permitTypeCode: row.permit_type,
    stageKey: row.stage_key ?? '',
    role: row.assigned_role ?? '',
    department: row.assigned_department ?? '',
    deadline: row.deadline?.toISOString() ?? null,
    deadlineUncovered: row.deadline_uncovered,
    timeLeftMs: left,
    breached: left !== null && left <= 0,
  };
}

/** Files waiting on the officer's roles in their departments, oldest deadline first. */
export async function officerInbox(
  pool: Pool,
  calendar: WorkingCalendar,
  officer: Officer,
  now: Date = new Date(),
): Promise<InboxItem[]> {
  const { rows } = await pool.query<ApplicationRow>(
    `SELECT * FROM applications
     WHERE status = 'IN_REVIEW' AND assigned_role = ANY($1) AND assigned_department = ANY($2)
     ORDER BY deadline ASC NULLS LAST, registration_number LIMIT 200`,
    [officer.roles, officer.departments],
  );
  return rows.map((row) => toInboxItem(calendar, row, now));
}

/** Office time under which a file counts as at risk: half a working day. */
export const AT_RISK_MS = 4 * 60 * 60 * 1000;

/** For managers: breached and at-risk files in their departments. */
export async function slaOverview(
  pool: Pool,
  calendar: WorkingCalendar,
  manager: Officer,
  now: Date = new Date(),
): Promise<{ breached: InboxItem[]; atRisk: InboxItem[] }> {
  const { rows } = await pool.query<ApplicationRow>(
    `SELECT * FROM applications
     WHERE status = 'IN_REVIEW' AND assigned_department = ANY($1) AND deadline IS NOT NULL
     ORDER BY deadline ASC LIMIT 500`,
    [manager.departments],
  );
  const items = rows.map((row) => toInboxItem(calendar, row, now));
  return {
    breached: items.filter((i) => i.breached),
    atRisk: items.filter((i) => !i.breached && i.timeLeftMs !== null && i.timeLeftMs <= AT_RISK_MS),
  };
}
