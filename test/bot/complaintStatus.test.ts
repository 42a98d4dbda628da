import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateAccessCode } from '../../src/domain/identifiers/accessCode.js';
import type { TestUser } from '../support/botApiEmulator.js';
import { APPLICANT_CHAT, officers } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { type BotHarness, fileWithStoredKtp, startBotHarness } from './botHarness.js';

// Following a complaint in the bot (/cekaduan /checkcomplaint) through the Bot API emulator: an
// anonymous complainant holds only the ticket and its code; the message with the code is
// deleted; a wrong pair reads like a missing ticket, and wrong codes count against the Telegram
// user's limit together with wrong access codes.
let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness('bot-complaint-status');
  await h.startBot();
});
afterAll(async () => {
  await h?.stop();
});

const PUNGLI = 'Petugas parkir meminta uang pelicin Rp 50.000 agar berkas cepat diproses';
const ANSWER = 'Terima kasih; petugas tersebut sudah diperiksa Inspektorat';
const NOT_FOUND = 'Pengaduan tidak ditemukan. Periksa nomor tiket dan kode tiket.';

/** An anonymous pungli report filed in the bot: its ticket and ticket code, as shown once. */
async function anonymousReport(reporter: TestUser): Promise<{ ticket: string; code: string }> {
  reporter.send('/pengaduan');
  await reporter.press('Pungutan liar', { on: await reporter.expect('Apa yang ingin Anda adukan?') });
  await reporter.expect('Tulis pengaduan Anda dalam satu pesan');
  reporter.send(PUNGLI);
  const filed = await reporter.expect('tanpa identitas Anda');
  expect(filed.text).toContain('/cekaduan');
  const [, ticket = '', code = ''] = /(ADU-\d{4}-\d{6})[\s\S]*Kode tiket: (\S+)/.exec(filed.text) ?? [];
  return { ticket, code };
}

/** Whether the bot deleted the message an update carried, in the sender's chat. */
function deleted(user: TestUser, updateId: number): boolean {
  const messageId = h.emulator.messageIdOf(updateId);
  return h.emulator
    .callsOf('deleteMessage')
    .some((c) => Number(c.payload.chat_id) === user.id && Number(c.payload.message_id) === messageId);
}

test('an anonymous complainant follows the report by ticket and code, typed at once or asked in turn, and reopens it with the code; the code is deleted', async () => {
  const reporter = h.emulator.user(9201);
  const { ticket, code } = await anonymousReport(reporter);

  const direct = reporter.send(`/cekaduan ${ticket} ${code}`);
  const open = await reporter.expect(`Pengaduan ${ticket}`);
  expect(open.text).toContain('Pungutan liar');
  expect(open.text).toContain('Berkas: tanpa berkas (anonim)');
  expect(open.text).toMatch(/Status: (menunggu jawaban)/);
  expect(open.text).toContain('Belum ada jawaban dari pimpinan.');
  expect(open.text).not.toContain(PUNGLI);
  await waitFor('the message with the code to be deleted', () => deleted(reporter, direct));

  // The managers answer; the anonymous reporter cannot be told, and asks again, guided.
  await h.services.complaints.respond({ telegramUserId: officers.manager.chat }, ticket, ANSWER);
  reporter.send('/cekaduan');
  await reporter.expect('Ketik nomor tiket pengaduan Anda');
  reporter.send('ADU-nomor');
  await reporter.expect('Nomor tiket ditulis ADU-TAHUN-NOMOR');
  reporter.send(ticket.toLowerCase());
  await reporter.expect(`Ketik kode tiket ${ticket}`);
  const typed = reporter.send(code.replace('-', ' '));
  const answered = await reporter.expect(`Pengaduan ${ticket}`);
  expect(answered.text).toContain('Status: sudah dijawab');
  expect(answered.text).toContain(`: ${ANSWER}`);
  expect(answered.text).toMatch(/Tenggat jawaban: \S+/);
  await waitFor('the typed code to be deleted', () => deleted(reporter, typed));
  // Nothing of the code stays in the bot's conversation store.
  const conversationsLeft = async () =>
    (await h.stack.pool.query('SELECT 1 FROM bot_conversations')).rowCount;
  await waitFor('the finished conversation to be removed', async () => (await conversationsLeft()) === 0);

  // In English (the Telegram app's language), by its English name.
  const english = h.emulator.user(9203, { languageCode: 'en' });
  english.send(`/checkcomplaint ${ticket} ${code}`);
  const card = await english.expect(`Complaint ${ticket}`);
  expect(card.text).toContain('Status: answered');
  expect(card.text).toContain(`Answer of `);
  expect(card.text).toContain(ANSWER);
  expect(card.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['🔁 Not satisfied: reopen']);

  // Not satisfied: the card's button reopens it, once the code is typed again (and deleted).
  expect(open.replyMarkup).toBeUndefined();
  await reporter.press('buka kembali', { on: answered });
  await reporter.expect(`Untuk membuka kembali pengaduan ${ticket}, ketik kode tiketnya.`);
  const wrongCode = reporter.send(generateAccessCode());
  expect((await reporter.expect('tidak ditemukan')).text).toBe(NOT_FOUND);
  await waitFor('the wrong code to be deleted', () => deleted(reporter, wrongCode));
  expect((await h.services.complaints.view(ticket, { ticketCode: code })).status).toBe('answered');
  await reporter.press('buka kembali', { on: answered });
  await reporter.expect(`Untuk membuka kembali pengaduan ${ticket}`);
  const again = reporter.send(code);
  await reporter.expect(`Pengaduan ${ticket} dibuka kembali`);
  await waitFor('the code to be deleted', () => deleted(reporter, again));
  expect((await h.services.complaints.view(ticket, { ticketCode: code })).status).toBe('reopened');
  await waitFor('the finished conversation to be removed', async () => (await conversationsLeft()) === 0);
  // Reopened once: the card no longer offers it.
  reporter.send(`/cekaduan ${ticket} ${code}`);
  const reopened = await reporter.expect(`Pengaduan ${ticket}`);
  expect(reopened.text).toContain('Status: dibuka kembali');
  expect(reopened.replyMarkup).toBeUndefined();
});

