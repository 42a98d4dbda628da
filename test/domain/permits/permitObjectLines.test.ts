import { describe, expect, it } from 'vitest';
import { findPermitType } from '../../../src/domain/catalog/catalogLookup.js';
import { loadCatalog } from '../../../src/domain/catalog/loadCatalog.js';
import { permitObjectLines } from '../../../src/domain/permits/permitObjectLines.js';
import { SHIPPED_CATALOG_PATH } from '../catalog/catalogTestSupport.js';

const catalog = loadCatalog(SHIPPED_CATALOG_PATH);
const reklame = findPermitType(catalog, 'REKLAME')!;
const values = {
  applicantNik: '3604015708900001',
  fullName: 'Siti Nurhaliza',
  phone: '+6281234567890',
  reklameType: 'billboard',
  adContent: 'Toko Sumber Rejeki',
  location: 'Jl. Raya Serang–Cilegon Km 3',
  billboardArea: 12.5,
  durationMonths: 6,
  startDate: '2026-12-01',
};

describe('permitObjectLines', () => {
  it('prints the listed fields in order, with labels and readable values', () => {
    expect(permitObjectLines(reklame, values, 'id')).toEqual([
      { label: 'Jenis reklame', value: 'Papan / billboard' },
      { label: 'Naskah / isi reklame', value: 'Toko Sumber Rejeki' },
      { label: 'Lokasi pemasangan', value: 'Jl. Raya Serang–Cilegon Km 3' },
      { label: 'Luas bidang reklame (m²)', value: '12,5 m²' },
      { label: 'Lama pemasangan (bulan)', value: '6' },
      { label: 'Tanggal mulai pemasangan', value: '1 Desember 2026' },
    ]);
  });

  it('writes English labels and values, and skips an empty optional field', () => {
    const lines = permitObjectLines(reklame, { ...values, businessNib: '' }, 'en');
    expect(lines[0]).toEqual({ label: 'Kind of advertisement', value: 'Billboard' });
    expect(lines.at(-1)).toEqual({ label: 'Start date', value: '1 December 2026' });
    expect(lines.map((line) => line.label)).not.toContain('Business NIB (if any)');
  });

  it('never prints the NIK or the phone number', () => {
    const text = JSON.stringify(permitObjectLines(reklame, values, 'id'));
    expect(text).not.toContain(values.applicantNik);
    expect(text).not.toContain(values.phone);
  });
});
