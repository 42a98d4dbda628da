import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { APPLICANT_CHAT, officers, submit, VALID_NIK } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { type ApiTestStack, NO_LIMITS, startApiTestStack } from './support/apiStack.js';
import { call, submitViaApi, uploadKtp, validSubmission } from './support/httpClient.js';

// The front desk's reissue of a lost access code: the applicant is told on every channel the
// file has, what is later done with the new code is marked with the reissuing officer, and a
// wrong NIK is a failed authentication, recorded.

let api: ApiTestStack;

beforeAll(async () => {
  api = await startApiTestStack('api_reissue');
});
afterAll(async () => {
  await api?.stop();
});

const reissue = (url: string, registrationNumber: string, applicantNik = VALID_NIK) =>
  call<{ accessCode: string; type?: string }>(
    url,
    'POST',
    `/api/v1/applications/${registrationNumber}/access-code`,
    { bearer: api.keys.verifikator, body: { applicantNik } },
  );

const reissueNotices = async (registrationNumber: string) =>
  (
    await api.stack.pool.query(
      `SELECT recipient, delivered_at IS NOT NULL AS settled, undeliverable_reason FROM notification_outbox
       WHERE workflow_id = $1 AND template = 'access_code_reissued' ORDER BY recipient->>'channel'`,
      [registrationNumber],
    )
  ).rows;

test('the applicant is told on every channel the file has: Telegram is sent, a channel without a sender is recorded undeliverable', async () => {
  // Applied on Telegram, with a phone number in the form.
  const { registrationNumber } = await submit(api.stack, 'TEST-FREE');
  expect((await reissue(api.url, registrationNumber)).status).toBe(200);
  await waitFor('the Telegram notice', () =>
    api.channel.to(APPLICANT_CHAT, registrationNumber).some((n) => n.template === 'access_code_reissued'),
  );
  await waitFor('both notices settled', async () =>
    (await reissueNotices(registrationNumber)).every((n) => n.settled),
  );
  expect(await reissueNotices(registrationNumber)).toEqual([
    { recipient: { channel: 'phone' }, settled: true, undeliverable_reason: expect.stringMatching(/phone/) },
    { recipient: { channel: 'telegram' }, settled: true, undeliverable_reason: null },
  ]);

  // Applied through the API without any contact: the notice is recorded as undeliverable.
  const bare = validSubmission('TEST-FREE', await uploadKtp(api.url), {
    formData: { applicantNik: VALID_NIK, fullName: 'Siti Rahmawati' },
  });
  const submitted = await call<{ registrationNumber: string }>(api.url, 'POST', '/api/v1/applications', {
    body: bare,
    headers: { 'idempotency-key': randomUUID() },
  });
  const rn = submitted.body.registrationNumber;
  expect((await reissue(api.url, rn)).status).toBe(200);
  await waitFor('the notice settled', async () => (await reissueNotices(rn)).every((n) => n.settled));
  expect(await reissueNotices(rn)).toEqual([
    { recipient: { channel: 'none' }, settled: true, undeliverable_reason: expect.any(String) },
  ]);
});

test("what is done with a reissued code is marked in the audit trail with the reissuing officer; the applicant's own code is not", async () => {
  const [kept, lost] = await Promise.all([
    submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url)),
    submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url)),
  ]);
  const fresh = await reissue(api.url, lost.registrationNumber);
  expect(fresh.status).toBe(200);
  for (const [file, accessCode] of [
    [kept.registrationNumber, kept.accessCode],
    [lost.registrationNumber, fresh.body.accessCode],
  ] as const) {
    const res = await call(api.url, 'POST', `/api/v1/applications/${file}/withdrawal`, {
      accessCode,
      body: { reason: 'tidak jadi' },
    });
    expect(res.status).toBe(200);
  }
  const withdrawal = async (rn: string) =>
    (
      await api.stack.pool.query(
        `SELECT actor_kind, details FROM audit_events WHERE workflow_id = $1 AND action = 'withdrawn'`,
        [rn],
      )
    ).rows;
  expect(await withdrawal(lost.registrationNumber)).toEqual([
    {
      actor_kind: 'applicant',
      details: { reason: 'tidak jadi', accessCodeReissuedBy: officers.verifikator.id },
    },
  ]);
  expect(await withdrawal(kept.registrationNumber)).toEqual([
    { actor_kind: 'applicant', details: { reason: 'tidak jadi' } },
  ]);
});

test('a wrong NIK counts as a failed authentication and is recorded, without the NIK', async () => {
  const file = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
  const tight = await api.serveWith({ rateLimits: { ...NO_LIMITS, authFailuresPer15Minutes: 2 } });
  try {
    for (let i = 0; i < 2; i++) {
      const wrong = await reissue(tight.url, file.registrationNumber, '3604015708900002');
      expect(wrong.status).toBe(422);
    }
    const limited = await reissue(tight.url, file.registrationNumber);
    expect(limited.status).toBe(429);
  } finally {
    await tight.close();
  }
  const { rows } = await api.stack.pool.query(
    `SELECT actor_kind, actor_id, action, changes, changes::text AS text FROM admin_audit
     WHERE target_kind = 'application' AND target_id = $1 ORDER BY id`,
    [file.registrationNumber],
  );
  expect(rows.map(({ text: _text, ...row }) => row)).toEqual(
    Array(2).fill({
      actor_kind: 'officer',
      actor_id: officers.verifikator.id,
      action: 'access_code_reissue_refused',
      changes: { reason: 'NIK_MISMATCH' },
    }),
  );
  expect(rows.map((r) => r.text).join()).not.toContain('3604015708900002');
});
