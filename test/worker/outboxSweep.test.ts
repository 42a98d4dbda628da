import { afterAll, beforeAll, expect, test } from 'vitest';
import { deliverOutboxNotifications } from '../../src/activities/permit/deliverNotifications.js';
import { startOutboxSweep } from '../../src/worker/outboxSweep.js';
import { officers, seedOfficers } from '../support/permitScenario.js';
import { RecordingChannel } from '../support/recordingChannel.js';
import { startTestStack, type TestStack } from '../support/testStack.js';

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

test('notices left pending (channel off or down) are delivered by the sweep, once', async () => {
  await queueNotice('sweep:old', 10);
  await queueNotice('sweep:fresh', 0);
  const channel = new RecordingChannel();
  const sweep = startOutboxSweep({
    pool: stack.pool,
    channel,
    intervalMs: 3_600_000,
    olderThanMs: 5 * 60_000,
  });
  try {
    expect(await sweep.sweepOnce()).toBe(1);
    expect(await sweep.sweepOnce()).toBe(0);
  } finally {
    await sweep.stop();
  }
  expect(channel.sent.map((n) => [n.eventKey, n.chatId])).toEqual([['sweep:old', officers.verifikator.chat]]);
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
