import type { Queryable } from '../db/pool.js';

// Reads across many files of the read model: an applicant's list, officers' queues and the
// public statistics. Never Temporal: these are answered from Postgres alone.

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
  db: Queryable,
  telegramUserId: number,
): Promise<ApplicationSummary[]> {
  const { rows } = await db.query<{
    registration_number: string;
    permit_type: string;
    status: string;
    stage_key: string | null;
    deadline: Date | null;
    submitted_at: Date;
  }>(`SELECT * FROM applications WHERE applicant_telegram_id = $1 ORDER BY submitted_at DESC LIMIT 50`, [
    telegramUserId,
  ]);
  return rows.map((r) => ({
    registrationNumber: r.registration_number,
    permitTypeCode: r.permit_type,
    status: r.status,
    stageKey: r.stage_key,
    deadline: r.deadline?.toISOString() ?? null,
    submittedAt: r.submitted_at.toISOString(),
  }));
}

/** A file under review as a queue shows it: where it is and its stage deadline. */
export interface ReviewQueueEntry {
  registrationNumber: string;
  permitTypeCode: string;
  stageKey: string | null;
  assignedRole: string | null;
  assignedDepartment: string | null;
  deadline: Date | null;
  deadlineClock: 'workingTime' | 'elapsed' | null;
  deadlineUncovered: boolean;
}

interface QueueRow {
  registration_number: string;
  permit_type: string;
  stage_key: string | null;
  assigned_role: string | null;
  assigned_department: string | null;
  deadline: Date | null;
  deadline_clock: 'workingTime' | 'elapsed' | null;
  deadline_uncovered: boolean;
}

const toQueueEntry = (row: QueueRow): ReviewQueueEntry => ({
  registrationNumber: row.registration_number,
  permitTypeCode: row.permit_type,
  stageKey: row.stage_key,
  assignedRole: row.assigned_role,
  assignedDepartment: row.assigned_department,
  deadline: row.deadline,
  deadlineClock: row.deadline_clock,
  deadlineUncovered: row.deadline_uncovered,
});

/** Files in review waiting on one of the roles in one of the departments, oldest deadline first. */
export async function filesAwaitingRoles(
  db: Queryable,
  roles: readonly string[],
  departments: readonly string[],
): Promise<ReviewQueueEntry[]> {
  const { rows } = await db.query<QueueRow>(
    `SELECT * FROM applications
     WHERE status = 'IN_REVIEW' AND assigned_role = ANY($1) AND assigned_department = ANY($2)
     ORDER BY deadline ASC NULLS LAST, registration_number LIMIT 200`,
    [roles, departments],
  );
  return rows.map(toQueueEntry);
}

/** Files in review with a deadline in one of the departments, oldest deadline first. */
export async function filesWithDeadlineIn(
  db: Queryable,
  departments: readonly string[],
): Promise<ReviewQueueEntry[]> {
  const { rows } = await db.query<QueueRow>(
    `SELECT * FROM applications
     WHERE status = 'IN_REVIEW' AND assigned_department = ANY($1) AND deadline IS NOT NULL
     ORDER BY deadline ASC LIMIT 500`,
    [departments],
  );
  return rows.map(toQueueEntry);
}
