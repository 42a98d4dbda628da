import { expect } from 'vitest';
import type { ContractChecker, Expectation } from './contractChecker.js';

/** What the survey calls need of the contract test: its checker, officer keys and new files. */
export interface SurveyContractContext {
  contract: ContractChecker;
  keys: { manager: string; verifikator: string };
  /** A newly submitted file of a free permit type, open. */
  submitted(): Promise<{ registrationNumber: string; accessCode: string }>;
}

const refused = (status: number): Expectation => ({ status, invalidRequest: true });

interface PublishedSurvey {
  survey: { respondents: number; withheld: string | null; ikm: number | null }[];
}

/**
 * Every survey operation through the contract checker, and the statistics' survey figures in
 * both shapes the document allows: withheld under the anonymity floor (5 respondents in the
 * test catalog, the shipped default) and published at it.
 */
export async function exerciseSurveyOperations({ contract, keys, submitted }: SurveyContractContext) {
  const GET = contract.checked.bind(contract, 'GET');
  const POST = contract.checked.bind(contract, 'POST');
  const file = await submitted();
  const survey = `/api/v1/applications/${file.registrationNumber}/survey`;
  const code = { accessCode: file.accessCode };
  const answers = { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 2, u9: 3 };
  await GET(survey, code, { status: 200 });
  await POST(survey, { ...code, body: { answers } }, { status: 409 });
  await POST(`/api/v1/applications/${file.registrationNumber}/withdrawal`, code, { status: 200 });

  await GET(survey, { accessCode: 'WRONGCODE1' }, { status: 404 });
  await POST(survey, { body: { answers } }, refused(404));
  await POST(survey, { bearer: keys.verifikator, body: { answers } }, refused(403));
  const { u5: _, ...incomplete } = answers;
  await POST(survey, { ...code, body: { answers: incomplete } }, { status: 422 });
  await POST(survey, { ...code, body: { answers: { ...answers, u2: 0 } } }, refused(400));
  await POST(survey, { ...code, body: { answers, comment: 'Cepat dan jelas' } }, { status: 201 });
  await POST(survey, { ...code, body: { answers } }, { status: 409 });

  const stats = async () =>
    (await contract.checked<PublishedSurvey>('GET', '/api/v1/stats', {}, { status: 200 })).body.survey;
  expect(await stats()).toEqual([
    expect.objectContaining({ respondents: 1, withheld: 'too_few_respondents' }),
  ]);
  for (let more = 0; more < 4; more++) {
    const other = await submitted();
    const otherCode = { accessCode: other.accessCode };
    const at = `/api/v1/applications/${other.registrationNumber}`;
    await POST(`${at}/withdrawal`, otherCode, { status: 200 });
    await POST(`${at}/survey`, { ...otherCode, body: { answers } }, { status: 201 });
  }
  // 4, 3, 3, 4, 3, 4, 4, 2, 3 from everyone: 30 / 9 x 25 = 83.33.
  expect(await stats()).toEqual([expect.objectContaining({ respondents: 5, withheld: null, ikm: 83.33 })]);

  const comments = `/api/v1/survey/comments/${new Date().getUTCFullYear()}-Q1`;
  await GET(comments, { bearer: keys.manager }, { status: 200 });
  await GET(comments, { bearer: keys.verifikator }, { status: 403 });
  await GET(comments, {}, refused(401));
  await GET('/api/v1/survey/comments/2026-Q9', { bearer: keys.manager }, refused(404));
}
