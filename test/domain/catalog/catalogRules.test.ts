import { describe, expect, it } from 'vitest';
import { type CatalogData, catalogErrorFor } from './catalogTestSupport.js';

// Indexes into test/fixtures/catalog-test.yaml: 0 TEST-FREE, 1 TEST-PAY (stage 2 = payment),
// 2 TEST-DEEMED, 3 TEST-ONEREV.
const paymentStage = (d: CatalogData) => d.permitTypes[1].stages[2];

describe('catalog cross-checks', () => {
  it.each<[string, (d: CatalogData) => void, string]>([
    [
      'permit type codes are unique',
      (d) => {
        d.permitTypes[2].code = 'TEST-FREE';
      },
      "permitTypes[2].code: duplicate code 'TEST-FREE' (also at permitTypes[0])",
    ],
    [
      'stage keys are unique within a type',
      (d) => {
        d.permitTypes[0].stages[2].key = 'review';
      },
      "permitTypes[0].stages[2].key: duplicate stage key 'review' (also at permitTypes[0].stages[1])",
    ],
    [
      'field keys are unique within a type',
      (d) => {
        d.permitTypes[0].fields[1].key = 'applicantNik';
      },
      "permitTypes[0].fields[1].key: duplicate field key 'applicantNik'",
    ],
    [
      'document kinds are unique within a type',
      (d) => {
        d.permitTypes[0].documents.push({ ...d.permitTypes[0].documents[0] });
      },
      "permitTypes[0].documents[1].kind: duplicate document kind 'ktp'",
    ],
    [
      'the first stage is the officer completeness check',
      (d) => {
        d.permitTypes[0].stages[0].key = 'intake';
      },
      "permitTypes[0].stages[0]: the first stage must be the officer completeness check (key 'completeness', kind 'officer_review')",
    ],
    [
      'the first stage is not a payment',
      (d) => {
        d.permitTypes[1].stages.unshift({ ...paymentStage(d), key: 'completeness' });
        d.permitTypes[1].stages.splice(3, 1);
      },
      'permitTypes[1].stages[0]: the first stage must be the officer completeness check',
    ],
    [
      'the last stage is an officer decision',
      (d) => {
        d.permitTypes[1].stages.push(d.permitTypes[1].stages.splice(2, 1)[0]);
      },
      "permitTypes[1].stages[3].kind: the last stage must be the officer decision (kind 'officer_review')",
    ],
    [
      'a payment stage needs a fee',
      (d) => {
        d.permitTypes[1].fee = { kind: 'free' };
      },
      "permitTypes[1].stages[2]: a payment stage needs a fee, but fee.kind is 'free'",
    ],
    [
      'a fee needs a payment stage',
      (d) => {
        d.permitTypes[0].fee = { kind: 'fixed', amount: 50000, legalBasis: 'Perda Uji 1/2026' };
      },
      "permitTypes[0].fee: a fee of kind 'fixed' needs a payment stage (kind 'applicant_payment')",
    ],
    [
      'one payment stage per type',
      (d) => {
        d.permitTypes[1].stages.splice(2, 0, { ...paymentStage(d), key: 'payment_again' });
      },
      'permitTypes[1].stages[3]: only one payment stage per permit type',
    ],
    [
      'a per-m² fee names an existing field',
      (d) => {
        d.permitTypes[1].fee = {
          kind: 'per_m2',
          field: 'floorArea',
          ratePerM2: 10000,
          legalBasis: 'Perda Uji 1/2026',
        };
      },
      "permitTypes[1].fee.field: no field 'floorArea' in this permit type",
    ],
    [
      'a per-m² fee reads an area field',
      (d) => {
        d.permitTypes[1].fee = {
          kind: 'per_m2',
          field: 'fullName',
          ratePerM2: 10000,
          legalBasis: 'Perda Uji 1/2026',
        };
      },
      "permitTypes[1].fee.field: field 'fullName' must have type 'area_m2' (it is 'text')",
    ],
    [
      'a fee reads only required fields',
      (d) => {
        d.permitTypes[1].fields.push({
          key: 'area',
          label: { id: 'Luas', en: 'Area' },
          type: 'area_m2',
          required: false,
        });
        d.permitTypes[1].fee = {
          kind: 'per_m2',
          field: 'area',
          ratePerM2: 10000,
          legalBasis: 'Perda Uji 1/2026',
        };
      },
      "permitTypes[1].fee.field: field 'area' must be required: the fee cannot be computed without it",
    ],
    [
      'a duration fee reads a whole-number field',
      (d) => {
        d.permitTypes[1].fields.push(
          { key: 'area', label: { id: 'Luas', en: 'Area' }, type: 'area_m2', required: true },
          { key: 'months', label: { id: 'Bulan', en: 'Months' }, type: 'number', required: true },
        );
        d.permitTypes[1].fee = {
          kind: 'per_m2_duration',
          areaField: 'area',
          durationField: 'months',
          durationUnit: 'month',
          rate: 15000,
          legalBasis: 'Perda Uji 1/2026',
        };
      },
      "permitTypes[1].fee.durationField: field 'months' must be a whole number (integer: true)",
    ],
    [
      'a select field has options',
      (d) => {
        d.permitTypes[0].fields[1].type = 'select';
        delete d.permitTypes[0].fields[1].maxLength;
      },
      "permitTypes[0].fields[1].options: a 'select' field needs options",
    ],
    [
      'options belong to select fields only',
      (d) => {
        d.permitTypes[0].fields[1].options = [{ value: 'a', label: { id: 'A', en: 'A' } }];
      },
      "permitTypes[0].fields[1].options: options are only for 'select' fields",
    ],
    [
      'min and max belong to numeric fields',
      (d) => {
        d.permitTypes[0].fields[1].min = 1;
      },
      "permitTypes[0].fields[1].min: min is only for 'number' and 'area_m2' fields",
    ],
    [
      'min is not above max',
      (d) => {
        d.permitTypes[0].fields.push({
          key: 'n',
          label: { id: 'N', en: 'N' },
          type: 'number',
          required: true,
          min: 5,
          max: 1,
        });
      },
      'permitTypes[0].fields[3].max: must be at least min (5)',
    ],
    [
      'revisions need a resubmission deadline',
      (d) => {
        delete d.permitTypes[0].revisionDeadline;
      },
      'permitTypes[0].revisionDeadline: is required when a stage allows revision rounds',
    ],
    [
      'deemed approval names its legal basis',
      (d) => {
        delete d.permitTypes[2].deemedApproval.legalBasis;
      },
      'permitTypes[2].deemedApproval.legalBasis: is required when deemed approval is enabled',
    ],
  ])('%s', (_rule, modify, expected) => {
    const error = catalogErrorFor(modify);
    expect(error.message).toContain(`catalog.yaml: ${expected}`);
  });

  it('reports every broken rule at once, one line each', () => {
    const error = catalogErrorFor((d) => {
      d.permitTypes[2].code = 'TEST-FREE';
      d.permitTypes[1].fee = { kind: 'free' };
      delete d.permitTypes[3].revisionDeadline;
    });
    expect(error.issues).toHaveLength(3);
    expect(error.message.split('\n')).toHaveLength(3);
  });
});
