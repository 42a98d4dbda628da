import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';

export interface PermitTypeStats {
  permitTypeCode: string;
  countsByStatus: Record<string, number>;
  decided: number;
  /** Share of decided files (issued, rejected, deemed approved) decided with no SLA breach. */
  decidedWithinSlaShare: number | null;
  /** Median working days from the file declared complete (or submitted) to the decision. */
  medianWorkingDaysToDecision: number | null;
  /** Revision requests that stopped a clock: public, so repeated "clarifications" show. */
  pauses: number;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Aggregate timeliness per permit type: no personal data, safe to publish. */
export async function publicStats(pool: Pool, calendar: WorkingCalendar): Promise<PermitTypeStats[]> {
  const counts = await pool.query<{ permit_type: string; status: string; n: string; pauses: string }>(
    `SELECT permit_type, status, count(*) AS n, sum(pause_count) AS pauses
     FROM applications WHERE status <> 'SUBMITTED' GROUP BY permit_type, status ORDER BY permit_type, status`,
  );
  const decided = await pool.query<{
    permit_type: string;
    from_at: Date;
    decided_at: Date;
    decided_within_sla: boolean | null;
  }>(
    `SELECT permit_type, COALESCE(clock_started_at, submitted_at) AS from_at, decided_at, decided_within_sla
     FROM applications WHERE decided_at IS NOT NULL`,
  );
  const byType = new Map<string, PermitTypeStats>();
  const entry = (code: string) => {
    let stats = byType.get(code);
    if (!stats) {
      stats = {
        permitTypeCode: code,
        countsByStatus: {},
        decided: 0,
        decidedWithinSlaShare: null,
        medianWorkingDaysToDecision: null,
        pauses: 0,
      };
      byType.set(code, stats);
    }
    return stats;
  };
  for (const row of counts.rows) {
    const stats = entry(row.permit_type);
    stats.countsByStatus[row.status] = Number(row.n);
    stats.pauses += Number(row.pauses ?? 0);
  }
  const days = new Map<string, number[]>();
  const within = new Map<string, number>();
  for (const row of decided.rows) {
    const stats = entry(row.permit_type);
    stats.decided += 1;
    if (row.decided_within_sla) within.set(row.permit_type, (within.get(row.permit_type) ?? 0) + 1);
    const elapsed = calendar.workingDaysBetween(row.from_at, row.decided_at).days;
    days.set(row.permit_type, [...(days.get(row.permit_type) ?? []), elapsed]);
  }
  for (const stats of byType.values()) {
    if (stats.decided > 0) {
      stats.decidedWithinSlaShare = (within.get(stats.permitTypeCode) ?? 0) / stats.decided;
      stats.medianWorkingDaysToDecision = median(days.get(stats.permitTypeCode) ?? []);
    }
  }
  return [...byType.values()];
}
