import type { DailyAuditHead } from '../repositories/auditChainRepository.js';
import type { AuditTrailService } from './auditTrailService.js';
import type { ComplaintMonthFigures, ComplaintService } from './complaintService.js';
import type { FileQueryService } from './fileQueryService.js';
import type { PublicStatsReport } from './publicStats.js';
import type { SurveyFigures, SurveyService } from './surveyService.js';

/**
 * Everything the office publishes about itself, as one object: timeliness per permit type and
 * month, the audit chain's daily heads, the satisfaction survey's figures and the complaint
 * counts. `GET /api/v1/stats` serves it as JSON and `/statistik` renders it, so the page can
 * never show a figure the API does not, nor cost a query the API does not.
 */
export interface PublicStatistics extends PublicStatsReport {
  auditHeads: DailyAuditHead[];
  survey: SurveyFigures[];
  complaints: ComplaintMonthFigures[];
}

export interface PublicStatisticsParts {
  fileQueries: Pick<FileQueryService, 'statsReport'>;
  auditTrail: Pick<AuditTrailService, 'dailyHeads'>;
  survey: Pick<SurveyService, 'publicFigures'>;
  complaints: Pick<ComplaintService, 'publicFigures'>;
}

export function createPublicStatisticsService(parts: PublicStatisticsParts) {
  return {
    /** The published figures up to `now`'s month (Asia/Jakarta): aggregates only, no person in them. */
    async report(now: Date = new Date()): Promise<PublicStatistics> {
      const [report, auditHeads, survey, complaints] = await Promise.all([
        parts.fileQueries.statsReport(now),
        parts.auditTrail.dailyHeads(),
        parts.survey.publicFigures(),
        parts.complaints.publicFigures(),
      ]);
      return { ...report, auditHeads, survey, complaints };
    },
  };
}

export type PublicStatisticsService = ReturnType<typeof createPublicStatisticsService>;
