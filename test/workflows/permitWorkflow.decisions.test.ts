import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, test } from 'vitest';
import {
  confirmPaymentUpdate,
  paymentConfirmedSignal,
  withdrawUpdate,
} from '../../src/workflows/permit/permitContract.js';
import {
  APPLICANT_CHAT,
  auditActions,
  decide,
  type PermitHandle,
  submit,
  usePermitStack,
  view,
} from '../support/permitScenario.js';
import { RecordingChannel } from '../support/recordingChannel.js';
import { waitFor } from '../support/waitFor.js';

const channel = new RecordingChannel();
const env = usePermitStack('decisions', channel);

/** Updates the server accepted, as recorded in the workflow's history. */
async function acceptedUpdates(handle: PermitHandle): Promise<number> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
}

async function refusalOf(work: Promise<unknown>): Promise<string | undefined> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((error as WorkflowUpdateFailedError).cause as { type?: string } | undefined)?.type;
}

test('a rejection with a reason ends the file REJECTED and tells the applicant why', async () => {
  const { registrationNumber, handle } = await submit(env.stack, 'TEST-FREE');
  await decide(handle, 'verifikator', { decision: 'approve' });
  const state = await decide(handle, 'teknisDinkes', {
    decision: 'reject',
    reason: 'STR sudah tidak berlaku',
  });
  expect(state.status).toBe('REJECTED');
  expect((await handle.result()).status).toBe('REJECTED');
  const { rows } = await env.stack.pool.query(
    `SELECT actor_kind, actor_id, actor_role, reason FROM audit_events WHERE workflow_id = $1 AND action = 'rejected'`,
    [registrationNumber],
  );
  expect(rows).toEqual([
    {
      actor_kind: 'officer',
      actor_id: expect.any(String),
      actor_role: 'tim_teknis',
      reason: 'STR sudah tidak berlaku',
    },
  ]);
  await waitFor('the rejection notice', () =>
    channel.to(APPLICANT_CHAT, registrationNumber).find((n) => n.template === 'rejected'),
  );
  expect(
    channel.to(APPLICANT_CHAT, registrationNumber).find((n) => n.template === 'rejected')?.params.reason,
  ).toBe('STR sudah tidak berlaku');
});

test('the applicant may withdraw a file that is in review', async () => {
  const { registrationNumber, handle } = await submit(env.stack, 'TEST-FREE');
  const state = await handle.executeUpdate(withdrawUpdate, { args: [{ reason: 'pindah domisili' }] });
  expect(state.status).toBe('WITHDRAWN');
  expect((await handle.result()).status).toBe('WITHDRAWN');
  expect(await auditActions(env.stack.pool, registrationNumber)).toEqual(['submitted', 'withdrawn']);
});

test('revisions stop at the stage limit with REVISION_LIMIT_REACHED', async () => {
  const { handle } = await submit(env.stack, 'TEST-ONEREV');
  await decide(handle, 'verifikator', { decision: 'revise', note: 'lampirkan KTP yang terbaca' });
  await handle.executeUpdate('resubmit', { args: [{ note: 'KTP diunggah ulang' }] });
  expect(await refusalOf(decide(handle, 'verifikator', { decision: 'revise', note: 'lagi' }))).toBe(
    'REVISION_LIMIT_REACHED',
  );
  expect((await view(handle)).revisionRounds).toEqual({ completeness: 1 });
});

