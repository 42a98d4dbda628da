import { afterAll, beforeAll, expect, test } from 'vitest';
import { pruneBotState } from '../../src/repositories/botStateRepository.js';
import { APPLICANT_CHAT, VALID_NIK } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { type BotHarness, samplePdf, startBotHarness } from './botHarness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness('bot-conversation');
  await h.startBot();
});
afterAll(async () => {
  await h?.stop();
});

async function consent(userId: number) {
  const user = h.emulator.user(userId);
  user.send('/start');
  await user.press('Saya setuju', { on: await user.expect('Pemberitahuan pelindungan data') });
  await user.expect('persetujuan Anda tercatat');
  return user;
}

test('a bot restarted mid-conversation resumes at the same question, and a redelivered update is not answered twice', async () => {
  const citizen = await consent(APPLICANT_CHAT);
  citizen.send('/ajukan');
  await citizen.press('Izin Uji Gratis', { on: await citizen.expect('Pilih jenis izin') });
  await citizen.expect('(1/3) NIK pemohon');
  const nikUpdate = citizen.send(VALID_NIK);
  await citizen.expect('(2/3) Nama lengkap');

  await h.stopBot();
  const { rows } = await h.stack.pool.query('SELECT storage_key FROM bot_conversations');
  expect(rows.map((r) => r.storage_key)).toEqual([`chat:${APPLICANT_CHAT}`]);
  await h.startBot();

  // Telegram hands the last update out again after a restart: it must not be taken as the name.
  h.emulator.redeliver(nikUpdate);
  citizen.send('Siti Rahmawati');
  await citizen.expect('(3/3) Nomor HP');
  await citizen.press('Lewati');
  await citizen.expect('Dokumen 1/1: KTP elektronik');
  citizen.sendDocument(samplePdf(), { mimeType: 'application/pdf', fileName: 'ktp.pdf' });
  await citizen.expect('KTP elektronik diterima');
  await citizen.press('Kirim permohonan', { on: await citizen.expect('Periksa kembali') });
  const receipt = await citizen.expect('Permohonan terkirim');
  const rn = /Nomor registrasi: (\S+)/.exec(receipt.text)![1]!;

  const file = await h.stack.pool.query(
    'SELECT form_data, documents FROM applications WHERE registration_number = $1',
    [rn],
  );
  expect(file.rows[0].form_data).toEqual({ applicantNik: VALID_NIK, fullName: 'Siti Rahmawati' });
  expect(file.rows[0].documents[0]).toMatchObject({ kind: 'ktp', mimeType: 'application/pdf' });
  // Each question was asked once: the redelivered NIK did not move the conversation on.
  expect(citizen.messages().filter((m) => m.text.startsWith('(2/3)'))).toHaveLength(1);
  expect(citizen.messages().filter((m) => m.text.startsWith('(3/3)'))).toHaveLength(1);
  // A finished conversation leaves no state behind (nor the NIK in its log).
  await waitFor(
    'the finished conversation to be removed',
    async () => (await h.stack.pool.query('SELECT 1 FROM bot_conversations')).rowCount === 0,
  );
});

test('/cancel leaves the conversation at any step; other commands keep working during one', async () => {
  const citizen = await consent(5002);
  citizen.send('/ajukan');
  await citizen.press('Izin Uji Gratis', { on: await citizen.expect('Pilih jenis izin') });
  await citizen.expect('(1/3) NIK pemohon');

  // A status lookup mid-way is answered, and the conversation still waits for the NIK.
  citizen.send('/cek TEST-FREE-2026-999999');
  await citizen.expect('tidak ditemukan untuk akun Anda');
  citizen.send('/ajukan');
  await citizen.expect('Masih ada percakapan yang belum selesai');
  citizen.send(VALID_NIK);
  await citizen.expect('(2/3) Nama lengkap');

  citizen.send('/cancel');
  await citizen.expect('Dibatalkan');
  citizen.send('Siti');
  await citizen.expect('tidak mengerti');
  citizen.send('/cancel');
  await citizen.expect('Tidak ada percakapan yang sedang berjalan');

  // A bare /batal ("cancel") inside a conversation stops it too.
  citizen.send('/ajukan');
  await citizen.expect('Pilih jenis izin');
  citizen.send('/batal');
  await citizen.expect('Dibatalkan');
  citizen.send('/batal');
  await citizen.expect('Ketik /batal <nomor registrasi>');
  expect((await h.stack.pool.query('SELECT 1 FROM bot_conversations')).rowCount).toBe(0);
  expect((await h.stack.pool.query('SELECT 1 FROM applications')).rowCount).toBe(1);
});

test('a citizen who has not accepted the privacy notice is shown it before applying', async () => {
  const newcomer = h.emulator.user(5003);
  newcomer.send('/ajukan');
  await newcomer.expect('mohon baca dan setujui pemberitahuan privasi');
  await newcomer.press('Tidak setuju', { on: await newcomer.expect('Pemberitahuan pelindungan data') });
  await newcomer.expect('Persetujuan tidak diberikan');
  newcomer.send('/ajukan');
  await newcomer.expect('mohon baca dan setujui pemberitahuan privasi');
});

test('a user who blocked the bot and restarts it with /start gets notices again', async () => {
  const userId = 7101;
  await h.stack.pool.query('INSERT INTO blocked_chats (chat_id) VALUES ($1)', [userId]);
  const user = h.emulator.user(userId);
  user.send('/start');
  await user.expect('Pemberitahuan pelindungan data');
  const { rows } = await h.stack.pool.query('SELECT 1 FROM blocked_chats WHERE chat_id = $1', [userId]);
  expect(rows).toEqual([]);
});

test('abandoned conversations (which may hold a NIK) and expired buttons are deleted by housekeeping', async () => {
  await h.stack.pool.query(
    `INSERT INTO bot_conversations (storage_key, state, updated_at) VALUES
       ('chat:7201', '{"answers":["3604015708900001"]}', now() - interval '9 days'),
       ('chat:7202', '{}', now())`,
  );
  await pruneBotState(h.stack.pool);
  const { rows } = await h.stack.pool.query(
    `SELECT storage_key FROM bot_conversations WHERE storage_key IN ('chat:7201', 'chat:7202')`,
  );
  expect(rows.map((r) => r.storage_key)).toEqual(['chat:7202']);
});

test('an update that changes nothing in the profile leaves it unwritten; a change is written', async () => {
  const user = await consent(7301);
  const writtenAt = async () => {
    const { rows } = await h.stack.pool.query<{ updated_at: Date; language: string | null }>(
      'SELECT updated_at, language FROM bot_users WHERE telegram_user_id = $1',
      [user.id],
    );
    return rows[0];
  };
  const consented = await writtenAt();
  // A chat's updates are handled one after the other, the session written at the end of each:
  // once the second answer is here, the first update is done with the profile.
  user.send('/bantuan');
  await user.expect('Perintah yang tersedia');
  user.send('/bantuan');
  await user.expect('Perintah yang tersedia');
  expect(await writtenAt()).toEqual(consented);

  user.send('/bahasa');
  await user.press('English', { on: await user.expect('Choose your language') });
  await user.expect('Language set to English');
  user.send('/help');
  await user.expect('Available commands');
  const chosen = await writtenAt();
  expect(chosen?.language).toBe('en');
  expect(chosen!.updated_at.getTime()).toBeGreaterThan(consented!.updated_at.getTime());
});
