import { inTransaction, type Pool } from '../../db/pool.js';
import type { TransitionRecord } from './permitActivityContract.js';

/**
 * Writes one transition: the append-only audit event, the read-model row and the outbox rows,
 * in one transaction. Keyed by workflow ID + sequence, so a retried activity changes nothing.
 */
export async function recordTransitionInDb(
  pool: Pool,
  record: TransitionRecord,
): Promise<{ inserted: boolean }> {
  return inTransaction(pool, async (client) => {
    const inserted = await client.query(
      `INSERT INTO audit_events (workflow_id, sequence, occurred_at, actor_kind, actor_id, actor_role, action,
                                 from_status, to_status, stage_key, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (workflow_id, sequence) DO NOTHING`,
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
      ],
    );
    if (inserted.rowCount === 0) return { inserted: false };

    const m = record.readModel;
    await client.query(
      `UPDATE applications SET
         status = $2, stage_key = $3, stage_index = $4, assigned_role = $5, assigned_department = $6,
         deadline = $7, deadline_uncovered = $8, paused = $9, paused_working_ms = $10, pause_count = $11,
         clock_started_at = $12, decided_at = $13, decided_within_sla = $14,
         permit_number = COALESCE($15, permit_number), last_sequence = $16, deadline_clock = $17, updated_at = now()
       WHERE registration_number = $1 AND last_sequence < $16`,
      [
        record.workflowId,
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
        record.sequence,
        m.deadlineClock,
      ],
    );
    for (const n of record.notifications) {
      await client.query(
        `INSERT INTO notification_outbox (event_key, workflow_id, audience, recipient, template, params)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_key) DO NOTHING`,
        [
          n.eventKey,
          record.workflowId,
          n.audience,
          JSON.stringify(n.recipient),
          n.template,
          JSON.stringify(n.params),
        ],
      );
    }
    return { inserted: true };
  });
}
