import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadCatalog } from '../../../src/domain/catalog/loadCatalog.js';
import { parseCatalog } from '../../../src/domain/catalog/parseCatalog.js';
import { catalogErrorFor, SHIPPED_CATALOG_PATH, testCatalogData } from './catalogTestSupport.js';

describe("the catalog's complaints section", () => {
  it('ships 5 working days, a reminder and the second level; the test catalog answers in seconds', () => {
    expect(loadCatalog(SHIPPED_CATALOG_PATH).complaints).toEqual({
      responseDeadline: { workingDays: 5 },
      reminderAt: 0.6,
      defaultDepartment: 'DPMPTSP',
      secondLevelRole: 'kepala_kantor',
    });
    expect(parseCatalog(stringify(testCatalogData()), 't.yaml').complaints.responseDeadline).toEqual({
      duration: 'PT4S',
    });
  });

  it('defaults every key when the section or a key is left out', () => {
    const data = testCatalogData();
    delete data.complaints;
    expect(parseCatalog(stringify(data), 't.yaml').complaints).toEqual({
      responseDeadline: { workingDays: 5 },
      reminderAt: 0.6,
      defaultDepartment: 'DPMPTSP',
      secondLevelRole: 'kepala_kantor',
    });
    data.complaints = { defaultDepartment: 'DINKES' };
    expect(parseCatalog(stringify(data), 't.yaml').complaints).toMatchObject({
      responseDeadline: { workingDays: 5 },
      defaultDepartment: 'DINKES',
    });
  });

  it('names a wrong value', () => {
    const error = catalogErrorFor((data) => {
      data.complaints = { reminderAt: 1.5, defaultDepartment: 'dinkes', extra: true };
    });
    expect(error.message).toContain('complaints.reminderAt');
    expect(error.message).toContain('complaints.defaultDepartment');
    expect(error.message).toContain('extra');
  });
});
