import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { officers, VALID_NIK } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { type ApiTestStack, PAYMENT_SECRET, startApiTestStack } from './support/apiStack.js';
import {
  call,
  PDF_BYTES,
  PNG_BYTES,
  signed,
  submitViaApi,
  uploadForm,
  uploadKtp,
} from './support/httpClient.js';

let api: ApiTestStack;

beforeAll(async () => {
  api = await startApiTestStack('api_lifecycle');
});
afterAll(async () => {
  await api?.stop();
});

interface Status {
  status: string;
  stage: string | null;
  deadline: string | null;
  permitNumber: string | null;
  pauseCount: number;
  pausedWorkingMs: number;
  formData: Record<string, unknown>;
  documents: { kind: string; sha256: string; mimeType: string }[];
  history: {
    action: string;
    actorKind: string;
    actorRole: string | null;
    reason: string | null;
    at: string;
  }[];
}

const statusOf = (rn: string, accessCode: string) =>
  call<Status>(api.url, 'GET', `/api/v1/applications/${rn}`, { accessCode });

const decide = (rn: string, officer: keyof typeof officers, decision: string, note?: string) =>
  call<{ status: string; stageKey: string; permitNumber: string | null }>(
    api.url,
    'POST',
    `/api/v1/applications/${rn}/decisions`,
    { bearer: api.keys[officer], body: { decision, ...(note ? { note } : {}) } },
  );

