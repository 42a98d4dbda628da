import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { expect, test } from 'vitest';
import { type SubmitApplicationRequest, submitApplication } from '../../src/services/submitApplication.js';
import { fileStateQuery } from '../../src/workflows/permit/permitContract.js';
import { testCatalog, usePermitStack, VALID_NIK } from '../support/permitScenario.js';
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
