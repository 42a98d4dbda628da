import { expect, test } from 'vitest';
import { confirmPaymentUpdate } from '../../src/workflows/permit/permitContract.js';
import { APPLICANT_CHAT, decide, officers, submit, usePermitStack, view } from '../support/permitScenario.js';
import { RecordingChannel } from '../support/recordingChannel.js';
import { waitFor } from '../support/waitFor.js';

const channel = new RecordingChannel();
const env = usePermitStack('happy', channel);

test('a four-stage permit with payment runs from submission to an issued permit', async () => {
  const { registrationNumber, handle } = await submit(env.stack, 'TEST-PAY');
  expect(registrationNumber).toMatch(/^TEST-PAY-\d{4}-000001$/);

  await waitFor('the file to reach the verifier', async () => (await view(handle)).history.length === 1);
  let state = await decide(handle, 'verifikator', { decision: 'approve' });
  expect(state).toMatchObject({ status: 'IN_REVIEW', stageKey: 'review' });
  expect(state.statutoryClockStartedAt).not.toBeNull();

  state = await decide(handle, 'teknis', { decision: 'approve', note: 'memenuhi syarat teknis' });
  expect(state).toMatchObject({ status: 'AWAITING_PAYMENT', stageKey: 'payment' });
  expect(state.applicantDeadline).not.toBeNull();

  const paid = await handle.executeUpdate(confirmPaymentUpdate, {
    args: [{ reference: 'PAY-1', amount: 150000, paidAt: new Date().toISOString() }],
  });
  expect(paid).toMatchObject({ outcome: 'accepted', file: { status: 'IN_REVIEW', stageKey: 'decision' } });

  state = await decide(handle, 'kepala', { decision: 'approve' });
  expect(state.status).toBe('ISSUED');
  expect(state.permitNumber).toMatch(/^SK\/TEST-PAY\/\d{4}\/000001$/);
  const final = await handle.result();
  expect(final.status).toBe('ISSUED');

  const { rows: audit } = await env.stack.pool.query(
    'SELECT action, actor_kind, actor_role, stage_key FROM audit_events WHERE workflow_id = $1 ORDER BY sequence',
    [registrationNumber],
  );
  // Each event names the stage acted on and the role the actor acted in.
  expect(audit).toEqual([
    { action: 'submitted', actor_kind: 'applicant', actor_role: 'applicant', stage_key: 'completeness' },
    { action: 'stage_approved', actor_kind: 'officer', actor_role: 'verifikator', stage_key: 'completeness' },
    { action: 'payment_requested', actor_kind: 'officer', actor_role: 'tim_teknis', stage_key: 'review' },
    { action: 'paid', actor_kind: 'payment_gateway', actor_role: null, stage_key: 'payment' },
    { action: 'issued', actor_kind: 'officer', actor_role: 'kepala', stage_key: 'decision' },
  ]);
  const { rows } = await env.stack.pool.query(
    'SELECT status, permit_number, decided_within_sla, assigned_role, deadline, last_sequence FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  expect(rows[0]).toMatchObject({
    status: 'ISSUED',
    permit_number: final.permitNumber,
    decided_within_sla: true,
    assigned_role: null,
    deadline: null,
    last_sequence: 5,
  });

  // The applicant heard of every state change, and was invited to the satisfaction survey once
  // the file closed; each officer role heard when the file reached it.
  await waitFor(
    'all notices to be delivered',
    () => channel.to(APPLICANT_CHAT, registrationNumber).length === 6,
  );
  expect(channel.to(APPLICANT_CHAT, registrationNumber).map((n) => n.template)).toEqual([
    'submitted',
    'stage_approved',
    'payment_requested',
    'paid',
    'issued',
    'survey_invitation',
  ]);
  expect(channel.to(officers.verifikator.chat, registrationNumber).map((n) => n.template)).toEqual([
    'stage_assigned',
  ]);
  expect(channel.to(officers.teknis.chat, registrationNumber).map((n) => n.template)).toEqual([
    'stage_assigned',
  ]);
  expect(channel.to(officers.kepala.chat, registrationNumber).map((n) => n.template)).toEqual([
    'stage_assigned',
  ]);
  expect(channel.to(officers.teknisDinkes.chat, registrationNumber)).toEqual([]);
});
