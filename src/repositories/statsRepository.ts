import type { Queryable } from '../db/pool.js';

// The public statistics' aggregates (migrations/1764000001100_public-stats-aggregates.sql): kept
// by a trigger on the read model as files move, and by the worker's stats job for what needs
// the holiday calendar (working days to a decision) or the clock (files past their deadline).
// Reading them costs the same however many files there are.

export interface MonthlyTotals {
  permitTypeCode: string;
  /** First day of the month (Asia/Jakarta), YYYY-MM-DD. */
  month: string;
  received: number;
  decided: number;
  decidedWithinSla: number;
  deemedApproved: number;
  pauses: number;
}

export interface DecisionDaysBucket {
  permitTypeCode: string;
  month: string;
  workingDays: number;
  files: number;
}

export interface StatsAggregates {
  monthly: MonthlyTotals[];
  decisionDays: DecisionDaysBucket[];
  statusCounts: { permitTypeCode: string; status: string; files: number }[];
  pastDeadline: { permitTypeCode: string; files: number }[];
}

/** Every aggregate, oldest month first; one round trip. */
export async function readStatsAggregates(db: Queryable): Promise<StatsAggregates> {
  const { rows } = await db.query<{ aggregates: StatsAggregates }>(
    `SELECT json_build_object(
       'monthly', COALESCE((SELECT json_agg(json_build_object(
           'permitTypeCode', permit_type, 'month', to_char(month, 'YYYY-MM-DD'), 'received', received,
           'decided', decided, 'decidedWithinSla', decided_within_sla, 'deemedApproved', deemed_approved,
           'pauses', pauses) ORDER BY permit_type, month) FROM stats_monthly), '[]'::json),
       'decisionDays', COALESCE((SELECT json_agg(json_build_object(
           'permitTypeCode', permit_type, 'month', to_char(month, 'YYYY-MM-DD'),
           'workingDays', working_days, 'files', files) ORDER BY permit_type, month, working_days)
         FROM stats_decision_days), '[]'::json),
       'statusCounts', COALESCE((SELECT json_agg(json_build_object(
           'permitTypeCode', permit_type, 'status', status, 'files', files) ORDER BY permit_type, status)
         FROM stats_status_counts WHERE files <> 0), '[]'::json),
       'pastDeadline', COALESCE((SELECT json_agg(json_build_object('permitTypeCode', permit_type, 'files', files))
         FROM stats_past_deadline), '[]'::json)
     ) AS aggregates`,
  );
  return rows[0]!.aggregates;
}

export interface DecisionToMeasure {
  registrationNumber: string;
  permitTypeCode: string;
  month: string;
  from: Date;
  decidedAt: Date;
}

/**
 * Takes up to `limit` decided files not yet measured (removing them from the queue; call inside
 * a transaction that also stores their measurement). Rows another worker holds are skipped.
 */
export async function takeDecisionsToMeasure(db: Queryable, limit: number): Promise<DecisionToMeasure[]> {
  const { rows } = await db.query<{
    registration_number: string;
    permit_type: string;
    month: string;
    from_at: Date;
    decided_at: Date;
  }>(
    `DELETE FROM stats_decisions_to_measure WHERE registration_number IN (
       SELECT registration_number FROM stats_decisions_to_measure
       ORDER BY decided_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING registration_number, permit_type, to_char(month, 'YYYY-MM-DD') AS month, from_at, decided_at`,
    [limit],
  );
  return rows.map((r) => ({
    registrationNumber: r.registration_number,
    permitTypeCode: r.permit_type,
    month: r.month,
    from: r.from_at,
    decidedAt: r.decided_at,
  }));
}

/** Adds measured files to the working-days histogram. */
export async function addDecisionDays(db: Queryable, buckets: readonly DecisionDaysBucket[]): Promise<void> {
  if (buckets.length === 0) return;
  await db.query(
    `INSERT INTO stats_decision_days AS d (permit_type, month, working_days, files)
     SELECT * FROM unnest($1::text[], $2::date[], $3::int[], $4::int[])
     ON CONFLICT (permit_type, month, working_days) DO UPDATE SET files = d.files + EXCLUDED.files`,
    [
      buckets.map((b) => b.permitTypeCode),
      buckets.map((b) => b.month),
      buckets.map((b) => b.workingDays),
      buckets.map((b) => b.files),
    ],
  );
}

/** Recounts the files in review past their deadline now (open files only, by index). */
export async function refreshPastDeadline(db: Queryable): Promise<void> {
  await db.query(
    `WITH now_past AS (
       SELECT permit_type, count(*)::int AS files FROM applications
       WHERE status = 'IN_REVIEW' AND deadline < now() AND NOT paused GROUP BY permit_type),
     gone AS (DELETE FROM stats_past_deadline WHERE permit_type NOT IN (SELECT permit_type FROM now_past))
     INSERT INTO stats_past_deadline AS p (permit_type, files, refreshed_at)
     SELECT permit_type, files, now() FROM now_past
     ON CONFLICT (permit_type) DO UPDATE SET files = EXCLUDED.files, refreshed_at = EXCLUDED.refreshed_at`,
  );
}
