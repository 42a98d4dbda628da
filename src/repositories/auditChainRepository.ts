import type { Queryable } from '../db/pool.js';
import type { ChainedAuditEvent } from '../domain/audit/auditChainCheck.js';

// Reads of the audit chain (audit_events.chain_position, chain_hash, file_chain_hash), which the
// table's BEFORE INSERT trigger writes (migrations/1764000000900_audit-chain.sql).

interface ChainRow {
  id: string;
  workflow_id: string;
  sequence: number;
  occurred_at_us: string;
  actor_kind: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  from_status: string | null;
  to_status: string;
  stage_key: string | null;
  reason: string | null;
  details_json: string;
  recorded_at_us: string;
  position: string;
  chain_hash: string;
  file_chain_hash: string;
}

/**
 * Events in chain order after `afterPosition`, with every column as exact text where a JS value
 * would lose precision (timestamps in microseconds, jsonb as PostgreSQL renders it).
 */
export async function auditChainPage(
  db: Queryable,
  afterPosition: number,
  limit: number,
): Promise<ChainedAuditEvent[]> {
  const { rows } = await db.query<ChainRow>(
    `SELECT id::text, workflow_id, sequence,
            (extract(epoch FROM occurred_at) * 1000000)::bigint::text AS occurred_at_us,
            actor_kind, actor_id, actor_role, action, from_status, to_status, stage_key, reason,
            details::text AS details_json,
            (extract(epoch FROM recorded_at) * 1000000)::bigint::text AS recorded_at_us,
            chain_position::text AS position, chain_hash, file_chain_hash
     FROM audit_events WHERE chain_position > $1 ORDER BY chain_position LIMIT $2`,
    [afterPosition, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    workflowId: r.workflow_id,
    sequence: r.sequence,
    occurredAtMicros: r.occurred_at_us,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    stageKey: r.stage_key,
    reason: r.reason,
    detailsJson: r.details_json,
    recordedAtMicros: r.recorded_at_us,
    chainPosition: Number(r.position),
    chainHash: r.chain_hash,
    fileChainHash: r.file_chain_hash,
  }));
}

export interface DailyAuditHead {
  /** A calendar day in Asia/Jakarta (WIB), YYYY-MM-DD. */
  day: string;
  /** Chain position of the day's last event: how many events the chain held then. */
  position: number;
  /** That event's chain_hash: it commits to every event up to it. */
  hash: string;
}

/**
 * For each of the last `days` days in Asia/Jakarta (today included) that recorded an event, the
 * last event of that day in chain order. Days without events are left out. Each day's events are
 * found by the recorded_at index and only they are sorted (`chain_position + 0` keeps the
 * planner from walking the whole chain backwards from its newest event instead), so the cost
 * grows with the events of those days, not with the trail behind them.
 */
export async function dailyAuditHeads(db: Queryable, days: number): Promise<DailyAuditHead[]> {
  const { rows } = await db.query<{ day: string; position: string; hash: string }>(
    `WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Jakarta')::date AS d)
     SELECT to_char(day, 'YYYY-MM-DD') AS day, head.chain_position::text AS position, head.chain_hash AS hash
     FROM today, generate_series((today.d - ($1::int - 1))::timestamp, today.d::timestamp, interval '1 day') AS day
     CROSS JOIN LATERAL (
       SELECT chain_position, chain_hash FROM audit_events
       WHERE recorded_at >= (day AT TIME ZONE 'Asia/Jakarta')
         AND recorded_at < ((day + interval '1 day') AT TIME ZONE 'Asia/Jakarta')
       ORDER BY chain_position + 0 DESC LIMIT 1) AS head
     ORDER BY day`,
    [days],
  );
  return rows.map((r) => ({ day: r.day, position: Number(r.position), hash: r.hash }));
}
