import { afterAll, beforeAll, expect, test } from 'vitest';
import { deliverOutboxNotifications, type FailedNotice } from '../../src/notifications/outboxDelivery.js';
import { startOutboxDispatcher } from '../../src/worker/outboxDispatcher.js';
import { officers, seedOfficers } from '../support/permitScenario.js';
import { RecordingChannel } from '../support/recordingChannel.js';
import { startTestStack, type TestStack } from '../support/testStack.js';
import { waitFor } from '../support/waitFor.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('outbox');
  await seedOfficers(stack.pool);
});
afterAll(async () => {
  await stack?.stop();
});

async function queueNotice(eventKey: string, ageMinutes: number) {
  await stack.pool.query(
    `INSERT INTO notification_outbox (event_key, workflow_id, audience, recipient, template, params, created_at)
     VALUES ($1, 'TEST-FREE-2026-000001', 'role', $2, 'stage_assigned', '{}', now() - make_interval(mins => $3))`,
    [eventKey, JSON.stringify({ role: 'verifikator', department: 'DPMPTSP' }), ageMinutes],
  );
}

async function outboxRow(eventKey: string) {
  const { rows } = await stack.pool.query(
    `SELECT attempts, last_error, delivered_at, next_attempt_at > now() AS waiting
     FROM notification_outbox WHERE event_key = $1`,
    [eventKey],
  );
  return rows[0];
}

test('a woken dispatcher sends what is due at once, each notice once', async () => {
  const channel = new RecordingChannel();
  // A poll far away: a prompt delivery comes from the round wake() asks for (or from the first
  // round, if it is still running when the notices are written: it then runs once more).
  const dispatcher = startOutboxDispatcher({ pool: stack.pool, channel, pollMs: 3_600_000 });
  try {
    await queueNotice('wake:1', 0);
    await queueNotice('wake:2', 0);
    dispatcher.wake();
    await waitFor('both notices sent', () => channel.sent.length === 2, 5_000);
    expect(await dispatcher.runOnce()).toBe(0);
  } finally {
    await dispatcher.stop();
  }
  expect(channel.sent.map((n) => [n.eventKey, n.chatId])).toEqual([
    ['wake:1', officers.verifikator.chat],
    ['wake:2', officers.verifikator.chat],
  ]);
  expect(await outboxRow('wake:1')).toMatchObject({ attempts: 1, last_error: null });
});

test('a failed notice waits for its back-off, then is sent: never dropped', async () => {
  await queueNotice('retry:1', 0);
  const channel = new RecordingChannel();
  channel.failures = 1;
  const failures: FailedNotice[] = [];
  const dispatcher = startOutboxDispatcher({
    pool: stack.pool,
    channel,
    pollMs: 3_600_000,
    onNoticeFailed: (failure) => failures.push(failure),
  });
  try {
    await waitFor('the first attempt', async () => (await outboxRow('retry:1')).attempts === 1);
    const failed = await outboxRow('retry:1');
    expect(failed).toMatchObject({ delivered_at: null, waiting: true });
    expect(failed.last_error).toContain('unreachable');
    expect(failures).toEqual([
      { eventKey: 'retry:1', attempts: 1, error: expect.stringContaining('unreachable') },
    ]);
    // Not due yet: a round leaves it alone.
    expect(await dispatcher.runOnce()).toBe(0);
    expect(channel.sent).toEqual([]);
    // Its back-off (2 s after the first failure) passes; the next round sends it.
    await waitFor('the retry', async () => (await dispatcher.runOnce()) === 1, 10_000);
  } finally {
    await dispatcher.stop();
  }
  expect(channel.sent.map((n) => n.eventKey)).toEqual(['retry:1']);
  expect(await outboxRow('retry:1')).toMatchObject({ attempts: 2, last_error: null });
});

test('two deliverers racing on the same notices send each one once', async () => {
  const keys = Array.from({ length: 10 }, (_, i) => `race:${i}`);
  for (const key of keys) await queueNotice(key, 0);
  const channel = new RecordingChannel();
  await Promise.all([
    deliverOutboxNotifications(stack.pool, channel, keys),
    deliverOutboxNotifications(stack.pool, channel, keys),
    deliverOutboxNotifications(stack.pool, channel, keys),
  ]);
  // A notice skipped because another deliverer held it is delivered by that one.
  const { rows } = await stack.pool.query(
    `SELECT count(*)::int AS pending FROM notification_outbox WHERE event_key LIKE 'race:%' AND delivered_at IS NULL`,
  );
  expect(rows[0].pending).toBe(0);
  expect(channel.sent.map((n) => n.eventKey).sort()).toEqual([...keys].sort());
});

