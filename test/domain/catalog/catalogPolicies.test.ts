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

describe("the catalog's survey section", () => {
  it('ships and defaults an anonymity floor of 5 respondents', () => {
    expect(loadCatalog(SHIPPED_CATALOG_PATH).survey).toEqual({ minimumRespondents: 5 });
    const data = testCatalogData();
    delete data.survey;
    expect(parseCatalog(stringify(data), 't.yaml').survey).toEqual({ minimumRespondents: 5 });
    data.survey = { minimumRespondents: 10 };
    expect(parseCatalog(stringify(data), 't.yaml').survey).toEqual({ minimumRespondents: 10 });
  });

  it('names a floor that is not a positive whole number', () => {
    for (const minimumRespondents of [0, 2.5, 'lima']) {
      const error = catalogErrorFor((data) => {
        data.survey = { minimumRespondents };
      });
      expect(error.message).toContain('survey.minimumRespondents');
    }
  });
});
