import type { Pool, Queryable } from '../db/pool.js';
import { insertComplaintWithTicket } from '../db/sequenceNumbers.js';
import type { ComplaintCategory } from '../domain/complaints/complaintCategories.js';
import type { ComplaintStatus } from '../domain/complaints/complaintLifecycle.js';

// Complaints and the office's answers. The text is stored here and nowhere else; notices about
// a complaint are written to the outbox under the ticket (as workflow id) with no text but the
// answer note the complainant is sent.

export interface ComplaintNotice {
  eventKey: string;
  audience: 'managers' | 'second_level' | 'complainant';
  recipient: { role?: string; department?: string };
  template: string;
  params: Record<string, string | number | boolean | null>;
}

export interface NewComplaint {
  year: number;
  codeHash: string;
  category: ComplaintCategory;
  body: string;
  registrationNumber: string | null;
  department: string;
  channel: 'telegram' | 'api';
}

export interface ComplaintAnswer {
  round: number;
  note: string;
  answeredAt: string;
}

export interface ComplaintRow {
  ticket: string;
  ticketCodeHash: string;
  category: ComplaintCategory;
  body: string;
  registrationNumber: string | null;
  department: string;
  status: ComplaintStatus;
  filedAt: string;
  deadline: string | null;
  escalatedAt: string | null;
  lastAnsweredAt: string | null;
  reopens: number;
  answers: ComplaintAnswer[];
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export async function insertComplaint(db: Pool, complaint: NewComplaint): Promise<string> {
  return insertComplaintWithTicket(db, complaint.year, {
    ticket_code_hash: complaint.codeHash,
    category: complaint.category,
    body: complaint.body,
    registration_number: complaint.registrationNumber,
    department: complaint.department,
    channel: complaint.channel,
  });
}

export async function findComplaint(
  db: Queryable,
  ticket: string,
  forUpdate = false,
): Promise<ComplaintRow | null> {
  const { rows } = await db.query(
    `SELECT c.*, COALESCE((SELECT json_agg(json_build_object('round', a.round, 'note', a.note,
              'answeredAt', a.answered_at) ORDER BY a.round)
            FROM complaint_answers a WHERE a.ticket = c.ticket), '[]'::json) AS answers
     FROM complaints c WHERE c.ticket = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [ticket],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    ticket: r.ticket,
    ticketCodeHash: r.ticket_code_hash,
    category: r.category,
    body: r.body,
    registrationNumber: r.registration_number,
    department: r.department,
    status: r.status,
    filedAt: r.filed_at.toISOString(),
    deadline: iso(r.deadline),
    escalatedAt: iso(r.escalated_at),
    lastAnsweredAt: iso(r.last_answered_at),
    reopens: r.reopens,
    answers: (r.answers as { round: number; note: string; answeredAt: string }[]).map((a) => ({
      ...a,
      answeredAt: new Date(a.answeredAt).toISOString(),
    })),
  };
}

/** Writes notices about a complaint to the outbox; a repeated event key adds nothing. */
export async function queueComplaintNotices(
  db: Queryable,
  ticket: string,
  notices: readonly ComplaintNotice[],
): Promise<number> {
  if (notices.length === 0) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO notification_outbox (event_key, workflow_id, audience, recipient, template, params)
     SELECT n.event_key, $1, n.audience, n.recipient, n.template, n.params
     FROM jsonb_to_recordset($2::jsonb) AS n(event_key text, audience text, recipient jsonb, template text, params jsonb)
     ON CONFLICT (event_key) DO NOTHING`,
    [
      ticket,
      JSON.stringify(
        notices.map((n) => ({
          event_key: n.eventKey,
          audience: n.audience,
          recipient: n.recipient,
          template: n.template,
          params: n.params,
        })),
      ),
    ],
  );
  return rowCount ?? 0;
}

/** The office's answer of a round; the first one also says whether it came before the deadline. */
export async function recordComplaintAnswer(
  db: Queryable,
  answer: { ticket: string; round: number; officerId: string; note: string },
): Promise<string> {
  const { rows } = await db.query<{ answered_at: Date }>(
    `WITH answer AS (
       INSERT INTO complaint_answers (ticket, round, officer_id, note) VALUES ($1, $2, $3, $4)
       RETURNING answered_at)
     UPDATE complaints SET status = 'answered', last_answered_at = answer.answered_at,
            first_answered_at = COALESCE(first_answered_at, answer.answered_at),
            answered_on_time = COALESCE(answered_on_time, deadline IS NULL OR answer.answered_at <= deadline)
     FROM answer WHERE ticket = $1 RETURNING answer.answered_at`,
    [answer.ticket, answer.round, answer.officerId, answer.note],
  );
  return rows[0]!.answered_at.toISOString();
}

export async function recordComplaintReopen(
  db: Queryable,
  ticket: string,
  reason: string | null,
): Promise<string> {
  const { rows } = await db.query<{ reopened_at: Date }>(
    `UPDATE complaints SET status = 'reopened', reopens = reopens + 1, reopened_at = now(), reopen_reason = $2
     WHERE ticket = $1 RETURNING reopened_at`,
    [ticket, reason],
  );
  return rows[0]!.reopened_at.toISOString();
}

/** The answer deadline of the current round, as the workflow planned it on the office calendar. */
export async function setComplaintDeadline(
  db: Queryable,
  ticket: string,
  deadline: string | null,
): Promise<void> {
  await db.query('UPDATE complaints SET deadline = $2 WHERE ticket = $1', [ticket, deadline]);
}

/** Marks the complaint escalated if it still waits on an answer; false when it no longer does. */
export async function markComplaintEscalated(db: Queryable, ticket: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE complaints SET escalated_at = COALESCE(escalated_at, now())
     WHERE ticket = $1 AND status IN ('open', 'reopened')`,
    [ticket],
  );
  return (rowCount ?? 0) > 0;
}

export async function complaintAwaitsAnswer(db: Queryable, ticket: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM complaints WHERE ticket = $1 AND status IN ('open', 'reopened')`,
    [ticket],
  );
  return rows.length > 0;
}

