// The catalog keys the permit decision needs: validity, legal basis and the printed fields.

import { describe, expect, it } from 'vitest';
import { findPermitType } from '../../../src/domain/catalog/catalogLookup.js';
import { loadCatalog } from '../../../src/domain/catalog/loadCatalog.js';
import {
  type CatalogData,
  catalogErrorFor,
  SHIPPED_CATALOG_PATH,
  TEST_CATALOG_PATH,
} from './catalogTestSupport.js';

describe('validity, legal basis and printed fields in the shipped catalog', () => {
  const catalog = loadCatalog(SHIPPED_CATALOG_PATH);

  it('gives practice permits 5 years, billboards 1 year and the building approval no end', () => {
    expect(catalog.permitTypes.map((type) => [type.code, type.validity])).toEqual([
      ['SIP-DOKTER', { years: 5 }],
      ['REKLAME', { years: 1 }],
      ['PBG', 'indefinite'],
      ['SIP-DRH', { years: 5 }],
    ]);
  });

  it('prints the object of each permit, never the NIK or contact data', () => {
    expect(findPermitType(catalog, 'PBG')?.permitObject).toEqual([
      'buildingFunction',
      'buildingAddress',
      'landTitleNumber',
      'floorArea',
      'floors',
    ]);
    for (const type of catalog.permitTypes) {
      expect(type.legalBasis.length).toBeGreaterThan(0);
      const printed = type.fields.filter((field) => type.permitObject.includes(field.key));
      expect(printed.map((field) => field.type)).not.toContain('nik');
      expect(printed.length).toBe(type.permitObject.length);
    }
  });

  it('reads `indefinite` in the test fixture', () => {
    expect(findPermitType(loadCatalog(TEST_CATALOG_PATH), 'TEST-DEEMED')?.validity).toBe('indefinite');
  });
});

describe('validation of the permit document keys', () => {
  it.each<[string, (d: CatalogData) => void, string]>([
    [
      'validity is required',
      (d) => {
        delete d.permitTypes[0].validity;
      },
      'permitTypes[0].validity: is required',
    ],
    [
      'validity is years or months, not both',
      (d) => {
        d.permitTypes[0].validity = { years: 1, months: 6 };
      },
      "permitTypes[0].validity: expected only one of 'years' or 'months'",
    ],
    [
      'validity counts whole positive units',
      (d) => {
        d.permitTypes[0].validity = { months: 0 };
      },
      'permitTypes[0].validity.months: expected a positive whole number',
    ],
    [
      'validity words other than indefinite are refused',
      (d) => {
        d.permitTypes[0].validity = 'forever';
      },
      "permitTypes[0].validity: expected 'indefinite', { years: N } or { months: N }",
    ],
    [
      'validity units are years or months only',
      (d) => {
        d.permitTypes[0].validity = { weeks: 2 };
      },
      'permitTypes[0].validity.weeks: unknown key (check its spelling)',
    ],
    [
      'legal basis is a non-empty list',
      (d) => {
        d.permitTypes[0].legalBasis = [];
      },
      'permitTypes[0].legalBasis: expected at least one regulation',
    ],
    [
      'printed fields exist in the permit type',
      (d) => {
        d.permitTypes[0].permitObject = ['practiceAddress'];
      },
      "permitTypes[0].permitObject[0]: no field 'practiceAddress' in this permit type",
    ],
    [
      'the NIK is never printed as the object',
      (d) => {
        d.permitTypes[0].permitObject = ['fullName', 'applicantNik'];
      },
      "permitTypes[0].permitObject[1]: field 'applicantNik' has type 'nik', which is personal data and is not printed",
    ],
    [
      'the phone number is never printed',
      (d) => {
        d.permitTypes[0].permitObject = ['phone'];
      },
      "permitTypes[0].permitObject[0]: field 'phone' has type 'phone'",
    ],
    [
      'a printed field is listed once',
      (d) => {
        d.permitTypes[0].permitObject = ['fullName', 'fullName'];
      },
      "permitTypes[0].permitObject[1]: field 'fullName' is listed twice",
    ],
  ])('%s', (_rule, modify, expected) => {
    expect(catalogErrorFor(modify).message).toContain(`catalog.yaml: ${expected}`);
  });

  it('accepts months and indefinite', () => {
    expect(() =>
      catalogErrorFor((d) => {
        d.permitTypes[0].validity = { months: 6 };
        d.permitTypes[1].validity = 'indefinite';
      }),
    ).toThrow('expected a CatalogError, but the catalog was accepted');
  });
});
