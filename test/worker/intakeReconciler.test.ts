import { expect, test } from 'vitest';
import { submitApplication } from '../../src/services/submitApplication.js';
import { reconcileIntake } from '../../src/worker/intakeReconciler.js';
import { fileStateQuery } from '../../src/workflows/permit/permitContract.js';
import {
  clientWhoseStartsFail,
  intakeDependencies,
  poolFailingOn,
  registrationNumberOf,
  submissionRequest,
} from '../support/intakeFaults.js';
import { submit, testCatalog, usePermitStack } from '../support/permitScenario.js';

const env = usePermitStack('intake_reconciler');

const request = submissionRequest;
const deps = () => intakeDependencies(env.stack);
const unreachableTemporal = clientWhoseStartsFail('Temporal unreachable');
const registrationNumberOfKey = (key: string) => registrationNumberOf(env.stack.pool, key);

async function auditOf(rn: string) {
  const { rows } = await env.stack.pool.query<{ sequence: number; action: string }>(
    'SELECT sequence, action FROM audit_events WHERE workflow_id = $1 ORDER BY sequence',
    [rn],
  );
  return rows.map((r) => [r.sequence, r.action]);
}

test('files whose caller gave up mid-intake get their workflow and submission record after the grace period; others are left alone', async () => {
  // A: stored, then Temporal was unreachable and the caller never retried.
  const a = request();
  await expect(submitApplication({ ...deps(), temporal: unreachableTemporal }, a)).rejects.toThrow(
    'Temporal unreachable',
  );
  const rnA = await registrationNumberOfKey(a.idempotencyKey);
  // B: stored and its workflow started, then the process died before the submission was recorded.
  const b = request();
  await expect(
    submitApplication({ ...deps(), pool: poolFailingOn(env.stack.pool, 'INSERT INTO audit_events') }, b),
  ).rejects.toThrow('process killed');
  const rnB = await registrationNumberOfKey(b.idempotencyKey);
  const runB = (await env.stack.client.workflow.getHandle(rnB).describe()).runId;
  // C: a complete submission. D: a permit type the catalog no longer has.
  const { registrationNumber: rnC } = await submit(env.stack, 'TEST-FREE');
  const d = { ...request(), permitTypeCode: 'TEST-PAY' };
  await expect(submitApplication({ ...deps(), temporal: unreachableTemporal }, d)).rejects.toThrow();
  const rnD = await registrationNumberOfKey(d.idempotencyKey);
  const catalogWithoutPay = {
    ...testCatalog,
    permitTypes: testCatalog.permitTypes.filter((t) => t.code !== 'TEST-PAY'),
  };

  // Within the grace period an intake may still be under way: nothing is touched.
  expect(await reconcileIntake(deps(), { graceMs: 60_000 })).toEqual({ completed: [], failed: [] });
  expect(await auditOf(rnA)).toEqual([]);

  const errors: string[] = [];
  const pass = await reconcileIntake(
    { ...deps(), catalog: catalogWithoutPay },
    { graceMs: 0, batchSize: 2, onError: (e, rn) => errors.push(`${rn}: ${String(e)}`) },
  );
  // D fails on its own, in a batch of its own or not, and holds up nobody.
  expect(pass).toEqual({ completed: [rnA, rnB], failed: [rnD] });
  expect(errors).toEqual([
    expect.stringContaining(`${rnD}: Error: permit type TEST-PAY is not in the catalog`),
  ]);
  for (const rn of [rnA, rnB, rnC]) {
    expect(await auditOf(rn)).toEqual([[1, 'submitted']]);
    const view = await env.stack.client.workflow.getHandle(rn).query(fileStateQuery);
    expect(view).toMatchObject({ status: 'IN_REVIEW', history: [{ sequence: 1, action: 'submitted' }] });
  }
  // B kept its run; A's clock and audit time are its stored submission's, not the pass's.
  expect((await env.stack.client.workflow.getHandle(rnB).describe()).runId).toBe(runB);
  const { rows } = await env.stack.pool.query<{ submitted_at: Date; occurred_at: Date; deadline: Date }>(
    `SELECT a.submitted_at, e.occurred_at, a.deadline FROM applications a
     JOIN audit_events e ON e.workflow_id = a.registration_number WHERE a.registration_number = $1`,
    [rnA],
  );
  expect(rows[0]!.occurred_at).toEqual(rows[0]!.submitted_at);
  const clockA = (await env.stack.client.workflow.getHandle(rnA).query(fileStateQuery)).clock;
  expect(clockA).toMatchObject({
    startedAt: rows[0]!.submitted_at.toISOString(),
    deadline: rows[0]!.deadline.toISOString(),
  });

  // The next pass finds only D, until its permit type is back.
  expect(await reconcileIntake({ ...deps(), catalog: catalogWithoutPay }, { graceMs: 0 })).toEqual({
    completed: [],
    failed: [rnD],
  });
  expect(await reconcileIntake(deps(), { graceMs: 0 })).toEqual({ completed: [rnD], failed: [] });
});

test('while Temporal is down a pass ends at the first batch that fails entirely; the next pass completes the files', async () => {
  const a = request();
  await expect(submitApplication({ ...deps(), temporal: unreachableTemporal }, a)).rejects.toThrow();
  const rn = await registrationNumberOfKey(a.idempotencyKey);
  const errors: string[] = [];
  const down = await reconcileIntake(
    { ...deps(), temporal: unreachableTemporal },
    { graceMs: 0, onError: (_e, which) => errors.push(which) },
  );
  expect(down).toEqual({ completed: [], failed: [rn] });
  expect(errors).toEqual([rn]);
  expect(await reconcileIntake(deps(), { graceMs: 0 })).toEqual({ completed: [rn], failed: [] });
  expect(await auditOf(rn)).toEqual([[1, 'submitted']]);
});
