// The nine elements (unsur) of the community satisfaction survey of Permenpan RB 14/2017, in the
// regulation's order, each answered with a score 1-4. Their wording is in the locale files
// (survey-element-*, survey-question-*, survey-score-*).

export const SURVEY_ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type SurveyElement = (typeof SURVEY_ELEMENTS)[number];

/**
 * What each element asks about (for readers of the code and the API document):
 * u1 requirements, u2 systems, mechanisms and procedures, u3 completion time, u4 cost/tariff,
 * u5 product specification, u6 competence of staff, u7 behaviour of staff, u8 handling of
 * complaints, suggestions and input, u9 facilities and infrastructure.
 */
export const SURVEY_ELEMENT_TOPICS: Readonly<Record<SurveyElement, string>> = {
  u1: 'requirements',
  u2: 'systems, mechanisms and procedures',
  u3: 'completion time',
  u4: 'cost/tariff',
  u5: 'product specification',
  u6: 'competence of staff',
  u7: 'behaviour of staff',
  u8: 'handling of complaints, suggestions and input',
  u9: 'facilities and infrastructure',
};

export const SURVEY_SCORES = [1, 2, 3, 4] as const;
export type SurveyScore = (typeof SURVEY_SCORES)[number];

/** One respondent's answers; an element left out was skipped (only the bot allows that). */
export type SurveyAnswers = Partial<Record<SurveyElement, SurveyScore>>;

/** The longest comment taken in, in characters. */
export const MAX_SURVEY_COMMENT_LENGTH = 2000;

export function isSurveyScore(value: unknown): value is SurveyScore {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export function missingElements(answers: SurveyAnswers): SurveyElement[] {
  return SURVEY_ELEMENTS.filter((element) => answers[element] === undefined);
}

export function answeredCount(answers: SurveyAnswers): number {
  return SURVEY_ELEMENTS.length - missingElements(answers).length;
}
