import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { skrdModelOf } from '../../src/documents/skrd/skrdModelOf.js';
import { renderSkrdPdf } from '../../src/documents/skrd/skrdPdf.js';
import { jakartaWallTime } from '../../src/domain/calendar/jakartaTime.js';
import { findPermitType } from '../../src/domain/catalog/catalogLookup.js';
import { loadCatalog } from '../../src/domain/catalog/loadCatalog.js';
import { billingCodeOf } from '../../src/domain/identifiers/billingCode.js';
import { pdfFonts, pdfText } from './pdfTools.js';
import { SAMPLE_NIK, sampleOffice } from './samplePermitDecision.js';

const catalog = loadCatalog('data/catalog/permit-types.yaml');
const squash = (text: string) => text.replace(/\s+/g, ' ');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function sampleSkrd() {
  const type = findPermitType(catalog, 'PBG');
  if (!type) throw new Error('the shipped catalog has no PBG');
  return skrdModelOf(sampleOffice, {
    registrationNumber: 'PBG-2026-000042',
    permitType: type,
    applicantName: 'Budi Santoso',
    formValues: { applicantNik: SAMPLE_NIK, floorArea: 120.5 },
    amount: 1446000,
    billingCode: billingCodeOf(42),
    issuedAt: jakartaWallTime('2026-11-30 14:05'),
    dueAt: jakartaWallTime('2026-12-14 14:05'),
  });
}

describe('the SKRD PDF', { timeout: 30_000 }, () => {
  it('holds the amount in figures and words, the billing code, the due date and the formula', async () => {
    const model = sampleSkrd();
    const text = squash(await pdfText(await renderSkrdPdf(model)));
    expect(text).toContain('SURAT KETETAPAN RETRIBUSI DAERAH (SKRD)');
    expect(text).toContain('SKRD/PBG-2026-000042');
    expect(text).toContain('Rp 1.446.000');
    expect(text).toContain('satu juta empat ratus empat puluh enam ribu rupiah');
    expect(text).toContain(`Kode bayar : ${model.billingCode.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
    expect(text).toContain('14 Desember 2026 pukul 14.05 WIB');
    expect(text).toContain('120,5 m² × Rp 12.000/m² = Rp 1.446.000');
    // Two columns: pdftotext interleaves the wrapped value with the English label.
    expect(text).toContain('Dasar hukum : Peraturan Daerah Kabupaten Serang tentang Pajak Daerah dan');
    expect(text).toContain('Bayar hanya dengan kode bayar di atas');
    expect(text).toContain('Budi Santoso');
    expect(text).not.toContain(SAMPLE_NIK);
  });

  it('is byte-identical for the same model and embeds the Arimo fonts', async () => {
    const first = await renderSkrdPdf(sampleSkrd());
    const second = await renderSkrdPdf(sampleSkrd());
    expect(sha256(first)).toBe(sha256(second));
    expect(await pdfFonts(first)).toMatch(/Arimo/);
  });

  it('prints the assessed amount without a formula when the catalog no longer gives it', async () => {
    const model = skrdModelOf(sampleOffice, {
      ...sampleSkrd(),
      registrationNumber: 'PBG-2026-000043',
      permitType: findPermitType(catalog, 'PBG')!,
      applicantName: 'Budi Santoso',
      formValues: { floorArea: 10 },
      amount: 999000,
      billingCode: billingCodeOf(43),
      issuedAt: jakartaWallTime('2026-11-30 14:05'),
      dueAt: jakartaWallTime('2026-12-14 14:05'),
    });
    const text = squash(await pdfText(await renderSkrdPdf(model)));
    expect(text).toContain('Retribusi sesuai tarif yang berlaku pada saat penetapan: Rp 999.000');
    expect(text).toContain('sembilan ratus sembilan puluh sembilan ribu rupiah');
  });
});