describe('validator refusals leave no trace in history or audit', () => {
  test.each([
    ['a wrong role', 'kepala', { decision: 'approve' }, 'WRONG_ROLE'],
    ["an officer of another stage's role", 'teknisDinkes', { decision: 'approve' }, 'WRONG_ROLE'],
    ['a rejection without reason', 'verifikator', { decision: 'reject', reason: '  ' }, 'MISSING_REASON'],
    ['a revision without note', 'verifikator', { decision: 'revise', note: '' }, 'MISSING_NOTE'],
  ] as const)('%s is refused with its reason', async (_label, officer, decision, reason) => {
    const { registrationNumber, handle } = await submit(env.stack, 'TEST-FREE');
    await waitFor(
      'the submission to be recorded',
      async () => (await auditActions(env.stack.pool, registrationNumber)).length === 1,
    );
    expect(await refusalOf(decide(handle, officer, decision))).toBe(reason);
    // A rejected update is never written to history: no accepted (or completed) update event.
    expect(await acceptedUpdates(handle)).toBe(0);
    expect(await auditActions(env.stack.pool, registrationNumber)).toEqual(['submitted']);
  });

  test('an officer of the right role but another department is refused with WRONG_DEPARTMENT', async () => {
    const { registrationNumber, handle } = await submit(env.stack, 'TEST-FREE');
    await decide(handle, 'verifikator', { decision: 'approve' });
    // The review stage belongs to DINKES; the DPMPTSP technical reviewer may not act on it.
    expect(await refusalOf(decide(handle, 'teknis', { decision: 'approve' }))).toBe('WRONG_DEPARTMENT');
    expect(await acceptedUpdates(handle)).toBe(1);
    expect(await auditActions(env.stack.pool, registrationNumber)).toEqual(['submitted', 'stage_approved']);
  });

  test('a decision on a closed file is refused', async () => {
    const { handle } = await submit(env.stack, 'TEST-FREE');
    await decide(handle, 'verifikator', { decision: 'reject', reason: 'berkas palsu' });
    await handle.result();
    await expect(decide(handle, 'verifikator', { decision: 'approve' })).rejects.toThrow();
  });
});

test('the same update ID sent twice is applied once', async () => {
  const { registrationNumber, handle } = await submit(env.stack, 'TEST-FREE');
  const updateId = randomUUID();
  const first = await decide(handle, 'verifikator', { decision: 'approve' }, updateId);
  const second = await decide(handle, 'verifikator', { decision: 'approve' }, updateId);
  expect(second).toEqual(first);
  expect(first.stageKey).toBe('review');
  expect(await acceptedUpdates(handle)).toBe(1);
  expect(await auditActions(env.stack.pool, registrationNumber)).toEqual(['submitted', 'stage_approved']);
});

/** The decision stage issues the permit; the audit trail holds the payment once. */
async function expectIssuedAfterOnePayment(handle: PermitHandle, registrationNumber: string) {
  await decide(handle, 'kepala', { decision: 'approve' });
  expect((await handle.result()).status).toBe('ISSUED');
  expect(await auditActions(env.stack.pool, registrationNumber)).toEqual([
    'submitted',
    'stage_approved',
    'payment_requested',
    'paid',
    'issued',
  ]);
}

test('a duplicate payment confirmation by the old signal (kept for running files) is applied once', async () => {
  const { registrationNumber, handle } = await submit(env.stack, 'TEST-PAY');
  await decide(handle, 'verifikator', { decision: 'approve' });
  await decide(handle, 'teknis', { decision: 'approve' });
  const payment = { reference: 'BJB-778899', amount: 150000, paidAt: new Date().toISOString() };
  await handle.signal(paymentConfirmedSignal, payment);
  await handle.signal(paymentConfirmedSignal, payment);
  await waitFor('the payment', async () => (await view(handle)).stageKey === 'decision');
  // A later, different confirmation for an already-paid file changes nothing either.
  await handle.signal(paymentConfirmedSignal, { ...payment, reference: 'BJB-000001' });
  await expectIssuedAfterOnePayment(handle, registrationNumber);
});

test('confirmPayment: refused before payment is due, applied once, a retry answers duplicate, another reference refused', async () => {
  const { registrationNumber, handle } = await submit(env.stack, 'TEST-PAY');
  const payment = { reference: 'BJB-424242', amount: 150000, paidAt: new Date().toISOString() };
  const confirm = (reference = payment.reference) =>
    handle.executeUpdate(confirmPaymentUpdate, { args: [{ ...payment, reference }] });

  expect(await refusalOf(confirm())).toBe('WRONG_STAGE');
  expect(await acceptedUpdates(handle)).toBe(0); // the validator's refusal leaves no trace
  await decide(handle, 'verifikator', { decision: 'approve' });
  await decide(handle, 'teknis', { decision: 'approve' });

  const paid = await confirm();
  expect(paid.outcome).toBe('accepted');
  expect(paid.file).toMatchObject({ status: 'IN_REVIEW', stageKey: 'decision' });
  expect((await confirm()).outcome).toBe('duplicate');
  expect(await refusalOf(confirm('BJB-000002'))).toBe('WRONG_STAGE');

  await expectIssuedAfterOnePayment(handle, registrationNumber);
});
