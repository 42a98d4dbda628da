import type { Pool } from '../src/db/pool.js';
import { percentile } from './lib/load.js';

export const CHECKPOINT_ACTIONS = ['sla_reminder', 'sla_breached', 'sla_second_level'] as const;

/** The cluster's Temporal databases live on the same server as `databaseUrl`, under these names. */
export function temporalDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/temporal';
  return url.toString();
}

export interface DiskSizes {
  temporal: number;
  visibility: number;
  app: number;
}

export async function databaseSizes(app: Pool, temporal: Pool): Promise<DiskSizes> {
  const t = await temporal.query<{ main: string; visibility: string }>(
    `SELECT pg_database_size('temporal') AS main, pg_database_size('temporal_visibility') AS visibility`,
  );
  const a = await app.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size');
  return {
    temporal: Number(t.rows[0]!.main),
    visibility: Number(t.rows[0]!.visibility),
    app: Number(a.rows[0]!.size),
  };
}

/**
 * History events and stored history bytes per file, over every file of the run: the history
 * service's own row per execution (next_event_id is one past the last event) and its history
 * nodes (a branch's tree is the first run's ID).
 */
export async function historyFigures(temporal: Pool, numbers: string[]) {
  const { rows } = await temporal.query<{
    files: string;
    avg: string;
    min: string;
    max: string;
    bytes: string;
  }>(
    `WITH mine AS (SELECT run_id, next_event_id - 1 AS events FROM executions WHERE workflow_id = ANY($1))
     SELECT count(*) AS files, avg(events) AS avg, min(events) AS min, max(events) AS max,
            (SELECT coalesce(sum(octet_length(data)), 0) FROM history_node
              WHERE tree_id IN (SELECT run_id FROM mine)) AS bytes
       FROM mine`,
    [numbers],
  );
  const r = rows[0]!;
  const files = Number(r.files);
  return {
    files,
    eventsAvg: Number(r.avg),
    eventsMin: Number(r.min),
    eventsMax: Number(r.max),
    historyBytesPerFile: files > 0 ? Number(r.bytes) / files : 0,
  };
}

/** Files whose workflow the history service holds as running (status 1: RUNNING). */
export async function runningWorkflows(temporal: Pool, numbers: string[]): Promise<number> {
  const { rows } = await temporal.query<{ n: string }>(
    'SELECT count(*) AS n FROM current_executions WHERE workflow_id = ANY($1) AND status = 1',
    [numbers],
  );
  return Number(rows[0]!.n);
}

/** Soon files whose first checkpoint has been recorded. */
export async function checkpointsRecorded(app: Pool, soon: string[]): Promise<number> {
  const { rows } = await app.query<{ n: string }>(
    `SELECT count(DISTINCT workflow_id) AS n FROM audit_events
      WHERE workflow_id = ANY($1) AND action = 'sla_reminder'`,
    [soon],
  );
  return Number(rows[0]!.n);
}

export interface Spread {
  count: number;
  p50: number;
  p99: number;
  max: number;
  min: number;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    min: sorted[0] ?? Number.NaN,
  };
}

export interface CheckpointFigures {
  /** action → files with it once / more than once, and the extra events. */
  byAction: Record<string, { once: number; more: number; extra: number }>;
  /** Soon files without their reminder. */
  missing: number;
  /** Events recorded twice (any action, any file). */
  doubled: number;
  /** Checkpoint events on files that had none due (every later file; soon files beyond the reminder). */
  unexpected: number;
  submittedOnce: number;
  latenessMs: Spread;
  /** Due → the workflow task that fired it (the event's occurred_at, workflow time). */
  toWorkflowTaskMs: Spread;
  /** That workflow task → the audit row written by its activity (recorded_at). */
  toRecordMs: Spread;
  /** Due instants of the recorded checkpoints against the end of loading. */
  due: { beforeLoadEnded: number; withinMinuteAfter: number; later: number };
}

export async function checkpointFigures(
  app: Pool,
  soon: string[],
  later: string[],
  loadEndedAt: number,
): Promise<CheckpointFigures> {
  const all = [...soon, ...later];
  const { rows } = await app.query<{ workflow_id: string; action: string; n: string }>(
    `SELECT workflow_id, action, count(*) AS n FROM audit_events
      WHERE workflow_id = ANY($1) AND (action = 'submitted' OR action LIKE 'sla\\_%')
      GROUP BY workflow_id, action`,
    [all],
  );
  const soonSet = new Set(soon);
  const byAction: CheckpointFigures['byAction'] = {};
  let doubled = 0;
  let unexpected = 0;
  let submittedOnce = 0;
  const reminded = new Set<string>();
  for (const row of rows) {
    const n = Number(row.n);
    const tally = byAction[row.action] ?? { once: 0, more: 0, extra: 0 };
    byAction[row.action] = tally;
    if (n === 1) tally.once += 1;
    else tally.more += 1;
    tally.extra += n - 1;
    doubled += n - 1;
    if (row.action === 'submitted') {
      if (n === 1) submittedOnce += 1;
      continue;
    }
    if (row.action === 'sla_reminder' && soonSet.has(row.workflow_id)) reminded.add(row.workflow_id);
    else unexpected += n;
  }
  const events = await app.query<{ late_ms: number; task_ms: number; due_ms: number }>(
    `SELECT extract(epoch FROM recorded_at - (details->>'dueAt')::timestamptz) * 1000 AS late_ms,
            extract(epoch FROM occurred_at - (details->>'dueAt')::timestamptz) * 1000 AS task_ms,
            extract(epoch FROM (details->>'dueAt')::timestamptz) * 1000 AS due_ms
       FROM audit_events WHERE workflow_id = ANY($1) AND action LIKE 'sla\\_%'`,
    [all],
  );
  const due = { beforeLoadEnded: 0, withinMinuteAfter: 0, later: 0 };
  for (const { due_ms } of events.rows) {
    const after = Number(due_ms) - loadEndedAt;
    if (after < 0) due.beforeLoadEnded += 1;
    else if (after <= 60_000) due.withinMinuteAfter += 1;
    else due.later += 1;
  }
  return {
    byAction,
    missing: soon.length - reminded.size,
    doubled,
    unexpected,
    submittedOnce,
    latenessMs: spread(events.rows.map((r) => Number(r.late_ms))),
    toWorkflowTaskMs: spread(events.rows.map((r) => Number(r.task_ms))),
    toRecordMs: spread(events.rows.map((r) => Number(r.late_ms) - Number(r.task_ms))),
    due,
  };
}

/** The notices the run's files queued (the reminders' to officers) and how many were delivered. */
export async function noticeBacklog(app: Pool, numbers: string[]) {
  const { rows } = await app.query<{ queued: string; delivered: string }>(
    `SELECT count(*) AS queued, count(delivered_at) AS delivered FROM notification_outbox
      WHERE workflow_id = ANY($1)`,
    [numbers],
  );
  return { queued: Number(rows[0]!.queued), delivered: Number(rows[0]!.delivered) };
}
