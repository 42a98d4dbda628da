import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { APPLICANT_CHAT, auditActions, officers, VALID_NIK } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { type BotHarness, samplePdf, startBotHarness } from './botHarness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness('bot-revision');
  await h.startBot();
});
afterAll(async () => {
  await h?.stop();
});

/** A TEST-FREE file of the citizen's, with a real stored KTP, submitted through the service. */
async function fileWithStoredKtp(): Promise<string> {
  const stored = await h.services.documents.storeUpload('TEST-FREE', 'ktp', Readable.from([samplePdf()]));
  const { registrationNumber } = await h.services.intake.submit({
    permitTypeCode: 'TEST-FREE',
    formData: { applicantNik: VALID_NIK, fullName: 'Siti Rahmawati' },
    documents: [{ kind: 'ktp', sha256: stored.sha256, uploadToken: stored.uploadToken }],
    channel: 'telegram',
    idempotencyKey: randomUUID(),
    applicantTelegramUserId: APPLICANT_CHAT,
  });
  return registrationNumber;
}

test('an officer asks for a revision from the inbox; the English-speaking citizen sends a new document and the clock resumes', async () => {
  const citizen = h.emulator.user(APPLICANT_CHAT, { languageCode: 'id' });
  const verifier = h.emulator.user(officers.verifikator.chat);

  citizen.send('/language');
  await citizen.press('English', { on: await citizen.expect('Choose your language') });
  await citizen.expect('Language set to English');
  const menu = await waitFor('the chat menu in English', () =>
    h.emulator
      .callsOf('setMyCommands')
      .find((c) => (c.payload.scope as { chat_id?: number } | undefined)?.chat_id === APPLICANT_CHAT),
  );
  expect((menu.payload.commands as { command: string }[]).map((c) => c.command)).toContain('apply');

  const rn = await fileWithStoredKtp();
  await citizen.expect(`Your Free Test Permit application was received with number ${rn}`);

  // The officer looks at the documents, then asks for a revision: the bot asks for the note first.
  const notice = await verifier.expect(`Berkas untuk Anda: ${rn}`);
  await verifier.press('Dokumen', { on: notice });
  await verifier.expect(`${rn} · KTP elektronik`);
  const sentDocument = h.emulator.sent.find(
    (m) => m.chatId === officers.verifikator.chat && m.method === 'sendDocument',
  );
  expect(sentDocument?.document).toBe(`${rn}-ktp.pdf`);
  await verifier.press('Minta perbaikan', { on: notice });
  await verifier.expect(`Tulis catatan perbaikan untuk ${rn}`);
  verifier.send('   ');
  await verifier.expect('Catatan tidak boleh kosong');
  verifier.send('Foto KTP buram, mohon unggah ulang yang jelas.');
  await verifier.expect(`Berkas ${rn} kini menunggu perbaikan dari pemohon`);

  const revision = await citizen.expect(`An officer asks for corrections to file ${rn}`);
  expect(revision.text).toContain('Note: Foto KTP buram, mohon unggah ulang yang jelas.');
  await citizen.press('Send corrections', { on: revision });
  await citizen.expect("The officer's note: Foto KTP buram");
  const choices = await citizen.expect('Changes prepared: 0');
  await citizen.press('Send corrections', { on: choices });
  await citizen.expect('Nothing has been corrected yet');
  await citizen.press('Electronic ID card (KTP)', { on: await citizen.expect('Changes prepared: 0') });
  await citizen.expect('Document 1/1: Electronic ID card (KTP)');
  const clearer = Buffer.concat([samplePdf(), Buffer.from('% clearer scan\n')]);
  citizen.sendDocument(clearer, { mimeType: 'application/pdf', fileName: 'ktp-jelas.pdf' });
  await citizen.expect('Electronic ID card (KTP) received');
  await citizen.press('Send corrections', { on: await citizen.expect('Changes prepared: 1') });
  await citizen.expect(`Corrections for ${rn} sent`);

  await verifier.expect(`Pemohon mengirim perbaikan untuk ${rn}`);
  await citizen.expect(`Your corrections for ${rn} were received; the service clock resumes`);
  expect(await auditActions(h.stack.pool, rn)).toEqual(['submitted', 'revision_requested', 'resubmitted']);
  const { rows } = await h.stack.pool.query(
    'SELECT status, paused, pause_count, documents FROM applications WHERE registration_number = $1',
    [rn],
  );
  expect(rows[0]).toMatchObject({ status: 'IN_REVIEW', paused: false, pause_count: 1 });
  expect(rows[0].documents).toHaveLength(1);
  expect(rows[0].documents[0].sizeBytes).toBe(clearer.length);

  // Rejection from the inbox asks for the reason, which the citizen then reads.
  verifier.send('/inbox');
  await verifier.press('Tolak', { on: await verifier.expect(`📄 ${rn} — Izin Uji Gratis\nTahap:`) });
  await verifier.expect(`Tulis alasan penolakan untuk ${rn}`);
  verifier.send('Pemohon bukan dokter.');
  await verifier.expect(`Berkas ${rn} kini ditolak`);
  const rejected = await citizen.expect(`Application ${rn} was rejected`);
  expect(rejected.text).toContain('Reason: Pemohon bukan dokter.');
});

test('a citizen withdraws their own application after confirming; others cannot', async () => {
  const citizen = h.emulator.user(APPLICANT_CHAT);
  const rn = await fileWithStoredKtp();
  await citizen.expect(`application was received with number ${rn}`);

  const stranger = h.emulator.user(5099);
  stranger.send(`/batal ${rn}`);
  await stranger.expect('tidak ditemukan untuk akun Anda');

  citizen.send(`/withdraw ${rn}`);
  await citizen.press('Yes, withdraw it', { on: await citizen.expect(`Withdraw application ${rn}?`) });
  await citizen.expect(`Application ${rn} has been withdrawn.`);
  await citizen.expect(`Application ${rn} was withdrawn at your request`);
  citizen.send(`/withdraw ${rn}`);
  await citizen.expect(`The file ${rn} is closed`);

  citizen.send('/mine');
  const list = await citizen.expect('Your applications:');
  expect(list.text).toContain(`${rn} — Free Test Permit`);
  expect(list.text).toContain('withdrawn by the applicant');
});
