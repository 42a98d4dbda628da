import type { Queryable } from '../db/pool.js';
import type { SurveyTotals } from '../domain/survey/satisfactionIndex.js';
import {
  isSurveyScore,
  SURVEY_ELEMENTS,
  type SurveyAnswers,
  type SurveyElement,
} from '../domain/survey/surveyElements.js';

// The satisfaction survey: whether a file answered (survey_participations) and the answers
// themselves (survey_responses), kept apart so no stored answer names the file it came from.

/** Quarters are those of the office's calendar (Asia/Jakarta), e.g. 2026-Q2. */
const QUARTER_OF_ANSWER = `to_char(answered_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-"Q"Q')`;

const ELEMENT_COLUMNS = SURVEY_ELEMENTS.join(', ');

export interface SurveyStanding {
  permitTypeCode: string;
  status: string;
  answered: boolean;
}

/** The file's permit type and status, and whether its survey was answered; null without a file. */
export async function findSurveyStanding(
  db: Queryable,
  registrationNumber: string,
): Promise<SurveyStanding | null> {
  const { rows } = await db.query<{ permit_type: string; status: string; answered: boolean }>(
    `SELECT a.permit_type, a.status,
            EXISTS (SELECT 1 FROM survey_participations p WHERE p.registration_number = a.registration_number)
              AS answered
     FROM applications a WHERE a.registration_number = $1`,
    [registrationNumber],
  );
  const row = rows[0];
  return row ? { permitTypeCode: row.permit_type, status: row.status, answered: row.answered } : null;
}

export interface SurveyResponseRecord {
  permitTypeCode: string;
  department: string;
  channel: 'telegram' | 'api';
  answers: SurveyAnswers;
  comment: string | null;
}

/**
 * Records the file's one answer in one statement: the participation mark (once per file) and,
 * only when the mark is new, the answer. False when the file had answered already.
 */
export async function recordSurveyResponse(
  db: Queryable,
  registrationNumber: string,
  response: SurveyResponseRecord,
): Promise<boolean> {
  const scores = SURVEY_ELEMENTS.map((e) => response.answers[e] ?? null);
  const scoreParams = SURVEY_ELEMENTS.map((_, i) => `$${i + 5}`).join(', ');
  const { rowCount } = await db.query(
    `WITH marked AS (
       INSERT INTO survey_participations (registration_number) VALUES ($1)
       ON CONFLICT DO NOTHING RETURNING 1)
     INSERT INTO survey_responses (permit_type, department, channel, comment, ${ELEMENT_COLUMNS})
     SELECT $2, $3, $4, $${SURVEY_ELEMENTS.length + 5}, ${scoreParams} FROM marked`,
    [
      registrationNumber,
      response.permitTypeCode,
      response.department,
      response.channel,
      ...scores,
      response.comment,
    ],
  );
  return rowCount === 1;
}

export interface SurveyGroupTotals {
  permitTypeCode: string;
  quarter: string;
  respondents: number;
  totals: SurveyTotals;
}

/** Sums and counts of each element per permit type and quarter: nothing of any one respondent. */
export async function surveyTotalsByTypeAndQuarter(db: Queryable): Promise<SurveyGroupTotals[]> {
  const sums = SURVEY_ELEMENTS.map(
    (e) => `COALESCE(sum(${e}), 0)::int AS ${e}_sum, count(${e})::int AS ${e}_n`,
  );
  const { rows } = await db.query<Record<string, string | number>>(
    `SELECT permit_type, ${QUARTER_OF_ANSWER} AS quarter, count(*)::int AS respondents, ${sums.join(', ')}
     FROM survey_responses GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return rows.map((row) => ({
    permitTypeCode: String(row.permit_type),
    quarter: String(row.quarter),
    respondents: Number(row.respondents),
    totals: Object.fromEntries(
      SURVEY_ELEMENTS.map((e) => [e, { sum: Number(row[`${e}_sum`]), answers: Number(row[`${e}_n`]) }]),
    ) as SurveyTotals,
  }));
}

export interface SurveyComment {
  permitTypeCode: string;
  /** The day it was given (Asia/Jakarta): no finer, so it is harder to tie to one closed file. */
  answeredOn: string;
  answers: Partial<Record<SurveyElement, number>>;
  comment: string;
}

/** Comments given in a quarter to the permit types of these departments, newest first. */
export async function surveyComments(
  db: Queryable,
  departments: readonly string[],
  quarter: string,
): Promise<SurveyComment[]> {
  const { rows } = await db.query<Record<string, string | number | null>>(
    `SELECT permit_type, to_char(answered_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS answered_on,
            comment, ${ELEMENT_COLUMNS}
     FROM survey_responses
     WHERE comment IS NOT NULL AND department = ANY($1) AND ${QUARTER_OF_ANSWER} = $2
     ORDER BY answered_at DESC, id DESC LIMIT 500`,
    [departments, quarter],
  );
  return rows.map((row) => ({
    permitTypeCode: String(row.permit_type),
    answeredOn: String(row.answered_on),
    answers: Object.fromEntries(SURVEY_ELEMENTS.flatMap((e) => (isSurveyScore(row[e]) ? [[e, row[e]]] : []))),
    comment: String(row.comment),
  }));
}
