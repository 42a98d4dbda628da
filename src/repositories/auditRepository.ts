import type { TransitionRecord } from '../activities/permit/permitActivityContract.js';
import type { Queryable } from '../db/pool.js';
import { preparedStatement } from '../db/preparedStatement.js';

// The append-only audit trail (audit_events): one row per recorded transition of a file.

/**
 * Writes one transition: the append-only audit event, the read-model row and the outbox rows,
 * in one named statement (so one round trip, one implicit transaction, and a plan reused). The
 * row update and the notices hang off the audit insert's RETURNING: keyed by workflow ID +
 * sequence, a retried activity inserts no event and so changes nothing else either.
 */
export async function recordTransition(
  db: Queryable,
  record: TransitionRecord,
): Promise<{ inserted: boolean }> {
  const m = record.readModel;
  const { rows } = await db.query<{ inserted: number }>(
    preparedStatement(
      `WITH event AS (
       INSERT INTO audit_events (workflow_id, sequence, occurred_at, actor_kind, actor_id, actor_role, action,
                                 from_status, to_status, stage_key, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (workflow_id, sequence) DO NOTHING
       RETURNING workflow_id, sequence),
     model AS (
       UPDATE applications SET
         status = $13, stage_key = $14, stage_index = $15, assigned_role = $16, assigned_department = $17,
         deadline = $18, deadline_uncovered = $19, paused = $20, paused_working_ms = $21, pause_count = $22,
         clock_started_at = $23, decided_at = $24, decided_within_sla = $25,
         permit_number = COALESCE($26, permit_number), last_sequence = event.sequence, deadline_clock = $27,
         updated_at = now()
       FROM event
       WHERE registration_number = event.workflow_id AND last_sequence < event.sequence
       RETURNING 1),
     notices AS (
       INSERT INTO notification_outbox (event_key, workflow_id, audience, recipient, template, params)
       SELECT n.event_key, event.workflow_id, n.audience, n.recipient, n.template, n.params
       FROM event, ROWS FROM (jsonb_to_recordset($28::jsonb)
         AS (event_key text, audience text, recipient jsonb, template text, params jsonb))
         WITH ORDINALITY AS n(event_key, audience, recipient, template, params, position)
       ORDER BY n.position
       ON CONFLICT (event_key) DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS inserted FROM event`,
      [
        record.workflowId,
        record.sequence,
        record.occurredAt,
        record.actor.kind,
        record.actor.id ?? null,
        record.actor.role ?? null,
        record.action,
        record.fromStatus,
        record.toStatus,
        record.stageKey,
        record.reason ?? null,
        JSON.stringify(record.details),
        m.status,
        m.stageKey,
        m.stageIndex,
        m.assignedRole,
        m.assignedDepartment,
        m.deadline,
        m.deadlineUncovered,
        m.paused,
        m.pausedWorkingMs,
        m.pauseCount,
        m.clockStartedAt,
        m.decidedAt,
        m.decidedWithinSla,
        m.permitNumber,
        m.deadlineClock,
        JSON.stringify(
          record.notifications.map((n) => ({
            event_key: n.eventKey,
            audience: n.audience,
            recipient: n.recipient,
            template: n.template,
            params: n.params,
          })),
        ),
      ],
    ),
  );
  return { inserted: (rows[0]?.inserted ?? 0) > 0 };
}

/** The officer's note of the latest revision request on a file, or null when none was made. */
export async function latestRevisionNote(db: Queryable, registrationNumber: string): Promise<string | null> {
  const { rows } = await db.query<{ reason: string | null }>(
    `SELECT reason FROM audit_events WHERE workflow_id = $1 AND action = 'revision_requested'
     ORDER BY sequence DESC LIMIT 1`,
    [registrationNumber],
  );
  return rows[0]?.reason ?? null;
}

/** Recorded transitions counted by action, over every file. */
export async function transitionTotals(db: Queryable): Promise<Record<string, number>> {
  const { rows } = await db.query<{ action: string; n: string }>(
    'SELECT action, count(*) AS n FROM audit_events GROUP BY action',
  );
  return Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
}
