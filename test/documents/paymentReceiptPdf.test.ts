import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type PaidFile,
  paymentReceiptModelOf,
} from '../../src/documents/paymentReceipt/paymentReceiptModel.js';
import { renderPaymentReceiptPdf } from '../../src/documents/paymentReceipt/paymentReceiptPdf.js';
import { jakartaWallTime } from '../../src/domain/calendar/jakartaTime.js';
import { findPermitType } from '../../src/domain/catalog/catalogLookup.js';
import { loadCatalog } from '../../src/domain/catalog/loadCatalog.js';
import { billingCodeOf } from '../../src/domain/identifiers/billingCode.js';
import { pdfFonts, pdfText } from './pdfTools.js';
import { SAMPLE_NIK, sampleOffice } from './samplePermitDecision.js';

const catalog = loadCatalog('data/catalog/permit-types.yaml');
const squash = (text: string) => text.replace(/\s+/g, ' ');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function paidFile(overrides: Partial<PaidFile> = {}): PaidFile {
  const type = findPermitType(catalog, 'PBG');
  if (!type) throw new Error('the shipped catalog has no PBG');
  return {
    registrationNumber: 'PBG-2026-000042',
    permitType: type,
    applicantName: null,
    formValues: { applicantNik: SAMPLE_NIK, fullName: 'Budi Santoso', floorArea: 120.5 },
    billingCode: billingCodeOf(42),
    payment: {
      reference: 'BJB-20261130-000777',
      amount: 1446000,
      paidAt: jakartaWallTime('2026-12-02 09:41'),
    },
    ...overrides,
  };
}

describe('the payment receipt PDF', { timeout: 30_000 }, () => {
  it('holds the file, the payer with the NIK masked, the amount in figures and words, the codes and the time', async () => {
    const file = paidFile();
    const text = squash(
      await pdfText(await renderPaymentReceiptPdf(paymentReceiptModelOf(sampleOffice, file))),
    );
    expect(text).toContain('BUKTI PEMBAYARAN RETRIBUSI DAERAH');
    expect(text).toContain('Nomor: BPR/PBG-2026-000042');
    expect(text).toContain(sampleOffice.government.id);
    expect(text).toContain('Nama wajib retribusi : Budi Santoso');
    expect(text).toContain('NIK : 3604********0001');
    expect(text).not.toContain(SAMPLE_NIK);
    expect(text).toContain('Nomor registrasi : PBG-2026-000042');
    expect(text).toContain('Persetujuan Bangunan Gedung');
    expect(text).toContain('Jumlah dibayar : Rp 1.446.000');
    expect(text).toContain('satu juta empat ratus empat puluh enam ribu rupiah');
    expect(text).toContain(`Kode bayar : ${file.billingCode?.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
    expect(text).toContain('Referensi pembayaran : BJB-20261130-000777');
    expect(text).toContain('Waktu pembayaran : 2 Desember 2026 pukul 09.41 WIB');
    expect(text).toContain('Diterbitkan di Serang pada tanggal 2 Desember 2026');
  });

  it('is byte-identical for the same payment and embeds the Arimo fonts', async () => {
    const first = await renderPaymentReceiptPdf(paymentReceiptModelOf(sampleOffice, paidFile()));
    const second = await renderPaymentReceiptPdf(paymentReceiptModelOf(sampleOffice, paidFile()));
    expect(sha256(first)).toBe(sha256(second));
    expect(await pdfFonts(first)).toMatch(/Arimo/);
  });

  it('prints the recorded name over the form, and a dash for a payment made before any SKRD', async () => {
    const model = paymentReceiptModelOf(
      sampleOffice,
      paidFile({ applicantName: 'Budi S.', billingCode: null }),
    );
    const text = squash(await pdfText(await renderPaymentReceiptPdf(model)));
    expect(text).toContain('Nama wajib retribusi : Budi S.');
    expect(text).toContain('Kode bayar : -');
  });
});
