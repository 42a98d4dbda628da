// What the statistics page's tests put behind the survey and complaint figures, over the API:
// closed files answering the survey with known answers, and complaints, one of them answered.

import { expect } from 'vitest';
import type { SurveyAnswers } from '../../src/domain/survey/surveyElements.js';
import { call, submitViaApi, uploadKtp } from '../api/support/httpClient.js';

/** One withdrawn file of `permitTypeCode` per answer, each answering the survey by API. */
export async function answerSurveys(
  url: string,
  permitTypeCode: string,
  answers: readonly SurveyAnswers[],
): Promise<void> {
  for (const answer of answers) {
    const closed = await submitViaApi(url, permitTypeCode, await uploadKtp(url, permitTypeCode));
    const at = `/api/v1/applications/${closed.registrationNumber}`;
    const withdrawn = await call(url, 'POST', `${at}/withdrawal`, {
      accessCode: closed.accessCode,
      body: { reason: 'salah jenis izin' },
    });
    expect(withdrawn.status).toBe(200);
    const answered = await call(url, 'POST', `${at}/survey`, {
      accessCode: closed.accessCode,
      body: { answers: answer, comment: SURVEY_COMMENT },
    });
    expect(answered.status).toBe(201);
  }
}

export const SURVEY_COMMENT = 'Antrean panjang';
export const PUNGLI_TEXT = 'Diminta uang rokok di loket';

/** An anonymous pungli report the manager answers, and a delay complaint left open. */
export async function fileComplaints(url: string, managerKey: string): Promise<void> {
  const pungli = await call<{ ticket: string }>(url, 'POST', '/api/v1/complaints', {
    body: { category: 'pungli', text: PUNGLI_TEXT },
  });
  expect(pungli.status).toBe(201);
  const answer = await call(url, 'POST', `/api/v1/complaints/${pungli.body.ticket}/response`, {
    bearer: managerKey,
    body: { note: 'Petugas sudah diperiksa' },
  });
  expect(answer.status).toBe(200);
  const delay = await call(url, 'POST', '/api/v1/complaints', {
    body: { category: 'delay', text: 'Berkas lama sekali' },
  });
  expect(delay.status).toBe(201);
}
