import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pdfText } from '../documents/pdfTools.js';
import { APPLICANT_CHAT, auditActions, officers, VALID_NIK } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { type BotHarness, sampleJpeg, startBotHarness } from './botHarness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness('bot-apply');
  await h.startBot();
});
afterAll(async () => {
  await h?.stop();
});

test('a citizen applies through the conversation, officers approve by button and by command, the citizen hears of each step', async () => {
  const citizen = h.emulator.user(APPLICANT_CHAT);
  const verifier = h.emulator.user(officers.verifikator.chat);
  const dinkes = h.emulator.user(officers.teknisDinkes.chat);
  const head = h.emulator.user(officers.kepala.chat);

  citizen.send('/start');
  await citizen.expect('Selamat datang');
  await citizen.press('Saya setuju');
  await citizen.expect('persetujuan Anda tercatat');

  citizen.send('/ajukan');
  await citizen.press('Izin Uji Gratis', { on: await citizen.expect('Pilih jenis izin') });
  await citizen.expect('(1/3) NIK pemohon');

  // A NIK with month 13: the reply says which part is wrong, and asks again.
  citizen.send('3604015713900001');
  await citizen.expect('Bulan lahir pada NIK (angka ke-9–10) harus 01–12.');
  citizen.send(VALID_NIK);
  await citizen.expect('(2/3) Nama lengkap');

  citizen.send('A'.repeat(300));
  await citizen.expect('Nama lengkap paling banyak 120 karakter.');
  citizen.send('Siti Rahmawati');
  await citizen.expect('(3/3) Nomor HP');
  citizen.send('081234567890');

  await citizen.expect('Dokumen 1/1: KTP elektronik');
  citizen.sendDocument(Buffer.from('just some notes'), { mimeType: 'text/plain', fileName: 'ktp.txt' });
  await citizen.expect('KTP elektronik harus berupa berkas PDF, JPEG, PNG.');
  // Declared as a PDF but the content is not one: the store checks the bytes.
  citizen.sendDocument(Buffer.from('not really a pdf'), { mimeType: 'application/pdf', fileName: 'ktp.pdf' });
  await citizen.expect(/KTP elektronik harus berupa berkas PDF, JPEG, PNG; isi berkas/);
  citizen.sendPhoto(sampleJpeg());
  await citizen.expect('KTP elektronik diterima');

  const summary = await citizen.expect('Periksa kembali permohonan Izin Uji Gratis');
  expect(summary.text).toContain('3604••••••••0001');
  expect(summary.text).not.toContain(VALID_NIK);
  expect(summary.text).toContain('Tidak dipungut biaya');
  await citizen.press('Kirim permohonan', { on: summary });
  const receipt = await citizen.expect('Permohonan terkirim');
  const registrationNumber = /Nomor registrasi: (TEST-FREE-\d{4}-\d{6})/.exec(receipt.text)?.[1];
  expect(registrationNumber).toBeDefined();
  const rn = registrationNumber!;
  expect(receipt.text).toMatch(/Kode akses: [2-9A-Z]{5}-[2-9A-Z]{5}/);

  // The read model holds the file with the photo's Telegram file ID and a stored copy.
  const { rows } = await h.stack.pool.query(
    'SELECT channel, applicant_telegram_id, form_data, documents FROM applications WHERE registration_number = $1',
    [rn],
  );
  expect(rows[0]).toMatchObject({
    channel: 'telegram',
    applicant_telegram_id: String(APPLICANT_CHAT),
    form_data: { applicantNik: VALID_NIK, fullName: 'Siti Rahmawati', phone: '+6281234567890' },
  });
  expect(rows[0].documents[0]).toMatchObject({ kind: 'ktp', mimeType: 'image/jpeg' });
  expect(rows[0].documents[0].telegramFileId).toMatch(/^F/);

  await citizen.expect(`Permohonan Izin Uji Gratis Anda diterima dengan nomor ${rn}`);

  // Unknown commands and a citizen trying an officer's command get helpful, revealing-nothing replies.
  citizen.send('/terbang');
  await citizen.expect('Perintah /terbang tidak dikenal');
  citizen.send(`/setujui ${rn}`);
  const refusal = await citizen.expect('hanya untuk petugas yang terdaftar');
  expect(refusal.text).not.toContain(rn);

  // The verifier is told and decides from the inbox; the same callback delivered twice decides once.
  await verifier.expect(`Berkas untuk Anda: ${rn}`);
  verifier.send('/tugas');
  const item = await verifier.expect(`📄 ${rn} — Izin Uji Gratis\nTahap:`);
  expect(item.text).toContain('Pemeriksaan kelengkapan berkas');
  const pressed = await verifier.press('Setujui', { on: item, callbackQueryId: 'approve-once' });
  await verifier.expect(`Keputusan tercatat. Berkas ${rn} kini sedang diproses`);
  verifier.pressData(pressed.data, item, 'approve-once');
  await verifier.expect(`Keputusan tercatat. Berkas ${rn} kini sedang diproses`);
  await citizen.expect(`Berkas ${rn} lolos tahap sebelumnya`);

  // The Dinkes reviewer approves by command (English alias), the head signs with a note.
  await dinkes.expect(`Berkas untuk Anda: ${rn}`);
  dinkes.send(`/approve ${rn}`);
  await dinkes.expect(`Keputusan tercatat. Berkas ${rn}`);
  await head.expect(`Berkas untuk Anda: ${rn}`);
  head.send(`/setujui ${rn.toLowerCase()} lengkap dan sesuai`);
  await head.expect(`Berkas ${rn} kini izin terbit`);

  const issued = await citizen.expect('Izin Anda terbit');
  expect(issued.text).toMatch(/Nomor SK: SK\/TEST-FREE\/\d{4}\/\d{6}/);
  // The issue notice comes as the caption of the permit document: the bytes the system stored.
  expect(issued.method).toBe('sendDocument');
  expect(issued.text).toContain('Dokumen SK terlampir');
  expect(issued.document).toMatch(/^SK-SK-TEST-FREE-\d{4}-\d{6}\.pdf$/);
  const stored = await h.stack.pool.query<{ sha256: string }>(
    'SELECT sha256 FROM permit_documents WHERE registration_number = $1',
    [rn],
  );
  const sentBytes = issued.documentBytes ?? Buffer.alloc(0);
  expect(createHash('sha256').update(sentBytes).digest('hex')).toBe(stored.rows[0]?.sha256);
  expect(await pdfText(sentBytes)).toContain('Siti Rahmawati');
  expect(await auditActions(h.stack.pool, rn)).toEqual([
    'submitted',
    'stage_approved',
    'stage_approved',
    'issued',
  ]);

  // The citizen's view of the closed file, and every notice they got, in order.
  citizen.send(`/cek ${rn}`);
  const card = await citizen.expect(`${rn} — Izin Uji Gratis`);
  expect(card.text).toContain('Status: izin terbit');
  // Notices of one file may arrive in any order; all four arrive, each once.
  const notices = () =>
    citizen
      .messages()
      .filter(
        (m) => m.text.includes(rn) && /diterima dengan nomor|lolos tahap|Izin Anda terbit/.test(m.text),
      );
  await waitFor('the four notices of the file', () => notices().length >= 4);
  expect(notices()).toHaveLength(4);

  // Someone else holding the number and the access code may read the status; the message with
  // the code is removed from their chat. With the number alone they learn nothing.
  const accessCode = /Kode akses: (\S+)/.exec(receipt.text)![1]!;
  const relative = h.emulator.user(5055);
  relative.send(`/cek ${rn}`);
  expect((await relative.expect('tidak ditemukan untuk akun Anda')).text).not.toContain('Izin Uji Gratis');
  relative.send(`/cek ${rn} ${accessCode.toLowerCase()}`);
  expect((await relative.expect(`${rn} — Izin Uji Gratis`)).text).toContain('Status: izin terbit');
  const deleted = h.emulator.callsOf('deleteMessage').find((c) => Number(c.payload.chat_id) === 5055);
  expect(deleted?.payload.message_id).toBeDefined();

  // Nobody's NIK or access code reached a chat other than the applicant's own receipt.
  const others = h.emulator.sent.filter((m) => m.chatId !== APPLICANT_CHAT);
  expect(others.some((m) => m.text.includes(VALID_NIK) || m.text.includes(accessCode))).toBe(false);
});

