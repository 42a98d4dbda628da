import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadOfficeProfile, parseOfficeProfile } from '../../../src/domain/catalog/loadOfficeProfile.js';
import { type CatalogData, errorOf } from './catalogTestSupport.js';

const SHIPPED_OFFICE_PATH = fileURLToPath(new URL('../../../data/catalog/office.yaml', import.meta.url));

function profileErrorFor(modify: (data: CatalogData) => void) {
  const data = parse(readFileSync(SHIPPED_OFFICE_PATH, 'utf8'));
  modify(data);
  return errorOf(() => parseOfficeProfile(stringify(data), 'office.yaml'));
}

describe('the office profile beside the catalog', () => {
  it('loads the shipped letterhead, issuing in Serang', () => {
    const office = loadOfficeProfile(SHIPPED_OFFICE_PATH);
    expect(office.government.id).toBe('PEMERINTAH KABUPATEN SERANG');
    expect(office.placeOfIssue).toBe('Serang');
    expect(office.headTitle.id).toMatch(/^Kepala Dinas/);
    expect(Object.isFrozen(office)).toBe(true);
  });

  it('names the file, the place and the problem for each mistake, with its line', () => {
    const error = profileErrorFor((data) => {
      delete data.office.placeOfIssue;
      data.office.headTitle = { id: 'Kepala' };
      data.office.letterhead = 'x';
    });
    expect(error.message.split('\n')).toEqual([
      expect.stringMatching(/^office\.yaml: office\.headTitle\.en: is required \(line \d+\)$/),
      expect.stringMatching(/^office\.yaml: office\.placeOfIssue: is required \(line \d+\)$/),
      expect.stringMatching(
        /^office\.yaml: office\.letterhead: unknown key \(check its spelling\) \(line \d+\)$/,
      ),
    ]);
  });

  it('refuses blank texts and a missing version', () => {
    const error = profileErrorFor((data) => {
      data.office.address = '   ';
      delete data.version;
    });
    expect(error.message).toContain('office.yaml: version: is required');
    expect(error.message).toContain('office.yaml: office.address: must not be blank');
  });

  it('reports a missing file by its path', () => {
    expect(errorOf(() => loadOfficeProfile('/nonexistent/office.yaml')).message).toBe(
      '/nonexistent/office.yaml: file not found',
    );
  });
});
