import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PermitCatalog, PermitType } from '../../src/domain/catalog/catalogSchema.js';
import { APPLICANT_CHAT, testCatalog, VALID_NIK } from '../support/permitScenario.js';
import { type BotHarness, sampleJpeg, samplePdf, startBotHarness } from './botHarness.js';

// A permit type with a choice field and an optional, size-limited photo, beside the test ones.
const base = testCatalog.permitTypes.find((t) => t.code === 'TEST-FREE')!;
const withChoices: PermitType = {
  ...base,
  code: 'TEST-CHOICE',
  name: { id: 'Izin Uji Pilihan', en: 'Choice Test Permit' },
  fields: [
    base.fields[0]!,
    {
      key: 'category',
      label: { id: 'Kategori dokter', en: 'Doctor category' },
      type: 'select',
      required: true,
      options: [
        { value: 'umum', label: { id: 'Dokter umum', en: 'General practitioner' } },
        { value: 'gigi', label: { id: 'Dokter gigi', en: 'Dentist' } },
      ],
    },
  ],
  documents: [
    base.documents[0]!,
    {
      kind: 'pas_foto',
      label: { id: 'Pas foto', en: 'Passport photo' },
      required: false,
      mimeTypes: ['image/jpeg'],
      maxSizeBytes: 1000,
    },
  ],
};
const catalog: PermitCatalog = { ...testCatalog, permitTypes: [...testCatalog.permitTypes, withChoices] };

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness('bot-choices', { catalog });
  await h.startBot();
});
afterAll(async () => {
  await h?.stop();
});

test('choices come as buttons (or typed), optional documents can be skipped, size limits are explained', async () => {
  const citizen = h.emulator.user(APPLICANT_CHAT);
  citizen.send('/start');
  await citizen.press('Saya setuju', { on: await citizen.expect('Pemberitahuan pelindungan data') });
  await citizen.expect('persetujuan Anda tercatat');
  citizen.send('/ajukan');
  await citizen.press('Izin Uji Pilihan', { on: await citizen.expect('Pilih jenis izin') });
  await citizen.expect('(1/2) NIK pemohon');
  citizen.send(VALID_NIK);

  const question = await citizen.expect('(2/2) Kategori dokter');
  expect(question.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toEqual([
    'Dokter umum',
    'Dokter gigi',
  ]);
  citizen.send('spesialis');
  await citizen.expect('Kategori dokter harus salah satu dari: Dokter umum, Dokter gigi.');
  await citizen.press('Dokter gigi', { on: question });

  await citizen.expect('Dokumen 1/2: KTP elektronik');
  citizen.send('ini KTP saya');
  await citizen.expect('Mohon kirim KTP elektronik sebagai foto atau berkas');
  citizen.sendDocument(samplePdf(), { mimeType: 'application/pdf', fileName: 'ktp.pdf' });
  await citizen.expect('KTP elektronik diterima');

  const photoStep = await citizen.expect(
    'Dokumen 2/2: Pas foto. Kirim sebagai foto atau berkas (JPEG, paling besar 1 KB)',
  );
  citizen.sendPhoto(Buffer.concat([sampleJpeg(), Buffer.alloc(4000)]));
  await citizen.expect('Pas foto paling besar 1 KB; berkas ini 4 KB.');
  await citizen.press('Lewati', { on: photoStep });

  const summary = await citizen.expect('Periksa kembali permohonan Izin Uji Pilihan');
  expect(summary.text).toContain('Kategori dokter: Dokter gigi');
  expect(summary.text).toContain('Dokumen (1):');
  await citizen.press('Kirim permohonan', { on: summary });
  const rn = /Nomor registrasi: (\S+)/.exec((await citizen.expect('Permohonan terkirim')).text)![1]!;
  const { rows } = await h.stack.pool.query(
    'SELECT form_data, documents FROM applications WHERE registration_number = $1',
    [rn],
  );
  expect(rows[0].form_data).toEqual({ applicantNik: VALID_NIK, category: 'gigi' });
  expect(rows[0].documents.map((d: { kind: string }) => d.kind)).toEqual(['ktp']);
});
