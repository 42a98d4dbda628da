import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPool } from '../../src/db/pool.js';
import type { NotificationChannel } from '../../src/notifications/notificationChannel.js';
import {
  deliverOutboxNotifications,
  newNoticeDeliverer,
  recordUnrecordedSends,
} from '../../src/notifications/outboxDelivery.js';
import { officers, seedOfficers } from '../support/permitScenario.js';
import { RecordingChannel } from '../support/recordingChannel.js';
import { startTestStack, type TestStack } from '../support/testStack.js';

// Two deliverers (two worker processes' dispatchers) on one outbox, around a database outage.

const DEPARTMENT_CHAT = 9001;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('outbox-delivery');
  await seedOfficers(stack.pool);
  await stack.pool.query(`INSERT INTO department_chats (department, chat_id) VALUES ('DPMPTSP', $1)`, [
    DEPARTMENT_CHAT,
  ]);
});
afterAll(async () => {
  await stack?.stop();
});

async function queueNotice(eventKey: string, audience: 'role' | 'managers' = 'role') {
  await stack.pool.query(
    `INSERT INTO notification_outbox (event_key, workflow_id, audience, recipient, template, params)
     VALUES ($1, 'TEST-FREE-2026-000001', $2, $3, 'stage_assigned', '{}')`,
    [eventKey, audience, JSON.stringify({ role: 'verifikator', department: 'DPMPTSP' })],
  );
}

async function outboxRow(eventKey: string) {
  const { rows } = await stack.pool.query(
    `SELECT delivered_at IS NOT NULL AS delivered, claimed_by,
            (SELECT count(*)::int FROM notification_deliveries d WHERE d.event_key = o.event_key) AS recorded
       FROM notification_outbox o WHERE event_key = $1`,
    [eventKey],
  );
  return rows[0];
}

/**
 * A deliverer on a pool of its own, whose connections the test cuts as a database restart does,
 * right after Telegram accepted a send: the send went out, its record cannot be written.
 */
function delivererLosingTheDatabase(telegram: RecordingChannel) {
  const name = `outbox-deliverer-${randomBytes(4).toString('hex')}`;
  const url = new URL(stack.databaseUrl);
  url.searchParams.set('application_name', name);
  const pool = createPool(url.toString(), { schema: stack.schema, max: 2 });
  const channel: NotificationChannel = {
    send: async (notification) => {
      const outcome = await telegram.send(notification);
      await stack.pool.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [name],
      );
      return outcome;
    },
  };
  return { pool, channel, deliverer: newNoticeDeliverer() };
}

test('a notice sent as the database went away is not sent again by another deliverer before the first records it', async () => {
  await queueNotice('outage:1');
  const telegram = new RecordingChannel();
  const a = delivererLosingTheDatabase(telegram);
  const b = newNoticeDeliverer();
  try {
    const first = await deliverOutboxNotifications(a.pool, a.channel, ['outage:1'], undefined, a.deliverer);
    expect(first.failed.map((f) => f.eventKey)).toEqual(['outage:1']);
    expect(a.deliverer.unrecorded.get('outage:1')).toEqual(new Map([[officers.verifikator.chat, 'sent']]));
    // The database answers again, and the other worker's round comes before A's.
    const before = await deliverOutboxNotifications(stack.pool, telegram, ['outage:1'], undefined, b);
    expect(before).toMatchObject({ sent: 0, skipped: 1 });
    expect(await outboxRow('outage:1')).toMatchObject({ delivered: false, claimed_by: a.deliverer.id });
    // A's next round writes what it kept and gives the notice up; whoever comes next settles it.
    await recordUnrecordedSends(a.pool, a.deliverer);
    expect(a.deliverer.unrecorded.size).toBe(0);
    const after = await deliverOutboxNotifications(stack.pool, telegram, ['outage:1'], undefined, b);
    expect(after).toMatchObject({ sent: 0, skipped: 0, failed: [] });
  } finally {
    await a.pool.end();
  }
  expect(telegram.sent.map((n) => [n.eventKey, n.chatId])).toEqual([['outage:1', officers.verifikator.chat]]);
  expect(await outboxRow('outage:1')).toMatchObject({ delivered: true, claimed_by: null, recorded: 1 });
});

test('a notice whose deliverer died between send and record goes out again once its claim runs out', async () => {
  await queueNotice('died:1');
  const telegram = new RecordingChannel();
  const a = delivererLosingTheDatabase(telegram);
  try {
    await deliverOutboxNotifications(a.pool, a.channel, ['died:1'], undefined, a.deliverer);
  } finally {
    // A dies: what it kept in memory is gone with it.
    await a.pool.end();
  }
  const b = newNoticeDeliverer();
  expect(await deliverOutboxNotifications(stack.pool, telegram, ['died:1'], undefined, b)).toMatchObject({
    skipped: 1,
  });
  // The lease passes (two minutes in production): never dropped, at the price of a second send.
  await stack.pool.query(
    `UPDATE notification_outbox SET claimed_until = now() - interval '1 second' WHERE event_key = 'died:1'`,
  );
  expect(await deliverOutboxNotifications(stack.pool, telegram, ['died:1'], undefined, b)).toMatchObject({
    sent: 1,
  });
  expect(telegram.sent.map((n) => n.eventKey)).toEqual(['died:1', 'died:1']);
  expect(await outboxRow('died:1')).toMatchObject({ delivered: true, claimed_by: null, recorded: 1 });
});

test('a deliverer whose claim passed to another sends nothing more of that notice', async () => {
  await queueNotice('taken:1', 'managers');
  const telegram = new RecordingChannel();
  // While the first chat's send is slow, the claim runs out and another deliverer claims it.
  const slow: NotificationChannel = {
    send: async (notification) => {
      await stack.pool.query(
        `UPDATE notification_outbox SET claimed_by = 'another-deliverer', claimed_until = now() + interval '2 minutes'
          WHERE event_key = 'taken:1'`,
      );
      return telegram.send(notification);
    },
  };
  const result = await deliverOutboxNotifications(
    stack.pool,
    slow,
    ['taken:1'],
    undefined,
    newNoticeDeliverer(),
  );
  expect(result).toMatchObject({ sent: 1, failed: [] });
  expect(telegram.sent).toHaveLength(1);
  // Its one send is recorded; the other deliverer sends the rest.
  expect(await outboxRow('taken:1')).toMatchObject({
    delivered: false,
    claimed_by: 'another-deliverer',
    recorded: 1,
  });
});
