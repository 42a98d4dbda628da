// The published statistics (the same object GET /api/v1/stats serves) turned into what
// /statistik shows: every permit type of the catalog in its order, each with its months of the
// chart's window (a page as long at 100,000 files as at 100), the on-time chart, the survey's
// quarters that overlap the window and the complaints of the window's months.

import type { LocalizedText, PermitType } from '../../domain/catalog/catalogSchema.js';
import { COMPLAINT_CATEGORIES } from '../../domain/complaints/complaintCategories.js';
import { quarterOfMonth, shareOf } from '../../domain/stats/monthSeries.js';
import { SURVEY_ELEMENTS } from '../../domain/survey/surveyElements.js';
import type {
  ComplaintMonthFigures,
  PermitTypeStats,
  PublicStatistics,
  SurveyFigures,
} from '../../services/index.js';
import type {
  ComplaintMonthView,
  PermitTypeStatisticsView,
  StatisticsPageView,
  SurveyQuarterView,
  SurveySectionView,
} from '../views/viewModels.js';

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

function surveyQuarterView(figures: SurveyFigures): SurveyQuarterView {
  return {
    quarter: figures.quarter,
    respondents: figures.respondents,
    withheld: figures.withheld !== null,
    elementMeans: Object.fromEntries(
      SURVEY_ELEMENTS.map((element) => [element, figures.elements?.[element].nrr ?? null]),
    ) as SurveyQuarterView['elementMeans'],
    ikm: figures.ikm,
    grade: figures.grade,
  };
}

/** Permit types with answers in the window's quarters: catalog order, then retired codes. */
function surveyView(
  figures: readonly SurveyFigures[],
  names: ReadonlyMap<string, LocalizedText>,
  quarters: ReadonlySet<string>,
): SurveySectionView | null {
  const shown = figures.filter((group) => quarters.has(group.quarter));
  if (shown.length === 0) return null;
  const byType = new Map<string, SurveyFigures[]>();
  for (const group of shown) {
    byType.set(group.permitTypeCode, [...(byType.get(group.permitTypeCode) ?? []), group]);
  }
  const order = [...names.keys()];
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  const permitTypes = [...byType.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([code, groups]) => ({
      code,
      name: names.get(code) ?? { id: code, en: code },
      quarters: groups.sort((a, b) => a.quarter.localeCompare(b.quarter)).map(surveyQuarterView),
    }));
  // One floor for every group: the catalog's.
  return { minimumRespondents: shown[0]!.minimumRespondents, permitTypes };
}

function complaintsView(
  figures: readonly ComplaintMonthFigures[],
  window: ReadonlySet<string>,
): ComplaintMonthView[] {
  const category = (c: ComplaintMonthFigures['category']) => COMPLAINT_CATEGORIES.indexOf(c);
  return figures
    .filter((row) => window.has(row.month))
    .sort((a, b) => a.month.localeCompare(b.month) || category(a.category) - category(b.category))
    .map((row) => ({
      month: row.month,
      category: row.category,
      received: row.received,
      answered: row.answered,
      onTimeShare: shareOf(row.answeredOnTime, row.answered),
      medianResponseHours: row.medianResponseHours,
    }));
}

export function statisticsView(
  report: PublicStatistics,
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
    survey: surveyView(
      report.survey,
      new Map(permitTypes.map((type) => [type.code, type.name])),
      new Set([...window].map(quarterOfMonth)),
    ),
    complaints: complaintsView(report.complaints, window),
  };
}
