import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TransitionRecord } from '../../src/activities/permit/permitActivityContract.js';
import { insertApplicationWithNumber } from '../../src/db/sequenceNumbers.js';
import { recordTransition } from '../../src/repositories/auditRepository.js';
import { startTestStack, type TestStack } from '../support/testStack.js';

let stack: TestStack;
let rn: string;
beforeAll(async () => {
  stack = await startTestStack('record_transition');
  rn = await insertApplicationWithNumber(stack.pool, 'TEST-FREE', 2026, {
    status: 'SUBMITTED',
    channel: 'api',
    access_code_hash: 'scrypt$1024$8$1$c2FsdA$a2V5',
    idempotency_key: 'record-transition',
  });
});
afterAll(async () => {
  await stack?.stop();
});

function transition(sequence: number, action: string, toStatus: 'IN_REVIEW' | 'REJECTED'): TransitionRecord {
  return {
    workflowId: rn,
    sequence,
    occurredAt: `2026-11-2${sequence}T03:00:00.000Z`,
    actor: { kind: 'officer', id: 'officer-1', role: 'verifikator' },
    action,
    fromStatus: sequence === 1 ? null : 'IN_REVIEW',
    toStatus,
    stageKey: 'completeness',
    details: { step: sequence },
    readModel: {
      status: toStatus,
      stageKey: 'completeness',
      stageIndex: 0,
      assignedRole: 'verifikator',
      assignedDepartment: 'DPMPTSP',
      deadline: '2026-11-30T09:00:00.000Z',
      deadlineClock: 'workingTime',
      deadlineUncovered: false,
      paused: false,
      pausedWorkingMs: 0,
      pauseCount: 0,
      clockStartedAt: null,
      decidedAt: null,
      decidedWithinSla: null,
      permitNumber: null,
    },
    notifications: ['applicant', 'role', 'managers'].map((audience) => ({
      eventKey: `${rn}:${sequence}:${audience}`,
      audience: audience as 'applicant' | 'role' | 'managers',
      recipient: audience === 'applicant' ? {} : { role: 'verifikator', department: 'DPMPTSP' },
      template: action,
      params: { registrationNumber: rn },
    })),
  };
}

async function snapshot() {
  const events = await stack.pool.query(
    'SELECT sequence, action, details FROM audit_events WHERE workflow_id = $1 ORDER BY sequence',
    [rn],
  );
  const row = await stack.pool.query(
    'SELECT status, last_sequence, deadline_clock FROM applications WHERE registration_number = $1',
    [rn],
  );
  const outbox = await stack.pool.query(
    'SELECT event_key, audience, recipient, template FROM notification_outbox WHERE workflow_id = $1 ORDER BY id',
    [rn],
  );
  return { events: events.rows, row: row.rows[0], outbox: outbox.rows };
}

test('a transition writes its audit event, the read model and its notices (in order) at once', async () => {
  expect(await recordTransition(stack.pool, transition(1, 'submitted', 'IN_REVIEW'))).toEqual({
    inserted: true,
  });
  const after = await snapshot();
  expect(after.events).toEqual([{ sequence: 1, action: 'submitted', details: { step: 1 } }]);
  expect(after.row).toEqual({ status: 'IN_REVIEW', last_sequence: 1, deadline_clock: 'workingTime' });
  expect(after.outbox.map((n) => n.event_key)).toEqual([
    `${rn}:1:applicant`,
    `${rn}:1:role`,
    `${rn}:1:managers`,
  ]);
  expect(after.outbox[1]).toMatchObject({
    audience: 'role',
    recipient: { role: 'verifikator', department: 'DPMPTSP' },
    template: 'submitted',
  });
});

test('a retried transition (same sequence) changes nothing, even with other content', async () => {
  const before = await snapshot();
  const retried = transition(1, 'submitted', 'IN_REVIEW');
  retried.readModel.status = 'REJECTED';
  retried.notifications[0]!.eventKey = `${rn}:1:other`;
  expect(await recordTransition(stack.pool, retried)).toEqual({ inserted: false });
  expect(await snapshot()).toEqual(before);
});

test('an event recorded late never rolls the read model back to an older state', async () => {
  await recordTransition(stack.pool, transition(3, 'rejected', 'REJECTED'));
  // Sequence 2 arrives after 3 (say, a retry that lost a race): it joins the audit trail only.
  expect(await recordTransition(stack.pool, transition(2, 'sla_reminder', 'IN_REVIEW'))).toEqual({
    inserted: true,
  });
  const after = await snapshot();
  expect(after.events.map((e) => e.sequence)).toEqual([1, 2, 3]);
  expect(after.row).toMatchObject({ status: 'REJECTED', last_sequence: 3 });
});
