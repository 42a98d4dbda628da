import type { Pool } from '../db/pool.js';
import { histogramMedian } from '../domain/stats/histogramMedian.js';
import {
  jakartaMonth,
  monthsEndingWith,
  type OnTimeMonth,
  onTimeSeries,
  shareOf,
} from '../domain/stats/monthSeries.js';
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
  /** decidedWithinSla / decided; null when nothing was decided this month. */
  decidedWithinSlaShare: number | null;
  /** Median working days to the decisions of this month; null until measured (worker). */
  medianWorkingDaysToDecision: number | null;
  /** Revision requests that stopped a clock this month. */
  pauses: number;
  /** pauses / decided: how often a decided file was sent back; null when nothing was decided. */
  pausesPerDecision: number | null;
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

/** How many months the on-time chart (and the public page's tables) look back, this month included. */
export const RECENT_MONTHS = 12;

export interface PublicStatsReport {
  /** When the figures were read; a reused report (STATS_CACHE_SECONDS) is that much older. */
  generatedAt: Date;
  permitTypes: PermitTypeStats[];
  /** All permit types together, the last RECENT_MONTHS months (Asia/Jakarta), oldest first. */
  onTimeLast12Months: OnTimeMonth[];
}

const medianOf = (buckets: readonly DecisionDaysBucket[]) =>
  histogramMedian(buckets.map((b) => ({ value: b.workingDays, count: b.files })));

/** The working-days histogram grouped by permit type, and by permit type and month. */
function groupDecisionDays(buckets: readonly DecisionDaysBucket[]) {
  const groups = new Map<string, DecisionDaysBucket[]>();
  const add = (key: string, bucket: DecisionDaysBucket) => {
    const group = groups.get(key);
    if (group) group.push(bucket);
    else groups.set(key, [bucket]);
  };
  for (const bucket of buckets) {
    add(bucket.permitTypeCode, bucket);
    add(`${bucket.permitTypeCode}|${bucket.month}`, bucket);
  }
  return (code: string, month?: string) => groups.get(month ? `${code}|${month}` : code) ?? [];
}

/**
 * Aggregate timeliness per permit type and month, with the on-time share of the last 12 months
 * up to `now`'s month. Read from the aggregates the read model's trigger and the worker keep
 * (statsRepository), never from the files: the cost depends on permit types and months, not on
 * how many files there are.
 */
export async function publicStatsReport(pool: Pool, now: Date = new Date()): Promise<PublicStatsReport> {
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
  const days = groupDecisionDays(aggregates.decisionDays);
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
      decidedWithinSlaShare: shareOf(row.decidedWithinSla, row.decided),
      medianWorkingDaysToDecision: medianOf(days(row.permitTypeCode, row.month)),
      pauses: row.pauses,
      pausesPerDecision: shareOf(row.pauses, row.decided),
      deemedApproved: row.deemedApproved,
    });
  }
  for (const stats of byType.values()) {
    if (stats.decided > 0) {
      stats.decidedWithinSlaShare = (withinSla.get(stats.permitTypeCode) ?? 0) / stats.decided;
      stats.medianWorkingDaysToDecision = medianOf(days(stats.permitTypeCode));
    }
  }
  const permitTypes = [...byType.values()];
  const months = monthsEndingWith(jakartaMonth(now), RECENT_MONTHS);
  const onTimeLast12Months = onTimeSeries(
    permitTypes.flatMap((type) => type.months),
    months,
  );
  return { generatedAt: now, permitTypes, onTimeLast12Months };
}
