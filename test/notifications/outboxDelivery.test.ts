import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPool } from '../../src/db/pool.js';
import type { NotificationChannel } from '../../src/notifications/notificationChannel.js';
import {
  deliverOutboxNotifications,
  newNoticeDeliverer,
  recordUnrecordedSends,
} from '../../src/notifications/outboxDelivery.js';
import { claimNotices } from '../../src/repositories/outboxRepository.js';
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

/** One round of a deliverer of its own (a worker process's dispatcher) over `keys`. */
function deliverByANewDeliverer(telegram: RecordingChannel, keys: string[]) {
  return deliverOutboxNotifications(stack.pool, telegram, keys, undefined, newNoticeDeliverer());
}

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
    sendDigest: () => Promise.reject(new Error('one notice at a time here')),
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
    sendDigest: () => Promise.reject(new Error('one notice at a time here')),
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

// Officers' notices waiting together for one chat go as digests; a lone one as before.

async function queueFileNotices(prefix: string, count: number, template = 'stage_assigned') {
  const keys: string[] = [];
  for (let i = 1; i <= count; i++) {
    const key = `${prefix}:${i}`;
    await stack.pool.query(
      `INSERT INTO notification_outbox (event_key, workflow_id, audience, recipient, template, params)
       VALUES ($1, $2, 'role', $3, $4, $5)`,
      [
        key,
        `TEST-FREE-2026-${String(i).padStart(6, '0')}`,
        JSON.stringify({ role: 'verifikator', department: 'DPMPTSP' }),
        template,
        JSON.stringify({
          registrationNumber: `TEST-FREE-2026-${String(i).padStart(6, '0')}`,
          stage: 'completeness',
        }),
      ],
    );
    keys.push(key);
  }
  return keys;
}

test('notices waiting together for one officer go as digests of at most 20, each recorded once', async () => {
  const keys = await queueFileNotices('digest', 23);
  const telegram = new RecordingChannel();
  const result = await deliverByANewDeliverer(telegram, keys);
  expect(result).toMatchObject({ sent: 2, failed: [], skipped: 0 });
  expect(telegram.digests.map((d) => [d.chatId, d.notices.length])).toEqual([
    [officers.verifikator.chat, 20],
    [officers.verifikator.chat, 3],
  ]);
  // In the order written, each notice in exactly one digest.
  expect(telegram.digests.flatMap((d) => d.notices.map((n) => n.eventKey))).toEqual(keys);
  for (const key of keys) expect(await outboxRow(key)).toMatchObject({ delivered: true, recorded: 1 });
});

test('a lone officer notice is a message of its own, not a digest', async () => {
  const [key] = await queueFileNotices('alone', 1, 'sla_reminder');
  const telegram = new RecordingChannel();
  const result = await deliverByANewDeliverer(telegram, [key!]);
  expect(result).toMatchObject({ sent: 1, failed: [] });
  expect(telegram.digests).toEqual([]);
  expect(telegram.sent.map((n) => [n.eventKey, n.chatId, n.template])).toEqual([
    [key, officers.verifikator.chat, 'sla_reminder'],
  ]);
});

test('a digest that fails leaves each of its notices to retry, and the retry sends them once', async () => {
  const keys = await queueFileNotices('digestfail', 3, 'sla_reminder');
  const telegram = new RecordingChannel();
  telegram.failures = 1;
  const first = await deliverByANewDeliverer(telegram, keys);
  expect(first.sent).toBe(0);
  expect(first.failed.map((f) => [f.eventKey, f.attempts])).toEqual(keys.map((k) => [k, 1]));
  for (const key of keys)
    expect(await outboxRow(key)).toMatchObject({ delivered: false, claimed_by: null, recorded: 0 });
  const retry = await deliverByANewDeliverer(telegram, keys);
  expect(retry).toMatchObject({ sent: 1, failed: [] });
  expect(telegram.digests).toHaveLength(1);
  expect(telegram.sent.map((n) => n.eventKey)).toEqual(keys);
  for (const key of keys) expect(await outboxRow(key)).toMatchObject({ delivered: true, recorded: 1 });
});