test('a wrong pair reads like a missing ticket; wrong codes are limited per Telegram user', async () => {
  const reporter = h.emulator.user(9211);
  const { ticket, code } = await anonymousReport(reporter);

  const guesser = h.emulator.user(9212);
  guesser.send(`/cekaduan ADU-2026-999999 ${code}`);
  const missing = await guesser.expect('tidak ditemukan');
  guesser.send(`/cekaduan ${ticket} ${generateAccessCode()}`);
  const wrong = await guesser.expect('tidak ditemukan');
  expect([missing.text, wrong.text]).toEqual([NOT_FOUND, NOT_FOUND]);
  // Without a code, someone else's anonymous report is just as missing (and counts nothing).
  guesser.send(`/cekaduan ${ticket}`);
  expect((await guesser.expect('tidak ditemukan')).text).toBe(NOT_FOUND);

  for (let i = 2; i < 20; i++) {
    guesser.send(`/cekaduan ${ticket} ${generateAccessCode()}`);
    await guesser.expect('tidak ditemukan');
  }
  guesser.send(`/cekaduan ${ticket} ${code}`);
  const refused = await guesser.expect('Terlalu banyak');
  expect(refused.text).not.toContain(ticket);
  // The same count as wrong access codes for /cek: that is refused too now.
  guesser.send(`/cek TEST-FREE-2026-000001 ${generateAccessCode()}`);
  await guesser.expect('Terlalu banyak');
  const { rows } = await h.stack.pool.query(
    'SELECT failures FROM telegram_code_failures WHERE telegram_user_id = 9212',
  );
  expect(rows).toEqual([{ failures: 20 }]);

  // The reporter, another Telegram user, is not affected.
  reporter.send(`/cekaduan ${ticket} ${code}`);
  await reporter.expect(`Pengaduan ${ticket}`);
});

test("a complaint about a file is followed and reopened from the applicant's own account, without the code", async () => {
  const rn = await fileWithStoredKtp(h);
  const { ticket } = await h.services.complaints.file(
    { telegramUserId: APPLICANT_CHAT },
    { category: 'delay', text: 'Belum ada kabar', registrationNumber: rn },
    'telegram',
  );
  const citizen = h.emulator.user(APPLICANT_CHAT);
  citizen.send(`/cekaduan ${ticket}`);
  const card = await citizen.expect(`Pengaduan ${ticket}`);
  expect(card.text).toContain(`Berkas: ${rn}`);
  expect(card.text).toContain('Keterlambatan layanan');

  // Once answered, the file's account reopens it from the card at once, without the code.
  await h.services.complaints.respond({ telegramUserId: officers.manager.chat }, ticket, ANSWER);
  citizen.send(`/cekaduan ${ticket}`);
  const answered = await citizen.expect(/Status: sudah dijawab/);
  await citizen.press('buka kembali', { on: answered });
  await citizen.expect(`Pengaduan ${ticket} dibuka kembali`);
  expect((await h.services.complaints.view(ticket, { telegramUserId: APPLICANT_CHAT })).status).toBe(
    'reopened',
  );
});
