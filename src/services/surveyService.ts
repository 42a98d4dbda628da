import type { Pool } from '../db/pool.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { type FileStatus, isFinalStatus } from '../domain/stages/fileState.js';
import { publishedSatisfaction, type WithheldReason } from '../domain/survey/publicationFloor.js';
import type { GradeLetter } from '../domain/survey/satisfactionIndex.js';
import {
  answeredCount,
  MAX_SURVEY_COMMENT_LENGTH,
  missingElements,
  type SurveyAnswers,
  type SurveyElement,
} from '../domain/survey/surveyElements.js';
import {
  findSurveyStanding,
  recordSurveyResponse,
  type SurveyComment,
  surveyComments,
  surveyTotalsByTypeAndQuarter,
} from '../repositories/surveyRepository.js';
import type { Caller, CallerAccess } from './callerAccess.js';
import { applicationNotFound, ServiceError, unknownPermitType } from './serviceError.js';

// The satisfaction survey (SKM) of a closed file: answered once by its applicant, published only
// as figures per permit type and quarter, its comments read by the managers of the permit type's
// department. Answers go to PostgreSQL alone: never to Temporal, never to a log line.

export interface SurveyServiceDependencies {
  pool: Pool;
  catalog: PermitCatalog;
  access: CallerAccess;
}

/** Where a file's survey stands for its applicant. */
export type SurveyStandingName = 'open' | 'answered' | 'file_open';

export interface SurveySubmission {
  answers: SurveyAnswers;
  comment?: string | undefined;
}

/**
 * The figures of one permit type in one quarter: no respondent can be told apart in them. Below
 * the catalog's `survey.minimumRespondents` only the number of respondents is published.
 */
export interface SurveyFigures {
  permitTypeCode: string;
  quarter: string;
  respondents: number;
  /** The floor in force: fewer respondents, or fewer answers to an element, publish no mean. */
  minimumRespondents: number;
  /** Why the figures are null; null when they are published. */
  withheld: WithheldReason | null;
  elements: Record<SurveyElement, { nrr: number | null; answers: number }> | null;
  ikm: number | null;
  grade: GradeLetter | null;
  gradeLabel: string | null;
}

export type { SurveyComment };

const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

const fileStillOpen = () =>
  new ServiceError(
    'REFUSED',
    {
      id: 'Survei kepuasan dapat diisi setelah berkas selesai (terbit, ditolak, dicabut atau kedaluwarsa).',
      en: 'The satisfaction survey opens once the file is closed (issued, rejected, withdrawn or expired).',
    },
    { reason: 'FILE_STILL_OPEN' },
  );

const alreadyAnswered = () =>
  new ServiceError(
    'REFUSED',
    {
      id: 'Survei kepuasan untuk berkas ini sudah diisi. Terima kasih atas penilaian Anda.',
      en: 'The satisfaction survey for this file has been answered already. Thank you for your rating.',
    },
    { reason: 'SURVEY_ANSWERED' },
  );

const incomplete = (missing: SurveyElement[]) =>
  new ServiceError(
    'INCOMPLETE_SURVEY',
    {
      id: `Setiap unsur survei wajib dinilai 1-4; belum dinilai: ${missing.join(', ')}.`,
      en: `Every survey element needs a score 1-4; missing: ${missing.join(', ')}.`,
    },
    { missing },
  );

const nothingAnswered = () =>
  new ServiceError(
    'INCOMPLETE_SURVEY',
    {
      id: 'Semua pertanyaan dilewati: nilai paling sedikit satu unsur untuk mengirim survei.',
      en: 'Every question was skipped: score at least one element to send the survey.',
    },
    { missing: [] },
  );

const commentTooLong = () =>
  new ServiceError(
    'REFUSED',
    {
      id: `Komentar paling panjang ${MAX_SURVEY_COMMENT_LENGTH} karakter. Persingkat komentar Anda.`,
      en: `A comment may be at most ${MAX_SURVEY_COMMENT_LENGTH} characters. Shorten it.`,
    },
    { reason: 'COMMENT_TOO_LONG' },
  );

export function createSurveyService(deps: SurveyServiceDependencies) {
  async function standingOf(caller: Caller, registrationNumber: string) {
    await deps.access.requireApplicant(caller, registrationNumber);
    const standing = await findSurveyStanding(deps.pool, registrationNumber);
    if (!standing) throw applicationNotFound();
    return standing;
  }

  return {
    /** For the applicant only (Telegram account or access code); anyone else: not found. */
    async standing(caller: Caller, registrationNumber: string): Promise<SurveyStandingName> {
      const standing = await standingOf(caller, registrationNumber);
      if (!isFinalStatus(standing.status as FileStatus)) return 'file_open';
      return standing.answered ? 'answered' : 'open';
    },

    /**
     * The applicant's one answer for a closed file. By API every element is required; in
     * Telegram an element may be skipped, but not all of them.
     */
    async submit(
      caller: Caller,
      registrationNumber: string,
      submission: SurveySubmission,
      channel: 'telegram' | 'api',
    ): Promise<{ answered: number }> {
      const standing = await standingOf(caller, registrationNumber);
      if (!isFinalStatus(standing.status as FileStatus)) throw fileStillOpen();
      if (standing.answered) throw alreadyAnswered();
      const missing = missingElements(submission.answers);
      if (channel === 'api' && missing.length > 0) throw incomplete(missing);
      if (answeredCount(submission.answers) === 0) throw nothingAnswered();
      const comment = submission.comment?.trim() || null;
      if (comment && [...comment].length > MAX_SURVEY_COMMENT_LENGTH) throw commentTooLong();
      const permitType = findPermitType(deps.catalog, standing.permitTypeCode);
      if (!permitType) throw unknownPermitType(standing.permitTypeCode);
      const recorded = await recordSurveyResponse(deps.pool, registrationNumber, {
        permitTypeCode: permitType.code,
        department: permitType.department,
        channel,
        answers: submission.answers,
        comment,
      });
      // Two answers at once: the participation mark let one through.
      if (!recorded) throw alreadyAnswered();
      return { answered: answeredCount(submission.answers) };
    },

    /**
     * IKM, grade and element means per permit type and quarter, with the number of respondents;
     * a group under the anonymity floor shows its number of respondents only.
     */
    async publicFigures(): Promise<SurveyFigures[]> {
      const groups = await surveyTotalsByTypeAndQuarter(deps.pool);
      const { minimumRespondents } = deps.catalog.survey;
      return groups.map((group) => {
        const published = publishedSatisfaction(group.totals, group.respondents, minimumRespondents);
        const index = published.index;
        return {
          permitTypeCode: group.permitTypeCode,
          quarter: group.quarter,
          respondents: group.respondents,
          minimumRespondents,
          withheld: published.withheld,
          elements: index?.elements ?? null,
          ikm: index?.ikm ?? null,
          grade: index?.grade?.letter ?? null,
          gradeLabel: index?.grade?.label ?? null,
        };
      });
    },

    /** A quarter's comments on the permit types of the manager's departments; managers only. */
    async comments(caller: Caller, quarter: string): Promise<SurveyComment[]> {
      const manager = await deps.access.requireManager(caller);
      if (!QUARTER_PATTERN.test(quarter)) {
        throw new ServiceError('NOT_FOUND', {
          id: 'Triwulan ditulis sebagai TAHUN-Qn, misalnya 2026-Q2.',
          en: 'A quarter is written YEAR-Qn, e.g. 2026-Q2.',
        });
      }
      return surveyComments(deps.pool, manager.departments, quarter);
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
