import { afterAll, beforeAll, expect, test } from 'vitest';
import { complaintWorkflowId } from '../../src/workflows/complaint/complaintContract.js';
import { historyPayloads } from '../support/historyPayloads.js';
import { APPLICANT_CHAT, officers } from '../support/permitScenario.js';
import { type BotHarness, fileWithStoredKtp, startBotHarness } from './botHarness.js';

// Complaints through the real bot against the Bot API emulator, with the test catalog's
// seconds-scale answer deadline.
let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness('bot-complaints');
  await h.startBot();
});
afterAll(async () => {
  await h?.stop();
});

const COMPLAINT = 'Sudah lewat tenggat tetapi berkas saya belum diperiksa sama sekali';
const ANSWER = 'Mohon maaf, berkas Anda diperiksa hari ini oleh petugas verifikasi';
const PUNGLI = 'Ada orang di depan kantor meminta Rp 300.000 untuk mempercepat izin';

const ticketIn = (text: string) => /ADU-\d{4}-\d{6}/.exec(text)?.[0] ?? '';

test("a citizen's complaint about their file: /pengaduan, the manager answers from /aduan, the citizen is told and reopens", async () => {
  const rn = await fileWithStoredKtp(h);
  const citizen = h.emulator.user(APPLICANT_CHAT);
  const manager = h.emulator.user(officers.manager.chat);

  citizen.send('/pengaduan');
  const categories = await citizen.expect('Apa yang ingin Anda adukan?');
  await citizen.press('Keterlambatan layanan', { on: categories });
  const files = await citizen.expect('Apakah pengaduan ini tentang salah satu berkas Anda?');
  expect(files.replyMarkup!.inline_keyboard.flat().map((b) => b.text)).toEqual([rn, 'Tanpa berkas (anonim)']);
  await citizen.press(rn, { on: files });
  await citizen.expect('Tulis pengaduan Anda dalam satu pesan');
  citizen.send(COMPLAINT);
  const filed = await citizen.expect('Pengaduan Anda tercatat dengan nomor tiket');
  const ticket = ticketIn(filed.text);
  expect(ticket).not.toBe('');
  expect(filed.text).toMatch(/Kode tiket: [2-9A-Z]{5}-[2-9A-Z]{5}/);

  // The managers of the file's department hear of it with a button to answer.
  const notice = await manager.expect(`Pengaduan baru ${ticket}`);
  expect(notice.text).not.toContain(COMPLAINT);
  manager.send('/aduan');
  await manager.expect('Pengaduan yang menunggu jawaban: 1');
  const item = await manager.expect(`🗣️ ${ticket} · ⏳ Keterlambatan layanan`);
  expect(item.text).toContain(`Berkas: ${rn}`);
  await manager.press('Jawab pengaduan', { on: item });
  expect((await manager.expect(`Pengaduan ${ticket}`)).text).toContain(COMPLAINT);
  await manager.expect(`Tulis jawaban untuk pengaduan ${ticket}`);
  manager.send(ANSWER);
  await manager.expect(`Jawaban untuk pengaduan ${ticket} tercatat`);

  const told = await citizen.expect(`Jawaban atas pengaduan ${ticket}`);
  expect(told.text).toContain(ANSWER);
  await citizen.press('Belum puas: buka kembali', { on: told });
  await citizen.expect(`Pengaduan ${ticket} dibuka kembali`);
  await manager.expect(`Pelapor membuka kembali pengaduan ${ticket}`);
  // A second press of the same button: reopened once only.
  await citizen.press('Belum puas: buka kembali', { on: told });
  await citizen.expect('belum dijawab');

  const history = await historyPayloads(h.stack.client.workflow.getHandle(complaintWorkflowId(ticket)));
  expect(history).not.toContain(COMPLAINT);
  expect(history).not.toContain(ANSWER);
});

test('an anonymous pungli report from an account with no file: no identity stored, the second level told at once', async () => {
  const stranger = h.emulator.user(9101);
  const headOfOffice = h.emulator.user(officers.kepalaKantor.chat);
  stranger.send('/pengaduan');
  await stranger.press('Pungutan liar', { on: await stranger.expect('Apa yang ingin Anda adukan?') });
  await stranger.expect('Tulis pengaduan Anda dalam satu pesan');
  stranger.send(PUNGLI);
  const filed = await stranger.expect('tanpa identitas Anda');
  const ticket = ticketIn(filed.text);
  await headOfOffice.expect(`Laporan pungutan liar ${ticket}`);
  const { rows } = await h.stack.pool.query('SELECT * FROM complaints WHERE ticket = $1', [ticket]);
  expect(rows[0]).toMatchObject({
    registration_number: null,
    category: 'pungli',
    body: PUNGLI,
    channel: 'telegram',
  });
  expect(JSON.stringify(rows[0])).not.toContain('9101');
  // The missed answer deadline escalates to the second level as well.
  await headOfOffice.expect(`Eskalasi: pengaduan ${ticket}`);
});