test('a round keeps its whole batch claimed while a slow send holds it up', async () => {
  await queueNotice('slowround:1');
  await queueNotice('slowround:2', 'managers');
  const telegram = new RecordingChannel();
  // A short lease, so the first chat's send outlasts it more than twice over.
  const deliverer = { ...newNoticeDeliverer(), leaseMs: 400 };
  let takenMeanwhile: boolean | undefined;
  const slow: NotificationChannel = {
    send: async (notification) => {
      if (notification.eventKey === 'slowround:1') {
        await new Promise((r) => setTimeout(r, 1_000));
        takenMeanwhile = (await claimNotices(stack.pool, ['slowround:2'], 'another-deliverer', 60_000)).has(
          'slowround:2',
        );
      }
      return telegram.send(notification);
    },
    sendDigest: () => Promise.reject(new Error('one notice per chat here')),
  };
  const result = await deliverOutboxNotifications(
    stack.pool,
    slow,
    ['slowround:1', 'slowround:2'],
    undefined,
    deliverer,
  );
  expect(takenMeanwhile).toBe(false);
  expect(result).toMatchObject({ sent: 3, failed: [], skipped: 0 });
  expect(telegram.sent.map((n) => [n.eventKey, n.chatId])).toEqual([
    ['slowround:1', officers.verifikator.chat],
    ['slowround:2', officers.manager.chat],
    ['slowround:2', DEPARTMENT_CHAT],
  ]);
});

// The applicants' and complainants' chats of a round are read together; each notice still goes to
// its own file's account, and a file without one is settled as having no recipient.

async function storeFile(registrationNumber: string, telegramUserId: number | null) {
  await stack.pool.query(
    `INSERT INTO applications (registration_number, permit_type, status, channel, access_code_hash,
                               applicant_telegram_id)
     VALUES ($1, 'SIP-DOKTER', 'SUBMITTED', $2, 'scrypt$unused', $3)`,
    [registrationNumber, telegramUserId === null ? 'api' : 'telegram', telegramUserId],
  );
}

async function queueOwnNotice(eventKey: string, audience: 'applicant' | 'complainant', workflowId: string) {
  await stack.pool.query(
    `INSERT INTO notification_outbox (event_key, workflow_id, audience, recipient, template, params)
     VALUES ($1, $2, $3, '{}', 'submitted', '{}')`,
    [eventKey, workflowId, audience],
  );
}

test("a round's applicant and complaint notices each reach their own file's account, or no one", async () => {
  await storeFile('TEST-OWN-2026-000001', 710001);
  await storeFile('TEST-OWN-2026-000002', null);
  await storeFile('TEST-OWN-2026-000003', 710003);
  await stack.pool.query(
    `INSERT INTO complaints (ticket, ticket_code_hash, category, body, registration_number, department, channel)
     VALUES ('ADU-2026-000901', 'scrypt$unused', 'delay', 'Lambat', 'TEST-OWN-2026-000003', 'DPMPTSP', 'telegram'),
            ('ADU-2026-000902', 'scrypt$unused', 'delay', 'Lambat', NULL, 'DPMPTSP', 'api')`,
  );
  await queueOwnNotice('own:1', 'applicant', 'TEST-OWN-2026-000001');
  await queueOwnNotice('own:2', 'applicant', 'TEST-OWN-2026-000002');
  await queueOwnNotice('own:3', 'applicant', 'TEST-OWN-2026-000003');
  await queueOwnNotice('own:4', 'complainant', 'ADU-2026-000901');
  await queueOwnNotice('own:5', 'complainant', 'ADU-2026-000902');
  const telegram = new RecordingChannel();
  const keys = ['own:1', 'own:2', 'own:3', 'own:4', 'own:5'];
  const result = await deliverByANewDeliverer(telegram, keys);
  expect(result).toMatchObject({ sent: 3, failed: [], skipped: 0 });
  expect(telegram.sent.map((n) => [n.eventKey, n.chatId])).toEqual([
    ['own:1', 710001],
    ['own:3', 710003],
    ['own:4', 710003],
  ]);
  const { rows } = await stack.pool.query(
    `SELECT event_key, delivered_at IS NOT NULL AS delivered, last_error FROM notification_outbox
     WHERE event_key = ANY($1) ORDER BY event_key`,
    [keys],
  );
  expect(rows.map((r) => [r.event_key, r.delivered, r.last_error])).toEqual([
    ['own:1', true, null],
    ['own:2', true, 'no recipient with a Telegram chat'],
    ['own:3', true, null],
    ['own:4', true, null],
    ['own:5', true, 'no recipient with a Telegram chat'],
  ]);
});