test('a chat that blocked the bot is recorded and not tried again', async () => {
  await queueNotice('blocked:1', 0);
  await queueNotice('blocked:2', 0);
  const channel = new RecordingChannel();
  channel.blockedChats.add(officers.verifikator.chat);
  await deliverOutboxNotifications(stack.pool, channel, ['blocked:1']);
  const { rows } = await stack.pool.query('SELECT chat_id FROM blocked_chats');
  expect(rows.map((r) => Number(r.chat_id))).toEqual([officers.verifikator.chat]);
  channel.blockedChats.clear();
  await deliverOutboxNotifications(stack.pool, channel, ['blocked:2']);
  expect(channel.sent).toEqual([]);
});

test('a notice another dispatcher holds is left to it: the round ends instead of spinning', async () => {
  await stack.pool.query('DELETE FROM blocked_chats');
  await queueNotice('held:1', 0);
  // Another worker's dispatcher has claimed it (and is sending it, or recording what it sent).
  const claim = (by: string | null) =>
    stack.pool.query(
      `UPDATE notification_outbox SET claimed_by = $1::text,
              claimed_until = CASE WHEN $1::text IS NULL THEN NULL ELSE now() + interval '2 minutes' END
        WHERE event_key = 'held:1'`,
      [by],
    );
  await claim('another-dispatcher');
  const channel = new RecordingChannel();
  const dispatcher = startOutboxDispatcher({ pool: stack.pool, channel, pollMs: 3_600_000, batchSize: 1 });
  try {
    expect(await dispatcher.runOnce()).toBe(0);
    expect(channel.sent).toEqual([]);
  } finally {
    await claim(null);
  }
  expect(await outboxRow('held:1')).toMatchObject({ delivered_at: null, attempts: 0 });
  // Released, the notice goes out with the next round, this one's or the dispatcher's own.
  await dispatcher.runOnce();
  await waitFor('the released notice', async () => (await outboxRow('held:1')).delivered_at !== null);
  await dispatcher.stop();
  expect(channel.sent.map((n) => [n.eventKey, n.chatId])).toEqual([['held:1', officers.verifikator.chat]]);
});

test("a NIK in a notice's free text reaches officers masked", async () => {
  const note = 'NIK saya 3604 0157 0890 0001 (lihat KTP 3604.0157.0890.0001)';
  await stack.pool.query(
    `INSERT INTO notification_outbox (event_key, workflow_id, audience, recipient, template, params)
     VALUES ('nik:officer', 'TEST-FREE-2026-000001', 'role', $1, 'resubmitted_to_officer', $2)`,
    [JSON.stringify({ role: 'verifikator', department: 'DPMPTSP' }), JSON.stringify({ note })],
  );
  const channel = new RecordingChannel();
  await deliverOutboxNotifications(stack.pool, channel, ['nik:officer']);
  expect(channel.sent.map((n) => n.params.note)).toEqual([
    'NIK saya 3604••••••••0001 (lihat KTP 3604••••••••0001)',
  ]);
});

test('stopping with a backlog waits for the send in flight only; the rest stay unclaimed for others', async () => {
  const keys = Array.from({ length: 30 }, (_, i) => `backlog:${String(i).padStart(2, '0')}`);
  for (const key of keys) await queueNotice(key, 0);
  // A channel that holds each send until told: the stop comes while the first one is in flight.
  // The batch's ten notices wait for one officer's chat, so they go as one digest.
  let releaseSend: (() => void) | undefined;
  const channel = new RecordingChannel();
  const recordingDigest = channel.sendDigest.bind(channel);
  channel.sendDigest = async (digest) => {
    await new Promise<void>((resolve) => {
      releaseSend = resolve;
    });
    return recordingDigest(digest);
  };
  const dispatcher = startOutboxDispatcher({ pool: stack.pool, channel, pollMs: 3_600_000, batchSize: 10 });
  await waitFor('a send in flight', () => releaseSend !== undefined);
  const stopped = dispatcher.stop();
  releaseSend?.();
  await stopped;
  expect(channel.digests).toHaveLength(1);
  expect(channel.sent.map((n) => n.eventKey)).toEqual(keys.slice(0, 10));
  const { rows } = await stack.pool.query(
    `SELECT count(*)::int AS waiting, count(claimed_by)::int AS claimed
       FROM notification_outbox WHERE event_key LIKE 'backlog:%' AND delivered_at IS NULL`,
  );
  expect(rows[0]).toEqual({ waiting: 20, claimed: 0 });
  // Another worker's dispatcher takes the rest.
  const other = new RecordingChannel();
  await deliverOutboxNotifications(stack.pool, other, keys);
  expect(other.sent.map((n) => n.eventKey)).toEqual(keys.slice(10));
});
