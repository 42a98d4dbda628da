import { afterAll, beforeAll, expect, test } from 'vitest';
import { satisfactionIndex, totalsOf } from '../../src/domain/survey/satisfactionIndex.js';
import type { SurveyAnswers } from '../../src/domain/survey/surveyElements.js';
import { historyPayloads } from '../support/historyPayloads.js';
import type { ApiTestStack } from './support/apiStack.js';
import { call, type Submitted, submitViaApi, uploadKtp } from './support/httpClient.js';
import { type LoggedApi, startLoggedApi } from './support/loggedApi.js';

// The survey over real HTTP, against an app whose every log line (debug and up) is kept, so the
// test can show that no answer or comment reaches the logs.
let logged: LoggedApi;
let api: ApiTestStack;
let url: string;
let logLines: string[];

beforeAll(async () => {
  logged = await startLoggedApi('api_survey');
  ({ api, url, logLines } = logged);
});
afterAll(async () => {
  await logged?.stop();
});

const COMMENT = 'Loket ramah, tetapi antrean panjang di hari Senin';
const ALL_FOUR = { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 } as const;
const MIXED = { u1: 3, u2: 2, u3: 4, u4: 4, u5: 3, u6: 3, u7: 4, u8: 1, u9: 3 } as const;
const MORE: SurveyAnswers[] = [
  { u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3 },
  { u1: 4, u2: 3, u3: 4, u4: 4, u5: 3, u6: 4, u7: 4, u8: 2, u9: 4 },
  { u1: 2, u2: 3, u3: 3, u4: 4, u5: 3, u6: 3, u7: 4, u8: 2, u9: 3 },
];

/** The quarter the office's calendar is in now (Asia/Jakarta, UTC+7). */
function currentQuarter(): string {
  const jakarta = new Date(Date.now() + 7 * 60 * 60 * 1000);
  return `${jakarta.getUTCFullYear()}-Q${Math.floor(jakarta.getUTCMonth() / 3) + 1}`;
}

async function withdrawnFile(): Promise<Submitted> {
  const file = await submitViaApi(url, 'TEST-FREE', await uploadKtp(url));
  const res = await call(url, 'POST', `/api/v1/applications/${file.registrationNumber}/withdrawal`, {
    accessCode: file.accessCode,
    body: { reason: 'salah jenis izin' },
  });
  expect(res.status).toBe(200);
  return file;
}

const surveyOf = (file: Submitted) => `/api/v1/applications/${file.registrationNumber}/survey`;

test('a closed file is invited once and answered once; every refusal of a wrong answer', async () => {
  const open = await submitViaApi(url, 'TEST-FREE', await uploadKtp(url));
  const early = await call(url, 'GET', surveyOf(open), { accessCode: open.accessCode });
  expect(early.body).toEqual({ registrationNumber: open.registrationNumber, survey: 'file_open' });
  const tooEarly = await call(url, 'POST', surveyOf(open), {
    accessCode: open.accessCode,
    body: { answers: ALL_FOUR },
  });
  expect(tooEarly.status).toBe(409);
  expect(tooEarly.body).toMatchObject({ type: expect.stringMatching(/file-still-open$/) });

  const file = await withdrawnFile();
  const at = surveyOf(file);
  // The invitation is written with the closing transition, once, naming the file and nothing else.
  const invitations = await api.stack.pool.query(
    `SELECT event_key, params FROM notification_outbox WHERE workflow_id = $1 AND template = 'survey_invitation'`,
    [file.registrationNumber],
  );
  expect(invitations.rows).toEqual([
    {
      event_key: `${file.registrationNumber}:2:survey_invitation`,
      params: { registrationNumber: file.registrationNumber },
    },
  ]);
  expect((await call(url, 'GET', at, { accessCode: file.accessCode })).body).toMatchObject({
    survey: 'open',
  });

  // Without the file's access code the file does not exist; an officer key is not the applicant.
  expect((await call(url, 'POST', at, { body: { answers: ALL_FOUR } })).status).toBe(404);
  expect(
    (await call(url, 'POST', at, { accessCode: 'WRONGCODE1', body: { answers: ALL_FOUR } })).status,
  ).toBe(404);
  expect((await call(url, 'GET', at, { accessCode: 'WRONGCODE1' })).status).toBe(404);
  expect(
    (await call(url, 'POST', at, { bearer: api.keys.verifikator, body: { answers: ALL_FOUR } })).status,
  ).toBe(403);

  // Every element is required by API: the missing one is named.
  const { u9: _, ...withoutU9 } = MIXED;
  const missing = await call<{ type: string; errors: { pointer: string }[] }>(url, 'POST', at, {
    accessCode: file.accessCode,
    body: { answers: withoutU9, comment: COMMENT },
  });
  expect(missing.status).toBe(422);
  expect(missing.body.type).toMatch(/incomplete-survey$/);
  expect(missing.body.errors.map((e) => e.pointer)).toEqual(['#/answers/u9']);
  const outOfRange = await call(url, 'POST', at, {
    accessCode: file.accessCode,
    body: { answers: { ...MIXED, u3: 5 } },
  });
  expect(outOfRange.status).toBe(400);

  const answered = await call(url, 'POST', at, {
    accessCode: file.accessCode,
    body: { answers: MIXED, comment: COMMENT },
  });
  expect(answered.status).toBe(201);
  expect(answered.body).toEqual({ registrationNumber: file.registrationNumber, answered: 9 });

  const again = await call(url, 'POST', at, { accessCode: file.accessCode, body: { answers: ALL_FOUR } });
  expect(again.status).toBe(409);
  expect(again.body).toMatchObject({ type: expect.stringMatching(/survey-answered$/) });
  expect((await call(url, 'GET', at, { accessCode: file.accessCode })).body).toMatchObject({
    survey: 'answered',
  });

  // Stored with no link to the file: the participation says that it answered, not what.
  const stored = await api.stack.pool.query('SELECT * FROM survey_responses');
  expect(stored.rows).toHaveLength(1);
  expect(JSON.stringify(stored.rows)).not.toContain(file.registrationNumber);
  expect(stored.rows[0]).toMatchObject({
    ...MIXED,
    comment: COMMENT,
    permit_type: 'TEST-FREE',
    channel: 'api',
  });

  // Nothing of the answer went to the logs or to the file's workflow history.
  expect(logLines.join('')).toContain(`/api/v1/applications/${file.registrationNumber}/survey`);
  expect(logLines.join('')).not.toContain('Loket ramah');
  expect(logLines.join('')).not.toContain('"u8"');
  const payloads = await historyPayloads(api.stack.client.workflow.getHandle(file.registrationNumber));
  expect(payloads).toContain('WITHDRAWN');
  expect(payloads).not.toContain('Loket ramah');
});

