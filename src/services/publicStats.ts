import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import {
  countsByPermitTypeAndStatus,
  decidedApplications,
} from '../repositories/applicationListRepository.js';

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
  const counts = await countsByPermitTypeAndStatus(pool);
  const decided = await decidedApplications(pool);
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
  for (const row of counts) {
    const stats = entry(row.permitTypeCode);
    stats.countsByStatus[row.status] = row.count;
    stats.pauses += row.pauses;
  }
  const days = new Map<string, number[]>();
  const within = new Map<string, number>();
  for (const row of decided) {
    const code = row.permitTypeCode;
    const stats = entry(code);
    stats.decided += 1;
    if (row.decidedWithinSla) within.set(code, (within.get(code) ?? 0) + 1);
    const elapsed = calendar.workingDaysBetween(row.from, row.decidedAt).days;
    days.set(code, [...(days.get(code) ?? []), elapsed]);
  }
  for (const stats of byType.values()) {
    if (stats.decided > 0) {
      stats.decidedWithinSlaShare = (within.get(stats.permitTypeCode) ?? 0) / stats.decided;
      stats.medianWorkingDaysToDecision = median(days.get(stats.permitTypeCode) ?? []);
    }
  }
  return [...byType.values()];
}
