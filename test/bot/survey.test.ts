import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SentMessage, TestUser } from '../support/botApiEmulator.js';
import { historyPayloads } from '../support/historyPayloads.js';
import { APPLICANT_CHAT, decide, type PermitHandle } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { type BotHarness, fileWithStoredKtp, startBotHarness } from './botHarness.js';

let h: BotHarness;
/** One applicant for the whole file, so a message taken by one test is not matched again by the next. */
let citizen: TestUser;
beforeAll(async () => {
  h = await startBotHarness('bot-survey');
  await h.startBot();
  citizen = h.emulator.user(APPLICANT_CHAT);
});
afterAll(async () => {
  await h?.stop();
});

const COMMENT = 'Petugas loket sangat membantu, terima kasih';

/** A TEST-FREE file of the citizen's and its workflow. */
async function citizensFile(): Promise<{ rn: string; handle: PermitHandle }> {
  const rn = await fileWithStoredKtp(h);
  return { rn, handle: h.stack.client.workflow.getHandle(rn) };
}

/** Presses a score (or Lewati) on the question `(n/9)` and waits for the next step. */
async function answer(question: SentMessage, label: string, next: string) {
  await citizen.press(label, { on: question });
  return citizen.expect(next);
}

test('the issued file invites its applicant once; the survey is answered in the bot with a skip and a restart', async () => {
  const { rn, handle } = await citizensFile();
  citizen.send(`/survei ${rn}`);
  await citizen.expect(`Survei untuk berkas ${rn} dapat diisi setelah berkas selesai`);

  await decide(handle, 'verifikator', { decision: 'approve' });
  await decide(handle, 'teknisDinkes', { decision: 'approve' });
  await decide(handle, 'kepala', { decision: 'approve' });
  // The "issued" notice points to the invitation, which follows it.
  expect((await citizen.expect('Izin Anda terbit')).text).toContain('undangan Survei Kepuasan Masyarakat');
  const invitation = await citizen.expect(`Berkas ${rn} sudah selesai. Bantu kami`);
  await citizen.press('Isi survei', { on: invitation });
  await citizen.expect(`Survei Kepuasan Masyarakat — berkas ${rn}`);

  // One message per element, the regulation's wording on each score.
  let question = await citizen.expect('(1/9) Persyaratan');
  const labels = question.replyMarkup!.inline_keyboard.flat().map((b) => b.text);
  expect(labels).toEqual([
    '1 · Tidak sesuai',
    '2 · Kurang sesuai',
    '3 · Sesuai',
    '4 · Sangat sesuai',
    'Lewati',
  ]);
  question = await answer(question, '3 · Sesuai', '(2/9) Sistem, mekanisme, dan prosedur');
  const skipped = await answer(question, '4 · Sangat mudah', '(3/9) Waktu penyelesaian');
  question = await answer(skipped, 'Lewati', '(4/9) Biaya/tarif');
  expect(question.replyMarkup!.inline_keyboard.flat().map((b) => b.text)).toContain('4 · Gratis');
  // The answered question keeps its answer and loses its buttons.
  await waitFor('the skipped question to show it was skipped', () => skipped.text.endsWith('➜ dilewati'));

  // The bot restarts half-way: the survey resumes at the same question, on the same buttons.
  await h.stopBot();
  const waiting = await h.stack.pool.query('SELECT storage_key FROM bot_conversations');
  expect(waiting.rows.map((r) => r.storage_key)).toEqual([`chat:${APPLICANT_CHAT}`]);
  await h.startBot();

  question = await answer(question, '4 · Gratis', '(5/9) Produk spesifikasi jenis pelayanan');
  question = await answer(question, '3 · Sesuai', '(6/9) Kompetensi pelaksana');
  question = await answer(question, '4 · Sangat kompeten', '(7/9) Perilaku pelaksana');
  question = await answer(question, '4 · Sangat sopan dan ramah', '(8/9) Penanganan pengaduan');
  question = await answer(question, '2 · Ada tetapi tidak berfungsi', '(9/9) Sarana dan prasarana');
  await answer(question, '3 · Baik', 'Ada saran atau komentar');
  citizen.send(COMMENT);
  await citizen.expect(`Penilaian Anda untuk berkas ${rn} tercatat (8 dari 9 unsur dinilai)`);

  const { rows } = await h.stack.pool.query('SELECT * FROM survey_responses');
  expect(rows).toEqual([
    expect.objectContaining({
      permit_type: 'TEST-FREE',
      department: 'DPMPTSP',
      channel: 'telegram',
      u1: 3,
      u2: 4,
      u3: null,
      u4: 4,
      u5: 3,
      u6: 4,
      u7: 4,
      u8: 2,
      u9: 3,
      comment: COMMENT,
    }),
  ]);
  // Nothing of the survey stays in the bot's conversation store, nor went to the workflow.
  await waitFor(
    'the finished survey conversation to be removed',
    async () => (await h.stack.pool.query('SELECT 1 FROM bot_conversations')).rowCount === 0,
  );
  const payloads = await historyPayloads(handle);
  expect(payloads).toContain('ISSUED');
  expect(payloads).not.toContain('Petugas loket');

  // Once per file: the invitation came once, and a second answer is refused.
  citizen.send(`/survey ${rn}`);
  await citizen.expect(`Survei untuk berkas ${rn} sudah diisi`);
  expect(
    citizen.messages().filter((m) => m.text.includes(`Berkas ${rn} sudah selesai. Bantu kami`)),
  ).toHaveLength(1);
  await citizen.press('Isi survei', { on: invitation });
  await citizen.expect(`Survei untuk berkas ${rn} sudah diisi`);
});

test('a withdrawn file is invited too; skipping every question sends nothing; another account cannot answer', async () => {
  const { rn } = await citizensFile();
  citizen.send(`/batal ${rn}`);
  await citizen.press('Ya, cabut', { on: await citizen.expect(`Cabut permohonan ${rn}?`) });
  const invitation = await citizen.expect(`Berkas ${rn} sudah selesai. Bantu kami`);

  const stranger = h.emulator.user(5077);
  stranger.send(`/survei ${rn}`);
  await stranger.expect('tidak ditemukan pada akun Telegram Anda');

  await citizen.press('Isi survei', { on: invitation });
  for (let i = 1; i <= 9; i++) {
    await citizen.press('Lewati', { on: await citizen.expect(`(${i}/9)`) });
  }
  await citizen.expect(
    `Semua pertanyaan dilewati, jadi survei tidak dikirim. Anda dapat mengisinya lagi dengan /survei ${rn}`,
  );
  citizen.send(`/survei ${rn}`);
  await citizen.expect(`Survei Kepuasan Masyarakat — berkas ${rn}`);
  await citizen.press('1 · Tidak sesuai', { on: await citizen.expect('(1/9) Persyaratan') });
  for (let i = 2; i <= 9; i++) {
    await citizen.press('Lewati', { on: await citizen.expect(`(${i}/9)`) });
  }
  await citizen.press('Kirim tanpa komentar', { on: await citizen.expect('Ada saran atau komentar') });
  await citizen.expect(`Penilaian Anda untuk berkas ${rn} tercatat (1 dari 9 unsur dinilai)`);
  const { rows } = await h.stack.pool.query(
    'SELECT u1, u2, comment FROM survey_responses ORDER BY id DESC LIMIT 1',
  );
  expect(rows[0]).toEqual({ u1: 1, u2: null, comment: null });
});
