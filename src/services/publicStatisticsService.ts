import type { DailyAuditHead } from '../repositories/auditChainRepository.js';
import type { AuditTrailService } from './auditTrailService.js';
import type { ComplaintMonthFigures, ComplaintService } from './complaintService.js';
import type { FileQueryService } from './fileQueryService.js';
import type { PublicStatsReport } from './publicStats.js';
import { shortLivedValue } from './shortLivedValue.js';
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
  /** How long a built report is reused (single-flight); absent or 0: built on every call. */
  ttlMs?: number;
}

export function createPublicStatisticsService(parts: PublicStatisticsParts) {
  const build = async (now: Date): Promise<PublicStatistics> => {
    const [report, auditHeads, survey, complaints] = await Promise.all([
      parts.fileQueries.statsReport(now),
      parts.auditTrail.dailyHeads(),
      parts.survey.publicFigures(),
      parts.complaints.publicFigures(),
    ]);
    return { ...report, auditHeads, survey, complaints };
  };
  // The figures move only as files do and the pages may be cached for a minute anyway: one set
  // of aggregate queries per TTL keeps them off most requests' latency.
  const shared = shortLivedValue((startedAt) => build(new Date(startedAt)), { ttlMs: parts.ttlMs ?? 0 });
  return {
    /**
     * The published figures up to the month it was read in (`generatedAt`, Asia/Jakarta):
     * aggregates only, no person in them. Up to `ttlMs` old and shared between callers: read
     * it, never change it.
     */
    report(): Promise<PublicStatistics> {
      return shared();
    },
  };
}

export type PublicStatisticsService = ReturnType<typeof createPublicStatisticsService>;