export async function closeComplaint(db: Queryable, ticket: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE complaints SET status = 'closed', closed_at = now() WHERE ticket = $1 AND status = 'answered'`,
    [ticket],
  );
  return (rowCount ?? 0) > 0;
}

export interface ComplaintListItem {
  ticket: string;
  category: ComplaintCategory;
  registrationNumber: string | null;
  department: string;
  status: ComplaintStatus;
  filedAt: string;
  deadline: string | null;
  escalated: boolean;
}

const listItem = (r: Record<string, unknown>): ComplaintListItem => ({
  ticket: r.ticket as string,
  category: r.category as ComplaintCategory,
  registrationNumber: r.registration_number as string | null,
  department: r.department as string,
  status: r.status as ComplaintStatus,
  filedAt: (r.filed_at as Date).toISOString(),
  deadline: iso(r.deadline as Date | null),
  escalated: r.escalated_at !== null,
});

/** Complaints waiting on an answer in the departments, oldest deadline first. */
export async function complaintsAwaitingAnswer(
  db: Queryable,
  departments: readonly string[],
): Promise<ComplaintListItem[]> {
  const { rows } = await db.query(
    `SELECT ticket, category, registration_number, department, status, filed_at, deadline, escalated_at
     FROM complaints WHERE department = ANY($1) AND status IN ('open', 'reopened')
     ORDER BY deadline NULLS LAST, filed_at LIMIT 100`,
    [departments],
  );
  return rows.map(listItem);
}

/** The complaints about a file, without their text: for its audit trail. */
export async function complaintsAboutFile(
  db: Queryable,
  registrationNumber: string,
): Promise<ComplaintListItem[]> {
  const { rows } = await db.query(
    `SELECT ticket, category, registration_number, department, status, filed_at, deadline, escalated_at
     FROM complaints WHERE registration_number = $1 ORDER BY filed_at`,
    [registrationNumber],
  );
  return rows.map(listItem);
}

export interface ComplaintMonthFigures {
  month: string;
  category: ComplaintCategory;
  received: number;
  answered: number;
  answeredOnTime: number;
  /** Median hours from filing to the first answer; null before any answer. */
  medianResponseHours: number | null;
}

/** Counts per month (Asia/Jakarta) and category: no text, no ticket, no identity. */
export async function complaintFiguresByMonth(db: Queryable): Promise<ComplaintMonthFigures[]> {
  const { rows } = await db.query(
    `SELECT to_char(date_trunc('month', filed_at AT TIME ZONE 'Asia/Jakarta'), 'YYYY-MM') AS month, category,
            count(*)::int AS received, count(first_answered_at)::int AS answered,
            count(*) FILTER (WHERE answered_on_time)::int AS answered_on_time,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_answered_at - filed_at) / 3600)
              AS median_hours
     FROM complaints GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return rows.map((r) => ({
    month: r.month,
    category: r.category,
    received: r.received,
    answered: r.answered,
    answeredOnTime: r.answered_on_time,
    medianResponseHours: r.median_hours === null ? null : Math.round(Number(r.median_hours) * 100) / 100,
  }));
}
