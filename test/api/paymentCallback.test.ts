import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FileView, fileStateQuery } from '../../src/workflows/permit/permitContract.js';
import { waitFor } from '../support/waitFor.js';
import { type ApiTestStack, PAYMENT_SECRET, startApiTestStack } from './support/apiStack.js';
import { call, signed, submitViaApi, uploadKtp } from './support/httpClient.js';

// The payment gateway's callback against the real stack. TEST-FAST-PAY waits six seconds for
// payment, then the file lapses (EXPIRED); a confirmation the file cannot take is refused with
// 409 so that the gateway refunds the payer, and the refusal is kept in admin_audit.

const PROBLEM = 'https://perizinan.serangkab.go.id/problems/';
const CALLBACK = '/api/v1/payments/callback';
const LEVY = 150000;

let api: ApiTestStack;

beforeAll(async () => {
  api = await startApiTestStack('api_payment_callback');
});
afterAll(async () => {
  await api?.stop();
});

/** A TEST-FAST-PAY file whose completeness check is approved: it now awaits payment. */
async function fileAwaitingPayment(): Promise<string> {
  const ktp = await uploadKtp(api.url, 'TEST-FAST-PAY');
  const { registrationNumber } = await submitViaApi(api.url, 'TEST-FAST-PAY', ktp);
  const approved = await call<{ status: string }>(
    api.url,
    'POST',
    `/api/v1/applications/${registrationNumber}/decisions`,
    { bearer: api.keys.verifikator, body: { decision: 'approve' } },
  );
  expect(approved.body.status).toBe('AWAITING_PAYMENT');
  // The SKRD's insert locks the file's row too: once it is stored, only the lapse can wait on it.
  await waitFor(
    'the SKRD to be issued',
    async () =>
      (
        await api.stack.pool.query('SELECT 1 FROM levy_assessments WHERE registration_number = $1', [
          registrationNumber,
        ])
      ).rowCount === 1,
    15_000,
  );
  return registrationNumber;
}

function confirm(registrationNumber: string, reference: string) {
  return call<{ outcome?: string; type?: string; reason?: string; detail?: string }>(
    api.url,
    'POST',
    CALLBACK,
    signed(PAYMENT_SECRET, { registrationNumber, reference, amount: LEVY, paidAt: new Date().toISOString() }),
  );
}

async function readModel(registrationNumber: string) {
  const { rows } = await api.stack.pool.query<{ status: string; stage_key: string | null }>(
    'SELECT status, stage_key FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  return rows[0];
}

async function auditedPayments(registrationNumber: string): Promise<string[]> {
  const { rows } = await api.stack.pool.query<{ reference: string }>(
    `SELECT details->>'reference' AS reference FROM audit_events
     WHERE workflow_id = $1 AND action = 'paid' ORDER BY sequence`,
    [registrationNumber],
  );
  return rows.map((r) => r.reference);
}

async function refusedPayments(registrationNumber: string) {
  const { rows } = await api.stack.pool.query<{
    actor_kind: string;
    changes: { reference: string; amount: number; reason: string };
  }>(
    `SELECT actor_kind, changes FROM admin_audit
     WHERE action = 'payment_refused' AND target_kind = 'application' AND target_id = $1 ORDER BY id`,
    [registrationNumber],
  );
  return rows.map((r) => ({ actorKind: r.actor_kind, ...r.changes }));
}

test('a confirmation that arrives as the file lapses is refused with 409, and the lapsed file stays as it was', async () => {
  const rn = await fileAwaitingPayment();

  // Hold the file's read-model row, so that when the payment deadline passes the workflow lapses
  // the file while the row still says AWAITING_PAYMENT: the window in which the read model is
  // behind the workflow, made wide enough to send the confirmation into it.
  const holder = await api.stack.pool.connect();
  try {
    await holder.query('BEGIN');
    const held = await holder.query<{ status: string }>(
      'SELECT status FROM applications WHERE registration_number = $1 FOR UPDATE',
      [rn],
    );
    expect(held.rows[0]?.status).toBe('AWAITING_PAYMENT');
    const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await waitFor(
      'the lapse to be recorded (and wait on the held row)',
      async () => {
        const { rows } = await api.stack.pool.query<{ waiting: number }>(
          'SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
          [holderPid],
        );
        return rows[0]!.waiting > 0;
      },
      20_000,
    );
    expect((await readModel(rn))?.status).toBe('AWAITING_PAYMENT');

    const answer = confirm(rn, 'BJB-LAPSED-1');
    // The confirmation is read against the stale row before the row is let go.
    await Promise.race([answer, new Promise((r) => setTimeout(r, 2000))]);
    await holder.query('COMMIT');
    const refused = await answer;
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: `${PROBLEM}payment-not-expected`, reason: 'CLOSED_FILE' });
  } finally {
    await holder.query('ROLLBACK').catch(() => {});
    holder.release();
  }

  const lapsed: FileView = await api.stack.client.workflow.getHandle(rn).result();
  expect(lapsed.status).toBe('EXPIRED');
  expect(lapsed.history.map((h) => h.action)).toEqual(['submitted', 'payment_requested', 'expired']);
  expect(await readModel(rn)).toMatchObject({ status: 'EXPIRED' });
  expect(await auditedPayments(rn)).toEqual([]);

  // Once the file is closed the gateway's retry is refused the same way.
  const retried = await confirm(rn, 'BJB-LAPSED-1');
  expect(retried.status).toBe(409);
  expect(retried.body.type).toBe(`${PROBLEM}payment-not-expected`);
  expect(await refusedPayments(rn)).toMatchObject([
    { actorKind: 'payment_gateway', reference: 'BJB-LAPSED-1', amount: LEVY, reason: 'CLOSED_FILE' },
    { actorKind: 'payment_gateway', reference: 'BJB-LAPSED-1', amount: LEVY, reason: 'CLOSED_FILE' },
  ]);
});

test('a confirmation in time moves the file on, its retry answers duplicate, and a second payment is refused', async () => {
  const rn = await fileAwaitingPayment();

  const paid = await confirm(rn, 'BJB-ONTIME-1');
  expect(paid.status).toBe(200);
  expect(paid.body.outcome).toBe('accepted');
  // Answered once the payment is recorded: the read model already shows the next stage.
  expect(await readModel(rn)).toMatchObject({ status: 'IN_REVIEW', stage_key: 'decision' });

  const retried = await confirm(rn, 'BJB-ONTIME-1');
  expect(retried.status).toBe(200);
  expect(retried.body.outcome).toBe('duplicate');

  const second = await confirm(rn, 'BJB-ONTIME-2');
  expect(second.status).toBe(409);
  expect(second.body).toMatchObject({ type: `${PROBLEM}payment-not-expected`, reason: 'WRONG_STAGE' });
  expect(second.body.detail).toMatch(/dikembalikan/);

  expect(await auditedPayments(rn)).toEqual(['BJB-ONTIME-1']);
  const view = await api.stack.client.workflow.getHandle(rn).query(fileStateQuery);
  expect(view.history.filter((h) => h.action === 'paid')).toHaveLength(1);
  expect(await refusedPayments(rn)).toMatchObject([
    { actorKind: 'payment_gateway', reference: 'BJB-ONTIME-2', amount: LEVY, reason: 'WRONG_STAGE' },
  ]);
});
