// The statistics report (the same figures GET /api/v1/stats serves) turned into what /statistik
// shows: every permit type of the catalog in its order, each with its months of the chart's
// window (a page as long at 100,000 files as at 100), and the on-time chart.

import type { LocalizedText, PermitType } from '../../domain/catalog/catalogSchema.js';
import type { PermitTypeStats, PublicStatsReport } from '../../services/index.js';
import type { PermitTypeStatisticsView, StatisticsPageView } from '../views/viewModels.js';

function typeView(
  code: string,
  name: LocalizedText,
  stats: PermitTypeStats | undefined,
  window: ReadonlySet<string>,
): PermitTypeStatisticsView {
  return {
    code,
    name,
    pastDeadlineNow: stats?.pastDeadline ?? 0,
    months: (stats?.months ?? [])
      .filter((month) => window.has(month.month))
      .map((month) => ({
        month: month.month,
        received: month.received,
        decided: month.decided,
        onTimeShare: month.decidedWithinSlaShare,
        medianWorkingDays: month.medianWorkingDaysToDecision,
        pausesPerFile: month.pausesPerDecision,
        deemedApprovals: month.deemedApproved,
      })),
  };
}

export function statisticsView(
  report: PublicStatsReport,
  permitTypes: readonly PermitType[],
  officeName: string,
): StatisticsPageView {
  const window = new Set(report.onTimeLast12Months.map((point) => point.month));
  const statsOf = new Map(report.permitTypes.map((stats) => [stats.permitTypeCode, stats]));
  const offered = new Set(permitTypes.map((type) => type.code));
  // Files of a permit type the catalog no longer offers still count, under its code.
  const retired = report.permitTypes.filter((stats) => !offered.has(stats.permitTypeCode));
  return {
    officeName,
    generatedAt: report.generatedAt,
    permitTypes: [
      ...permitTypes.map((type) => typeView(type.code, type.name, statsOf.get(type.code), window)),
      ...retired.map((stats) =>
        typeView(stats.permitTypeCode, { id: stats.permitTypeCode, en: stats.permitTypeCode }, stats, window),
      ),
    ],
    onTimeLast12Months: report.onTimeLast12Months.map((point) => ({
      month: point.month,
      share: point.share,
    })),
  };
}
