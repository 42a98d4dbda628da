import type { Pool } from '../db/pool.js';
import { histogramMedian } from '../domain/stats/histogramMedian.js';
import { type DecisionDaysBucket, readStatsAggregates } from '../repositories/statsRepository.js';

/** One month of a permit type (Asia/Jakarta), for the public statistics page. */
export interface MonthStats {
  /** YYYY-MM */
  month: string;
  /** Files whose submission was recorded this month. */
  received: number;
  /** Files decided this month (issued, rejected, deemed approved). */
  decided: number;
  decidedWithinSla: number;
  /** Median working days to the decisions of this month; null until measured (worker). */
  medianWorkingDaysToDecision: number | null;
  /** Revision requests that stopped a clock this month. */
  pauses: number;
  deemedApproved: number;
}

export interface PermitTypeStats {
  permitTypeCode: string;
  /** Files by their status now (a submission not yet recorded is left out). */
  countsByStatus: Record<string, number>;
  decided: number;
  /** Share of decided files (issued, rejected, deemed approved) decided with no SLA breach. */
  decidedWithinSlaShare: number | null;
  /** Median working days from the file declared complete (or submitted) to the decision. */
  medianWorkingDaysToDecision: number | null;
  /** Revision requests that stopped a clock: public, so repeated "clarifications" show. */
  pauses: number;
  /** Files in review past their stage's deadline now (refreshed by the worker every minute). */
  pastDeadline: number;
  /** Oldest month first. */
  months: MonthStats[];
}

const medianOf = (buckets: readonly DecisionDaysBucket[]) =>
  histogramMedian(buckets.map((b) => ({ value: b.workingDays, count: b.files })));

/**
 * Aggregate timeliness per permit type and month: no personal data, safe to publish. Read from
 * the aggregates the read model's trigger and the worker keep (statsRepository), never from
 * the files: the cost depends on permit types and months, not on how many files there are.
 */
export async function publicStats(pool: Pool): Promise<PermitTypeStats[]> {
  const aggregates = await readStatsAggregates(pool);
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
        pastDeadline: 0,
        months: [],
      };
      byType.set(code, stats);
    }
    return stats;
  };
  for (const row of aggregates.statusCounts) entry(row.permitTypeCode).countsByStatus[row.status] = row.files;
  for (const row of aggregates.pastDeadline) entry(row.permitTypeCode).pastDeadline = row.files;
  const days = (code: string, month?: string) =>
    aggregates.decisionDays.filter((b) => b.permitTypeCode === code && (!month || b.month === month));
  const withinSla = new Map<string, number>();
  for (const row of aggregates.monthly) {
    const stats = entry(row.permitTypeCode);
    stats.decided += row.decided;
    stats.pauses += row.pauses;
    withinSla.set(row.permitTypeCode, (withinSla.get(row.permitTypeCode) ?? 0) + row.decidedWithinSla);
    stats.months.push({
      month: row.month.slice(0, 7),
      received: row.received,
      decided: row.decided,
      decidedWithinSla: row.decidedWithinSla,
      medianWorkingDaysToDecision: medianOf(days(row.permitTypeCode, row.month)),
      pauses: row.pauses,
      deemedApproved: row.deemedApproved,
    });
  }
  for (const stats of byType.values()) {
    if (stats.decided > 0) {
      stats.decidedWithinSlaShare = (withinSla.get(stats.permitTypeCode) ?? 0) / stats.decided;
      stats.medianWorkingDaysToDecision = medianOf(days(stats.permitTypeCode));
    }
  }
  return [...byType.values()];
}
