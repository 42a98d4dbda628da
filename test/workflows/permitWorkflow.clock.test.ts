import { expect, test } from 'vitest';
import { resubmitUpdate } from '../../src/workflows/permit/permitContract.js';
import {
  APPLICANT_CHAT,
  auditActions,
  decide,
  officers,
  submit,
  usePermitStack,
  view,
} from '../support/permitScenario.js';
import { RecordingChannel } from '../support/recordingChannel.js';
import { waitFor } from '../support/waitFor.js';

const channel = new RecordingChannel();
const env = usePermitStack('clock', channel);

async function auditTimes(registrationNumber: string) {
  const { rows } = await env.stack.pool.query<{
    action: string;
    occurred_at: Date;
    details: { dueAt?: string };
  }>('SELECT action, occurred_at, details FROM audit_events WHERE workflow_id = $1 ORDER BY sequence', [
    registrationNumber,
  ]);
  return rows;
}

test('a revision pauses the stage clock and resubmission resumes it with the time that was left', async () => {
  const { registrationNumber, handle } = await submit(env.stack, 'TEST-FREE');
  const before = await waitFor(
    'the completeness clock',
    async () => (await view(handle)).clock?.deadline ?? undefined,
  );
  const startedAt = (await view(handle)).clock?.startedAt;

  const paused = await decide(handle, 'verifikator', { decision: 'revise', note: 'foto KTP buram' });
  expect(paused.status).toBe('AWAITING_REVISION');
  expect(paused.clock?.paused).toBe(true);
  const { rows: pausedRow } = await env.stack.pool.query(
    'SELECT paused, assigned_role, deadline FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  expect(pausedRow[0]).toMatchObject({ paused: true, assigned_role: 'applicant' });

  // Let some time pass while the file waits on the applicant.
  await new Promise((r) => setTimeout(r, 1500));
  const resumed = await handle.executeUpdate(resubmitUpdate, { args: [{ note: 'foto KTP baru' }] });
  expect(resumed.status).toBe('IN_REVIEW');
  expect(resumed.clock?.startedAt).toBe(startedAt); // not restarted
  const pausedMs = resumed.clock?.pausedMs ?? 0;
  expect(pausedMs).toBeGreaterThanOrEqual(1500);
  // Pause, never reset: the deadline moved by exactly the paused time.
  expect(Date.parse(resumed.clock?.deadline ?? '') - Date.parse(before)).toBe(pausedMs);

  const { rows } = await env.stack.pool.query(
    'SELECT paused, paused_working_ms, pause_count, deadline FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  expect(rows[0]).toMatchObject({ paused: false, paused_working_ms: String(pausedMs), pause_count: 1 });
  expect(rows[0].deadline.toISOString()).toBe(resumed.clock?.deadline);
  expect(await auditActions(env.stack.pool, registrationNumber)).toEqual([
    'submitted',
    'revision_requested',
    'resubmitted',
  ]);
  const revisionNotice = await waitFor('the revision notice', () =>
    channel.to(APPLICANT_CHAT, registrationNumber).find((n) => n.template === 'revision_requested'),
  );
  expect(revisionNotice.params.note).toBe('foto KTP buram');
});

test('reminder, manager escalation and second level each fire once, in order, near their due times', async () => {
  const { registrationNumber, handle } = await submit(env.stack, 'TEST-FAST');
  // TEST-FAST completeness: SLA 4 s, reminder at 50 %, second level 2 s after breach.
  await waitFor(
    'the second-level alert',
    async () => (await auditActions(env.stack.pool, registrationNumber)).includes('sla_second_level'),
    15_000,
  );
  const events = await auditTimes(registrationNumber);
  expect(events.map((e) => e.action)).toEqual([
    'submitted',
    'sla_reminder',
    'sla_breached',
    'sla_second_level',
  ]);
  const clock = (await view(handle)).clock!;
  const started = Date.parse(clock.startedAt);
  const expected = {
    sla_reminder: started + 2000,
    sla_breached: started + 4000,
    sla_second_level: started + 6000,
  };
  for (const event of events.slice(1)) {
    const due = expected[event.action as keyof typeof expected];
    expect(Date.parse(event.details.dueAt ?? '')).toBe(due);
    expect(event.occurred_at.getTime()).toBeGreaterThanOrEqual(due);
    expect(event.occurred_at.getTime() - due).toBeLessThan(2000);
  }
  await waitFor(
    'all escalation notices',
    () => channel.to(officers.kepalaKantor.chat, registrationNumber).length === 1,
  );
  expect(channel.to(officers.verifikator.chat, registrationNumber).map((n) => n.template)).toEqual([
    'stage_assigned',
    'sla_reminder',
  ]);
  expect(channel.to(officers.manager.chat, registrationNumber).map((n) => n.template)).toEqual([
    'sla_breach',
  ]);
  expect(channel.to(officers.kepalaKantor.chat, registrationNumber).map((n) => n.template)).toEqual([
    'sla_second_level',
  ]);
  // Nothing fires twice: the file keeps waiting on the verifier with all checkpoints spent.
  expect((await view(handle)).clock?.firedCheckpoints.sort()).toEqual(['breach', 'reminder', 'secondLevel']);
  const state = await decide(handle, 'verifikator', { decision: 'approve' });
  expect(state.breachedStages).toEqual(['completeness']);
  expect(await auditActions(env.stack.pool, registrationNumber)).toHaveLength(5);
});

test('an applicant who does not respond to a revision request lets the file expire', async () => {
  const { registrationNumber, handle } = await submit(env.stack, 'TEST-FAST');
  await decide(handle, 'verifikator', { decision: 'revise', note: 'lengkapi surat rekomendasi' });
  // TEST-FAST gives the applicant 3 s to resubmit.
  const final = await handle.result();
  expect(final.status).toBe('EXPIRED');
  expect(await auditActions(env.stack.pool, registrationNumber)).toEqual([
    'submitted',
    'revision_requested',
    'expired',
  ]);
  await waitFor('the expiry notice', () =>
    channel.to(APPLICANT_CHAT, registrationNumber).some((n) => n.template === 'expired'),
  );
});

test('a missed decision deadline deems the permit approved where the permit type allows it', async () => {
  const { registrationNumber, handle } = await submit(env.stack, 'TEST-FAST-DEEMED');
  await decide(handle, 'verifikator', { decision: 'approve' });
  // The review stage has a 3 s SLA and nobody decides.
  const final = await handle.result();
  expect(final.status).toBe('DEEMED_APPROVED');
  expect(final.permitNumber).toMatch(/^SK\/TEST-FAST-DEEMED\/\d{4}\/000001$/);
  const { rows } = await env.stack.pool.query(
    `SELECT action, reason FROM audit_events WHERE workflow_id = $1 ORDER BY sequence`,
    [registrationNumber],
  );
  expect(rows.map((r) => r.action)).toEqual([
    'submitted',
    'stage_approved',
    'sla_reminder',
    'sla_breached',
    'deemed_approved',
  ]);
  expect(rows.at(-1)?.reason).toMatch(/UU 30\/2014/);
  const { rows: app } = await env.stack.pool.query(
    'SELECT status, permit_number, decided_within_sla FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  expect(app[0]).toEqual({
    status: 'DEEMED_APPROVED',
    permit_number: final.permitNumber,
    decided_within_sla: false,
  });
});