test('a paid permit goes from submission through a revision round and payment to issuance, all over HTTP', async () => {
  // Upload first: stored under its sha256 with the type found from its bytes.
  const ktp = await uploadKtp(api.url, 'TEST-PAY');
  expect(ktp.sha256).toBe(createHash('sha256').update(PDF_BYTES).digest('hex'));
  expect(existsSync(path.join(api.dataDir, 'documents', ktp.sha256))).toBe(true);

  const submitted = await submitViaApi(api.url, 'TEST-PAY', ktp);
  const rn = submitted.registrationNumber;
  expect(rn).toMatch(/^TEST-PAY-\d{4}-000001$/);
  expect(submitted.accessCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
  expect(submitted.stage).toBe('completeness');
  // The submission is recorded before the answer (status, first stage's deadline, audit event),
  // so a lookup right after the 201 shows it without waiting for the worker.
  expect(submitted.status).toBe('IN_REVIEW');
  expect(Date.parse(submitted.deadline ?? '')).toBeGreaterThan(Date.now());
  expect((await statusOf(rn, submitted.accessCode)).body).toMatchObject({
    status: 'IN_REVIEW',
    deadline: submitted.deadline,
    history: [expect.objectContaining({ action: 'submitted', actorKind: 'applicant' })],
  });

  // The applicant sees the whole NIK; an officer of a department the file has not reached
  // gets the stranger's 404.
  const mine = await statusOf(rn, submitted.accessCode);
  expect(mine.status).toBe(200);
  expect(mine.body.formData.applicantNik).toBe(VALID_NIK);
  expect(mine.body.history.map((h) => h.action)).toEqual(['submitted']);
  const foreign = await call<Status>(api.url, 'GET', `/api/v1/applications/${rn}`, {
    bearer: api.keys.teknisDinkes,
  });
  expect(foreign.status).toBe(404);

  const inbox = await call<{ items: { registrationNumber: string }[] }>(api.url, 'GET', '/api/v1/inbox', {
    bearer: api.keys.verifikator,
  });
  expect(inbox.body.items.map((i) => i.registrationNumber)).toContain(rn);

  // Revision round: the clock pauses; the applicant sends a new KTP and a corrected phone number.
  const revise = await decide(rn, 'verifikator', 'revise', 'Foto KTP buram, unggah ulang');
  expect(revise.status).toBe(200);
  expect(revise.body.status).toBe('AWAITING_REVISION');
  const newKtp = await call<{ sha256: string; mimeType: string }>(
    api.url,
    'POST',
    `/api/v1/applications/${rn}/documents`,
    {
      accessCode: submitted.accessCode,
      rawBody: uploadForm({ kind: 'ktp' }, PNG_BYTES, 'image/png'),
    },
  );
  expect(newKtp.status).toBe(201);
  expect(newKtp.body.mimeType).toBe('image/png');
  const resubmitted = await call<{ status: string }>(
    api.url,
    'POST',
    `/api/v1/applications/${rn}/resubmission`,
    {
      accessCode: submitted.accessCode,
      body: {
        changedFields: { phone: '0812-9876-5432' },
        documents: [{ kind: 'ktp', sha256: newKtp.body.sha256 }],
        note: 'KTP sudah diunggah ulang',
      },
    },
  );
  expect(resubmitted.status).toBe(200);
  expect(resubmitted.body.status).toBe('IN_REVIEW');
  const corrected = await statusOf(rn, submitted.accessCode);
  expect(corrected.body.formData.phone).toBe('+6281298765432');
  expect(corrected.body.documents.map((d) => [d.kind, d.mimeType])).toEqual([['ktp', 'image/png']]);

  expect((await decide(rn, 'verifikator', 'approve')).body.stageKey).toBe('review');
  expect((await decide(rn, 'teknis', 'approve', 'memenuhi syarat')).body.status).toBe('AWAITING_PAYMENT');
  await waitFor(
    'the read model to await payment',
    async () => (await statusOf(rn, submitted.accessCode)).body.status === 'AWAITING_PAYMENT',
  );

  // The gateway confirms; a repeat of the same confirmation is harmless.
  const payment = {
    registrationNumber: rn,
    reference: 'BJB-778899',
    amount: 150000,
    paidAt: new Date().toISOString(),
  };
  const paid = await call(api.url, 'POST', '/api/v1/payments/callback', signed(PAYMENT_SECRET, payment));
  expect(paid.status).toBe(200);
  expect(paid.body.outcome).toBe('accepted');
  await waitFor(
    'the payment to move the file on',
    async () => (await statusOf(rn, submitted.accessCode)).body.stage === 'decision',
  );
  const again = await call(api.url, 'POST', '/api/v1/payments/callback', signed(PAYMENT_SECRET, payment));
  expect(again.status).toBe(200);
  expect(again.body.outcome).toBe('duplicate');

  const issued = await decide(rn, 'kepala', 'approve');
  expect(issued.status).toBe(200);
  expect(issued.body.status).toBe('ISSUED');
  expect(issued.body.permitNumber).toMatch(/^SK\/TEST-PAY\/\d{4}\/000001$/);

  const final = await statusOf(rn, submitted.accessCode);
  expect(final.body).toMatchObject({
    status: 'ISSUED',
    permitNumber: issued.body.permitNumber,
    pauseCount: 1,
  });
  // actorRole is not compared for approvals: the workflow records the role of the stage the file
  // moved to, not the one acted on (reported to the workflow's owner).
  expect(final.body.history.map((h) => [h.action, h.actorKind])).toEqual([
    ['submitted', 'applicant'],
    ['revision_requested', 'officer'],
    ['resubmitted', 'applicant'],
    ['stage_approved', 'officer'],
    ['payment_requested', 'officer'],
    ['paid', 'payment_gateway'],
    ['issued', 'officer'],
  ]);
  expect(final.body.history[1]?.actorRole).toBe('verifikator');
  expect(final.body.history[1]?.reason).toBe('Foto KTP buram, unggah ulang');

  // Every officer action is attributed to its officer in the audit trail.
  const { rows } = await api.stack.pool.query<{ action: string; actor_id: string | null }>(
    `SELECT action, actor_id FROM audit_events WHERE workflow_id = $1 AND actor_kind = 'officer' ORDER BY sequence`,
    [rn],
  );
  expect(rows).toEqual([
    { action: 'revision_requested', actor_id: officers.verifikator.id },
    { action: 'stage_approved', actor_id: officers.verifikator.id },
    { action: 'payment_requested', actor_id: officers.teknis.id },
    { action: 'issued', actor_id: officers.kepala.id },
  ]);

  const stats = await call<{
    permitTypes: { permitTypeCode: string; countsByStatus: Record<string, number>; pauses: number }[];
    auditHeads: { day: string; position: number; hash: string }[];
  }>(api.url, 'GET', '/api/v1/stats');
  expect(stats.body.permitTypes.find((t) => t.permitTypeCode === 'TEST-PAY')).toMatchObject({
    countsByStatus: { ISSUED: 1 },
    pauses: 1,
  });
  // Today's published head (Asia/Jakarta) is the chain link of the last event recorded so far.
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const head = stats.body.auditHeads.at(-1);
  const linked = await api.stack.pool.query<{ chain_hash: string; later: number }>(
    `SELECT chain_hash, (SELECT count(*)::int FROM audit_events WHERE chain_position > $1) AS later
     FROM audit_events WHERE chain_position = $1`,
    [head?.position],
  );
  expect(head?.day).toBe(today);
  expect(linked.rows[0]).toEqual({ chain_hash: head?.hash, later: 0 });

  const metrics = await call(api.url, 'GET', '/metrics');
  expect(metrics.text).toContain('permit_transitions_recorded{action="issued"} 1');
  expect(metrics.text).toContain('permit_api_workflow_starts_total{permit_type="TEST-PAY",channel="api"} 1');
  expect(metrics.text).toContain('permit_api_decisions_total{decision="approve",outcome="accepted"} 3');
  expect(metrics.text).toContain('permit_api_payment_callbacks_total{outcome="duplicate"} 1');
  expect(metrics.text).toMatch(
    /http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/applications",status_code="201"\} 1/,
  );
});

test('the applicant withdraws; a second withdrawal finds the file closed', async () => {
  const submitted = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
  const rn = submitted.registrationNumber;
  const withdrawn = await call(api.url, 'POST', `/api/v1/applications/${rn}/withdrawal`, {
    accessCode: submitted.accessCode,
    body: { reason: 'pindah domisili' },
  });
  expect(withdrawn.status).toBe(200);
  expect(withdrawn.body.status).toBe('WITHDRAWN');
  const twice = await call(api.url, 'POST', `/api/v1/applications/${rn}/withdrawal`, {
    accessCode: submitted.accessCode,
  });
  expect(twice.status).toBe(409);
  expect(twice.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(twice.body.type).toBe('https://perizinan.serangkab.go.id/problems/closed-file');
  const status = await statusOf(rn, submitted.accessCode);
  expect(status.body.history.at(-1)).toMatchObject({ action: 'withdrawn', reason: 'pindah domisili' });
});
