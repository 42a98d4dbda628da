import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderPermitDecisionPdf } from '../../src/documents/permitDecision/permitDecisionPdf.js';
import { jakartaWallTime } from '../../src/domain/calendar/jakartaTime.js';
import { pdfFonts, pdfPageCount, pdfText, qrCodesOnPage } from './pdfTools.js';
import {
  SAMPLE_HOLDER,
  SAMPLE_NIK,
  SAMPLE_PERMIT_NUMBER,
  SAMPLE_VERIFICATION_URL,
  samplePermitDecision,
} from './samplePermitDecision.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** pdftotext -layout keeps columns apart with runs of spaces: compare on single spaces. */
const squash = (text: string) => text.replace(/\s+/g, ' ');

const DEEMED_BASIS = 'UU 30/2014 tentang Administrasi Pemerintahan Pasal 53, sebagaimana diubah UU 6/2023';

// Each test runs poppler and zbar as processes: allow for a loaded machine.
describe('the permit decision PDF', { timeout: 30_000 }, () => {
  it('holds the number, holder, type, masked NIK and dates, and never the full NIK', async () => {
    const pdf = await renderPermitDecisionPdf(samplePermitDecision());
    const text = squash(await pdfText(pdf));
    expect(text).toContain(SAMPLE_PERMIT_NUMBER);
    expect(text).toContain(SAMPLE_HOLDER);
    expect(text).toContain('SURAT IZIN PRAKTIK DOKTER');
    expect(text).toContain("Doctor's Practice Permit");
    expect(text).toContain('3604********0001');
    expect(text).not.toContain(SAMPLE_NIK);
    expect(text.replace(/\D/g, '')).not.toContain(SAMPLE_NIK);
    expect(text).toContain('Ditetapkan di Serang');
    expect(text).toContain('pada tanggal 30 November 2026');
    expect(text).toContain('5 tahun, sampai dengan 29 November 2031');
    expect(text).toContain('RSUD dr. Dradjat Prawiranegara');
    expect(text).toContain('Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan');
    expect(text).toContain('Rekomendasi Dinas Kesehatan: Disetujui, 26 November 2026');
    expect(text).toContain('PEMERINTAH KABUPATEN SERANG');
    expect(text).not.toContain('FIKTIF POSITIF');
  });

  it('carries a QR code on page 1 that holds the verification URL, also printed as text', async () => {
    const pdf = await renderPermitDecisionPdf(samplePermitDecision());
    expect(await pdfPageCount(pdf)).toBe(1);
    expect(await qrCodesOnPage(pdf, 1)).toEqual([SAMPLE_VERIFICATION_URL]);
    expect((await pdfText(pdf)).replace(/\s+/g, '')).toContain(SAMPLE_VERIFICATION_URL);
  });

  it('is byte-identical when rendered again from the same model, later', async () => {
    const first = await renderPermitDecisionPdf(samplePermitDecision());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await renderPermitDecisionPdf(samplePermitDecision());
    expect(sha256(second)).toBe(sha256(first));
    // CreationDate and ModDate: the moment of issue, 14:05 WIB.
    expect(first.toString('latin1').match(/\(D:20261130070500Z\)/g)).toHaveLength(2);
  });

  it('changes when anything printed changes', async () => {
    const base = sha256(await renderPermitDecisionPdf(samplePermitDecision()));
    const other = await renderPermitDecisionPdf(
      samplePermitDecision({ permitNumber: `${SAMPLE_PERMIT_NUMBER}X` }),
    );
    expect(sha256(other)).not.toBe(base);
  });

  it('embeds its fonts, on A4', async () => {
    const pdf = await renderPermitDecisionPdf(samplePermitDecision());
    const fonts = (await pdfFonts(pdf))
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) expect(line).toMatch(/Arimo.*\byes\s+yes\s+yes\b/);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('states a deemed approval in words with its legal basis, and stays verifiable', async () => {
    const model = samplePermitDecision({ decision: { kind: 'deemed', legalBasis: DEEMED_BASIS } });
    const pdf = await renderPermitDecisionPdf(model);
    const text = squash(await pdfText(pdf));
    expect(text).toContain('DIANGGAP DIKABULKAN SECARA HUKUM (FIKTIF POSITIF)');
    expect(text).toContain('UU 30/2014 tentang Administrasi Pemerintahan Pasal 53');
    expect(text).toContain('deemed granted by law');
    expect(await qrCodesOnPage(pdf, 1)).toEqual([SAMPLE_VERIFICATION_URL]);
  });

  it('prints an indefinite permit without an end date', async () => {
    const pdf = await renderPermitDecisionPdf(
      samplePermitDecision({ validity: 'indefinite', validUntil: null }),
    );
    expect(squash(await pdfText(pdf))).toContain('Masa berlaku : Tanpa batas waktu');
  });

  it('moves the closing to a second page when the content is long, keeping the QR code whole', async () => {
    const legalBasis = Array.from(
      { length: 14 },
      (_, i) => `Peraturan Uji Nomor ${i + 1} Tahun 2026 tentang Hal ${i + 1}`,
    );
    const pdf = await renderPermitDecisionPdf(
      samplePermitDecision({ legalBasis, issuedAt: jakartaWallTime('2026-12-01 09:00') }),
    );
    expect(await pdfPageCount(pdf)).toBe(2);
    expect(await qrCodesOnPage(pdf, 2)).toEqual([SAMPLE_VERIFICATION_URL]);
    expect(squash(await pdfText(pdf))).toContain('pada tanggal 1 Desember 2026');
  });
});