async function answeredFile(answers: SurveyAnswers): Promise<void> {
  const file = await withdrawnFile();
  const res = await call(url, 'POST', surveyOf(file), { accessCode: file.accessCode, body: { answers } });
  expect(res.status).toBe(201);
}

test('published figures per permit type and quarter, withheld under 5 respondents; comments only for the managers', async () => {
  // Two answers for one file at the same moment: one is recorded, the other is refused.
  const second = await withdrawnFile();
  const answers = await Promise.all(
    [1, 2].map(() =>
      call(url, 'POST', surveyOf(second), { accessCode: second.accessCode, body: { answers: ALL_FOUR } }),
    ),
  );
  expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);

  // Two respondents (MIXED from the first test, ALL_FOUR): their means would be their answers.
  const quarter = currentQuarter();
  const published = async () => {
    const stats = await call<{ survey: Record<string, unknown>[]; permitTypes: unknown[] }>(
      url,
      'GET',
      '/api/v1/stats',
    );
    expect(stats.status).toBe(200);
    expect(stats.text).not.toContain('Loket ramah');
    expect(stats.text).not.toContain(second.registrationNumber);
    return stats.body.survey;
  };
  expect(await published()).toEqual([
    {
      permitTypeCode: 'TEST-FREE',
      quarter,
      respondents: 2,
      minimumRespondents: 5,
      withheld: 'too_few_respondents',
      elements: null,
      ikm: null,
      grade: null,
      gradeLabel: null,
    },
  ]);

  // Three more respondents reach the floor of 5 (the test catalog keeps the shipped default).
  for (const more of MORE) await answeredFile(more);
  const expected = satisfactionIndex(totalsOf([MIXED, ALL_FOUR, ...MORE] as SurveyAnswers[]));
  // Element sums 16, 15, 18, 19, 16, 17, 19, 12, 17 = 149 over 5 respondents: the means add up
  // to 29.8; 29.8 / 9 x 25 = 82.777... -> 82.78, a B.
  expect(expected.elements.u8).toEqual({ nrr: 2.4, answers: 5 });
  expect(expected.ikm).toBe(82.78);
  expect(await published()).toEqual([
    {
      permitTypeCode: 'TEST-FREE',
      quarter,
      respondents: 5,
      minimumRespondents: 5,
      withheld: null,
      elements: expected.elements,
      ikm: 82.78,
      grade: 'B',
      gradeLabel: 'Baik',
    },
  ]);

  const comments = `/api/v1/survey/comments/${quarter}`;
  const read = await call<{ comments: Record<string, unknown>[] }>(url, 'GET', comments, {
    bearer: api.keys.manager,
  });
  expect(read.status).toBe(200);
  expect(read.body.comments).toEqual([
    {
      permitTypeCode: 'TEST-FREE',
      answeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      answers: MIXED,
      comment: COMMENT,
    },
  ]);
  expect((await call(url, 'GET', comments, { bearer: api.keys.verifikator })).status).toBe(403);
  expect((await call(url, 'GET', comments, {})).status).toBe(401);
  expect(
    (await call(url, 'GET', '/api/v1/survey/comments/2026-Q5', { bearer: api.keys.manager })).status,
  ).toBe(404);
  // A manager of another department reads none of them.
  await api.stack.pool.query(`UPDATE officers SET departments = '{DINKES}' WHERE roles @> '{manager}'`);
  try {
    const elsewhere = await call<{ comments: unknown[] }>(url, 'GET', comments, { bearer: api.keys.manager });
    expect(elsewhere.body.comments).toEqual([]);
  } finally {
    await api.stack.pool.query(`UPDATE officers SET departments = '{DPMPTSP}' WHERE roles @> '{manager}'`);
  }
  expect(logLines.join('')).not.toContain('Loket ramah');
});
