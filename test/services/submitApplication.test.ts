import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { expect, test } from 'vitest';
import { type SubmitApplicationRequest, submitApplication } from '../../src/services/submitApplication.js';
import { fileStateQuery } from '../../src/workflows/permit/permitContract.js';
import { submit, testCatalog, usePermitStack, VALID_NIK, view } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';

const env = usePermitStack('submit_application');

test("a retry after a crash before the workflow started starts it with the stored submission's clock", async () => {
  const request: SubmitApplicationRequest = {
    permitTypeCode: 'TEST-FREE',
    formData: { applicantNik: VALID_NIK, fullName: 'Siti Rahmawati', phone: '081234567890' },
    documents: [{ kind: 'ktp', sha256: 'a'.repeat(64), mimeType: 'application/pdf', sizeBytes: 1000 }],
    channel: 'api',
    idempotencyKey: randomUUID(),
  };
  const deps = {
    pool: env.stack.pool,
    catalog: testCatalog,
    calendar: env.stack.calendar,
    taskQueue: env.stack.taskQueue,
  };
  // The row is stored, then the process dies before the workflow starts.
  const crashing = {
    workflow: {
      start: async () => {
        throw new Error('process killed');
      },
    },
  } as unknown as Client;
  await expect(submitApplication({ ...deps, temporal: crashing }, request)).rejects.toThrow('process killed');
  const { rows } = await env.stack.pool.query<{
    registration_number: string;
    submitted_at: Date;
    deadline: Date;
  }>('SELECT registration_number, submitted_at, deadline FROM applications WHERE idempotency_key = $1', [
    request.idempotencyKey,
  ]);
  const stored = rows[0]!;

  // The caller retries a moment later: the same file, its clock from the stored submission.
  await new Promise((r) => setTimeout(r, 50));
  const retried = await submitApplication({ ...deps, temporal: env.stack.client }, request);
  expect(retried).toMatchObject({ registrationNumber: stored.registration_number, replayed: true });
  expect(retried.deadline).toBe(stored.deadline.toISOString());
  const view = await waitFor('the started workflow', () =>
    env.stack.client.workflow.getHandle(stored.registration_number).query(fileStateQuery),
  );
  expect(view.clock).toMatchObject({
    startedAt: stored.submitted_at.toISOString(),
    deadline: stored.deadline.toISOString(),
  });
});

test('the submission is recorded before its workflow starts, and a retry after a crash in between records it once', async () => {
  const request: SubmitApplicationRequest = {
    permitTypeCode: 'TEST-FREE',
    formData: { applicantNik: VALID_NIK, fullName: 'Siti Rahmawati', phone: '081234567890' },
    documents: [{ kind: 'ktp', sha256: 'b'.repeat(64), mimeType: 'application/pdf', sizeBytes: 1000 }],
    channel: 'api',
    idempotencyKey: randomUUID(),
  };
  const pool = env.stack.pool;
  const deps = { catalog: testCatalog, calendar: env.stack.calendar, taskQueue: env.stack.taskQueue };
  // First attempt: the row is stored, then the process dies before the submission's record.
  const dyingBeforeRecord = new Proxy(pool, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver);
      return (text: unknown, ...rest: unknown[]) => {
        if (String(text).includes('INSERT INTO audit_events'))
          return Promise.reject(new Error('process killed'));
        return (target.query as (...args: unknown[]) => unknown).call(target, text, ...rest);
      };
    },
  });
  await expect(
    submitApplication({ ...deps, pool: dyingBeforeRecord, temporal: env.stack.client }, request),
  ).rejects.toThrow('process killed');
  const recorded = async () => {
    const { rows } = await pool.query<{
      registration_number: string;
      status: string;
      last_sequence: number;
      events: string[];
      at: Date[];
      submitted_at: Date;
      notices: string[];
    }>(
      `SELECT a.registration_number, a.status, a.last_sequence, a.submitted_at,
              array(SELECT action FROM audit_events e WHERE e.workflow_id = a.registration_number ORDER BY sequence) AS events,
              array(SELECT occurred_at FROM audit_events e WHERE e.workflow_id = a.registration_number) AS at,
              array(SELECT template FROM notification_outbox o WHERE o.workflow_id = a.registration_number ORDER BY template) AS notices
       FROM applications a WHERE idempotency_key = $1`,
      [request.idempotencyKey],
    );
    return rows[0]!;
  };
  expect(await recorded()).toMatchObject({ status: 'SUBMITTED', last_sequence: 0, events: [], notices: [] });

  // Second attempt: the process dies after the record, before the workflow starts.
  const crashingStart = {
    workflow: {
      start: async () => {
        throw new Error('process killed');
      },
    },
  } as unknown as Client;
  await expect(submitApplication({ ...deps, pool, temporal: crashingStart }, request)).rejects.toThrow(
    'process killed',
  );
  const afterRecord = await recorded();
  expect(afterRecord).toMatchObject({
    status: 'IN_REVIEW',
    last_sequence: 1,
    events: ['submitted'],
    notices: ['stage_assigned', 'submitted'],
  });
  // The audit event is dated at the stored submission, not at the retry.
  expect(afterRecord.at).toEqual([afterRecord.submitted_at]);

  // Third attempt: the workflow starts from the recorded state; nothing is recorded twice.
  const done = await submitApplication({ ...deps, pool, temporal: env.stack.client }, request);
  expect(done).toMatchObject({ registrationNumber: afterRecord.registration_number, replayed: true });
  const view = await waitFor('the started workflow', () =>
    env.stack.client.workflow.getHandle(done.registrationNumber).query(fileStateQuery),
  );
  expect(view.history.map((h) => [h.sequence, h.action, h.at])).toEqual([
    [1, 'submitted', afterRecord.submitted_at.toISOString()],
  ]);
  expect(await recorded()).toMatchObject({ last_sequence: 1, events: ['submitted'] });
});

test("a file's workflow history holds none of the applicant's personal data", async () => {
  const { handle } = await submit(env.stack, 'TEST-FREE');
  await waitFor('the first workflow task', async () => (await view(handle)).history.length === 1);
  const history = JSON.stringify(await handle.fetchHistory());
  // Payloads are base64 JSON: decode them before looking.
  const payloads = [...history.matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)]
    .map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'))
    .join('\n');
  expect(payloads).toContain('TEST-FREE');
  for (const personal of [VALID_NIK, VALID_NIK.slice(0, 4), 'Siti Rahmawati', '081234567890']) {
    expect(payloads).not.toContain(personal);
  }
});
