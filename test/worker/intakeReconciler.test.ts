import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { expect, test } from 'vitest';
import { type SubmitApplicationRequest, submitApplication } from '../../src/services/submitApplication.js';
import { reconcileIntake } from '../../src/worker/intakeReconciler.js';
import { fileStateQuery } from '../../src/workflows/permit/permitContract.js';
import { submit, testCatalog, usePermitStack, VALID_NIK } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';

const env = usePermitStack('intake_reconciler');

const request = (): SubmitApplicationRequest => ({
  permitTypeCode: 'TEST-FREE',
  formData: { applicantNik: VALID_NIK, fullName: 'Siti Rahmawati', phone: '081234567890' },
  documents: [{ kind: 'ktp', sha256: 'c'.repeat(64), mimeType: 'application/pdf', sizeBytes: 1000 }],
  channel: 'api',
  idempotencyKey: randomUUID(),
});

const deps = () => ({
  pool: env.stack.pool,
  temporal: env.stack.client,
  catalog: testCatalog,
  calendar: env.stack.calendar,
  taskQueue: env.stack.taskQueue,
});

const unreachableTemporal = {
  workflow: {
    start: async () => {
      throw new Error('Temporal unreachable');
    },
  },
} as unknown as Client;

async function registrationNumberOf(idempotencyKey: string): Promise<string> {
  const { rows } = await env.stack.pool.query<{ registration_number: string }>(
    'SELECT registration_number FROM applications WHERE idempotency_key = $1',
    [idempotencyKey],
  );
  return rows[0]!.registration_number;
}

async function auditOf(rn: string) {
  const { rows } = await env.stack.pool.query<{ sequence: number; action: string }>(
    'SELECT sequence, action FROM audit_events WHERE workflow_id = $1 ORDER BY sequence',
    [rn],
  );
  return rows.map((r) => [r.sequence, r.action]);
}

test('files whose caller gave up before the workflow started get it, once, after the grace period', async () => {
  // A: stored and recorded, then Temporal was unreachable and the caller never retried.
  const a = request();
  await expect(submitApplication({ ...deps(), temporal: unreachableTemporal }, a)).rejects.toThrow(
    'Temporal unreachable',
  );
  const rnA = await registrationNumberOf(a.idempotencyKey);
  // B: stored, then the process died before the submission was recorded.
  const b = request();
  const dyingPool = new Proxy(env.stack.pool, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver);
      return (text: unknown, ...rest: unknown[]) =>
        String(text).includes('INSERT INTO audit_events')
          ? Promise.reject(new Error('process killed'))
          : (target.query as (...args: unknown[]) => unknown).call(target, text, ...rest);
    },
  });
  await expect(submitApplication({ ...deps(), pool: dyingPool }, b)).rejects.toThrow('process killed');
  const rnB = await registrationNumberOf(b.idempotencyKey);
  // C: a complete submission.
  const { registrationNumber: rnC } = await submit(env.stack, 'TEST-FREE');
  // Its workflow is listed by then (visibility is written a moment after the start).
  await waitFor('the complete file to be listed', async () => {
    const { count } = await env.stack.client.workflow.count(`WorkflowId = '${rnC}'`);
    return count === 1;
  });

  // Within the grace period an intake may still be under way: nothing is touched.
  expect(await reconcileIntake(deps(), { graceMs: 60_000 })).toEqual({ checked: 0, completed: [] });
  expect(await auditOf(rnB)).toEqual([]);

  const errors: unknown[] = [];
  const pass = await reconcileIntake(deps(), { graceMs: 0, onError: (e) => errors.push(e) });
  expect(errors).toEqual([]);
  expect(pass.completed).toEqual([rnA, rnB]);
  expect(pass.checked).toBeGreaterThanOrEqual(3);
  for (const rn of [rnA, rnB, rnC]) {
    expect(await auditOf(rn)).toEqual([[1, 'submitted']]);
    const view = await env.stack.client.workflow.getHandle(rn).query(fileStateQuery);
    expect(view).toMatchObject({ status: 'IN_REVIEW', history: [{ sequence: 1, action: 'submitted' }] });
  }
  // Checked files are not looked at again.
  expect(await reconcileIntake(deps(), { graceMs: 0 })).toEqual({ checked: 0, completed: [] });
});

test('a file it cannot complete now (Temporal down) is retried on the next pass, not skipped', async () => {
  const a = request();
  await expect(submitApplication({ ...deps(), temporal: unreachableTemporal }, a)).rejects.toThrow();
  const rn = await registrationNumberOf(a.idempotencyKey);
  const errors: string[] = [];
  // Listing still answers; starting fails.
  const startsFail = Object.create(env.stack.client) as Client;
  Object.defineProperty(startsFail, 'workflow', {
    value: Object.assign(Object.create(env.stack.client.workflow), {
      start: unreachableTemporal.workflow.start,
    }),
  });
  const down = await reconcileIntake(
    { ...deps(), temporal: startsFail },
    { graceMs: 0, onError: (_e, which) => errors.push(which) },
  );
  expect(down.completed).toEqual([]);
  expect(errors).toEqual([rn]);
  const up = await reconcileIntake(deps(), { graceMs: 0 });
  expect(up.completed).toEqual([rn]);
  await env.stack.client.workflow.getHandle(rn).query(fileStateQuery);
});
