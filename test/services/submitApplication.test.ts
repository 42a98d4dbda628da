import { expect, test } from 'vitest';
import { AccessCodeVerifier } from '../../src/services/accessCodeVerifier.js';
import { submitApplication } from '../../src/services/submitApplication.js';
import { fileStateQuery, withdrawUpdate } from '../../src/workflows/permit/permitContract.js';
import {
  clientWhoseStartsFail,
  intakeDependencies,
  poolFailingOn,
  submissionRequest,
} from '../support/intakeFaults.js';
import { usePermitStack } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';

const env = usePermitStack('submit_application');

test("a retry after a crash before the workflow started starts it with the stored submission's clock", async () => {
  const request = submissionRequest();
  const deps = intakeDependencies(env.stack);
  // The row is stored, then the process dies before the workflow starts.
  await expect(
    submitApplication({ ...deps, temporal: clientWhoseStartsFail('process killed') }, request),
  ).rejects.toThrow('process killed');
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
  const retried = await submitApplication(deps, request);
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

test('the submission is recorded only once its workflow runs, and a retry after a crash in between records it once', async () => {
  const request = submissionRequest();
  const deps = intakeDependencies(env.stack);
  const pool = deps.pool;
  const recorded = async () => {
    const { rows } = await pool.query<{
      registration_number: string;
      status: string;
      last_sequence: number;
      assigned_role: string | null;
      events: string[];
      at: Date[];
      submitted_at: Date;
      notices: string[];
    }>(
      `SELECT a.registration_number, a.status, a.last_sequence, a.assigned_role, a.submitted_at,
              array(SELECT action FROM audit_events e WHERE e.workflow_id = a.registration_number ORDER BY sequence) AS events,
              array(SELECT occurred_at FROM audit_events e WHERE e.workflow_id = a.registration_number) AS at,
              array(SELECT template FROM notification_outbox o WHERE o.workflow_id = a.registration_number ORDER BY template) AS notices
       FROM applications a WHERE idempotency_key = $1`,
      [request.idempotencyKey],
    );
    return rows[0]!;
  };

  // First attempt: the row is stored, then Temporal is unreachable. Nothing is recorded, so the
  // file reaches no inbox and no notice goes out for a file nobody could act on.
  await expect(
    submitApplication({ ...deps, temporal: clientWhoseStartsFail('Temporal unreachable') }, request),
  ).rejects.toThrow('Temporal unreachable');
  expect(await recorded()).toMatchObject({
    status: 'SUBMITTED',
    last_sequence: 0,
    assigned_role: null,
    events: [],
    notices: [],
  });

  // Second attempt: the workflow starts, then the process dies before the record.
  await expect(
    submitApplication({ ...deps, pool: poolFailingOn(pool, 'INSERT INTO audit_events') }, request),
  ).rejects.toThrow('process killed');
  const { registration_number: rn, submitted_at: submittedAt } = await recorded();
  const handle = env.stack.client.workflow.getHandle(rn);
  const { runId } = await handle.describe();
  expect(await recorded()).toMatchObject({ last_sequence: 0, events: [] });

  // Third attempt: the same run, and the submission recorded once, dated at the stored submission.
  // No earlier answer showed an access code, so this one shows a fresh one, and it works.
  const done = await submitApplication(deps, request);
  expect(done).toMatchObject({ registrationNumber: rn, replayed: true, status: 'IN_REVIEW' });
  expect(done.accessCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
  expect(await new AccessCodeVerifier(pool).holds(rn, done.accessCode!)).toBe(true);
  // Once shown, never again.
  expect((await submitApplication(deps, request)).accessCode).toBeNull();
  expect(await new AccessCodeVerifier(pool).holds(rn, done.accessCode!)).toBe(true);
  expect((await handle.describe()).runId).toBe(runId);
  const afterRetry = await recorded();
  expect(afterRetry).toMatchObject({
    status: 'IN_REVIEW',
    last_sequence: 1,
    events: ['submitted'],
    notices: ['stage_assigned', 'submitted'],
  });
  expect(afterRetry.at).toEqual([submittedAt]);
  expect((await handle.query(fileStateQuery)).history.map((h) => [h.sequence, h.action, h.at])).toEqual([
    [1, 'submitted', submittedAt.toISOString()],
  ]);
});

test("a late retry of a closed file's submission answers its state and does not open it again", async () => {
  const request = submissionRequest();
  const deps = intakeDependencies(env.stack);
  const first = await submitApplication(deps, request);
  const handle = env.stack.client.workflow.getHandle(first.registrationNumber);
  await handle.executeUpdate(withdrawUpdate, { args: [{ reason: 'batal' }] });
  await handle.result();
  const { runId } = await handle.describe();

  const late = await submitApplication(deps, request);
  expect(late).toMatchObject({
    registrationNumber: first.registrationNumber,
    replayed: true,
    status: 'WITHDRAWN',
  });
  const latest = await env.stack.client.workflow.getHandle(first.registrationNumber).describe();
  expect([latest.runId, latest.status.name]).toEqual([runId, 'COMPLETED']);
  const { rows } = await env.stack.pool.query<{ action: string }>(
    'SELECT action FROM audit_events WHERE workflow_id = $1 ORDER BY sequence',
    [first.registrationNumber],
  );
  expect(rows.map((r) => r.action)).toEqual(['submitted', 'withdrawn']);
});