test('forged, foreign and expired buttons are refused politely', async () => {
  const citizen = h.emulator.user(APPLICANT_CHAT);
  const verifier = h.emulator.user(officers.verifikator.chat);
  const someMessage = citizen.messages().at(-1)!;

  const forged = citizen.pressData('t:AAAAAAAAAAAAAAAA', someMessage);
  expect(await citizen.expectCallbackAnswer(forged.callbackQueryId)).toContain('tidak berlaku');
  const garbage = citizen.pressData('approve:TEST-FREE-2026-000001', someMessage);
  expect(await citizen.expectCallbackAnswer(garbage.callbackQueryId)).toContain('tidak berlaku');

  // A real officer button, pressed by the citizen: bound to the officer, so refused.
  const officerButton = verifier
    .messages()
    .flatMap((m) => m.replyMarkup?.inline_keyboard.flat() ?? [])
    .find((b) => 'callback_data' in b);
  expect(officerButton).toBeDefined();
  const foreign = citizen.pressData((officerButton as { callback_data: string }).callback_data, someMessage);
  expect(await citizen.expectCallbackAnswer(foreign.callbackQueryId)).toContain('bukan untuk Anda');

  // An expired button of the citizen's own.
  citizen.send('/bahasa');
  const choice = await citizen.expect('Pilih bahasa');
  await h.stack.pool.query("UPDATE bot_callback_tokens SET expires_at = now() - interval '1 second'");
  const stale = await citizen.press('English', { on: choice });
  expect(await citizen.expectCallbackAnswer(stale.callbackQueryId)).toContain('tidak berlaku');
  await waitFor('the language to stay Indonesian', async () => {
    const { rows } = await h.stack.pool.query('SELECT language FROM bot_users WHERE telegram_user_id = $1', [
      APPLICANT_CHAT,
    ]);
    return rows[0]?.language === 'id';
  });
});
