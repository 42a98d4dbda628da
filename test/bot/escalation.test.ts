import { afterAll, beforeAll, expect, test } from 'vitest';
import { APPLICANT_CHAT, officers, submit } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { type BotHarness, startBotHarness } from './botHarness.js';

let h: BotHarness;
const DEPARTMENT_GROUP = -1001234;

beforeAll(async () => {
  h = await startBotHarness('bot-escalation');
  await h.stack.pool.query("INSERT INTO department_chats (department, chat_id) VALUES ('DPMPTSP', $1)", [
    DEPARTMENT_GROUP,
  ]);
  await h.startBot();
});
afterAll(async () => {
  await h?.stop();
});

test('a passed SLA reaches the managers (one 429 on the way only delays it), then the second level; /sla lists the file', async () => {
  const manager = h.emulator.user(officers.manager.chat);
  const headOfOffice = h.emulator.user(officers.kepalaKantor.chat);
  const verifier = h.emulator.user(officers.verifikator.chat);
  const group = h.emulator.user(DEPARTMENT_GROUP);
  // The applicant blocked the bot: recorded once, never retried.
  h.emulator.blocked.add(APPLICANT_CHAT);
  // Telegram asks the channel to slow down on the manager's first alert.
  h.emulator.failWith429('sendMessage', { chatId: officers.manager.chat, retryAfter: 1 });

  const { registrationNumber: rn } = await submit(h.stack, 'TEST-FAST');

  const reminder = await verifier.expect(`Pengingat: berkas ${rn}`);
  expect(reminder.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toContain('✅ Setujui');
  const alert = await manager.expect(`Tenggat layanan terlewati: berkas ${rn}`, 20_000);
  expect(alert.text).toContain('Pemeriksaan kelengkapan berkas');
  const groupAlert = await group.expect(`Tenggat layanan terlewati: berkas ${rn}`);
  expect(groupAlert.replyMarkup).toBeUndefined();
  await headOfOffice.expect(`Eskalasi tingkat kedua: berkas ${rn}`, 20_000);

  const toManager = h.emulator
    .callsOf('sendMessage')
    .filter((c) => Number(c.payload.chat_id) === officers.manager.chat);
  expect(toManager).toHaveLength(2);
  expect(toManager[1]!.at - toManager[0]!.at).toBeGreaterThanOrEqual(1000);

  const { rows: deliveries } = await h.stack.pool.query(
    `SELECT event_key, chat_id, outcome FROM notification_deliveries WHERE event_key LIKE $1 ORDER BY at`,
    [`${rn}:%`],
  );
  expect(deliveries.filter((d) => Number(d.chat_id) === officers.manager.chat)).toHaveLength(1);
  expect(deliveries.filter((d) => Number(d.chat_id) === APPLICANT_CHAT).map((d) => d.outcome)).toEqual([
    'blocked',
  ]);
  const { rowCount } = await h.stack.pool.query('SELECT 1 FROM blocked_chats WHERE chat_id = $1', [
    APPLICANT_CHAT,
  ]);
  expect(rowCount).toBe(1);
  expect(
    h.emulator.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === APPLICANT_CHAT),
  ).toHaveLength(1);

  manager.send('/sla');
  const overview = await manager.expect('Melewati tenggat (1)');
  expect(overview.text).toContain(rn);
  expect(overview.text).toContain('terlambat');

  // Not a manager (an officer) and not an officer (a citizen): refused, no file shown.
  verifier.send('/sla');
  const notManager = await verifier.expect('hanya untuk atasan');
  expect(notManager.text).not.toContain(rn);
  const stranger = h.emulator.user(9009);
  stranger.send('/sla');
  expect((await stranger.expect('hanya untuk petugas yang terdaftar')).text).not.toContain(rn);
  stranger.send('/tugas');
  await stranger.expect('hanya untuk petugas yang terdaftar');

  await waitFor('every notice of the file to be delivered', async () => {
    const { rows } = await h.stack.pool.query(
      'SELECT count(*)::int AS n FROM notification_outbox WHERE workflow_id = $1 AND delivered_at IS NULL',
      [rn],
    );
    return rows[0].n === 0;
  });
});
