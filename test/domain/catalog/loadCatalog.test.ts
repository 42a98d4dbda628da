import { describe, expect, it } from 'vitest';
import { findPermitType, stageDepartment } from '../../../src/domain/catalog/catalogLookup.js';
import { loadCatalog } from '../../../src/domain/catalog/loadCatalog.js';
import { parseCatalog } from '../../../src/domain/catalog/parseCatalog.js';
import {
  type CatalogData,
  catalogErrorFor,
  errorOf,
  SHIPPED_CATALOG_PATH,
  TEST_CATALOG_PATH,
} from './catalogTestSupport.js';

describe('the shipped catalog', () => {
  const catalog = loadCatalog(SHIPPED_CATALOG_PATH);

  it('loads with the four permit types of the domain notes', () => {
    expect(catalog.permitTypes.map((type) => type.code)).toEqual(['SIP-DOKTER', 'REKLAME', 'PBG', 'SIP-DRH']);
  });

  it('has the stage plans of the domain notes (working days, payment waits in calendar days)', () => {
    const plan = (code: string) =>
      findPermitType(catalog, code)?.stages.map((stage) =>
        stage.kind === 'officer_review' ? stage.sla : stage.responseDeadline,
      );
    expect(plan('SIP-DOKTER')).toEqual([{ workingDays: 1 }, { workingDays: 3 }, { workingDays: 1 }]);
    expect(plan('REKLAME')).toEqual([
      { workingDays: 1 },
      { workingDays: 3 },
      { calendarDays: 14 },
      { workingDays: 1 },
    ]);
    expect(plan('PBG')).toEqual([
      { workingDays: 2 },
      { workingDays: 10 },
      { calendarDays: 30 },
      { workingDays: 1 },
    ]);
    expect(plan('SIP-DRH')).toEqual([{ workingDays: 1 }, { workingDays: 3 }, { workingDays: 1 }]);
  });

  it('routes the Dinkes recommendation to DINKES officers and PBG technical review to DPUPR', () => {
    const sip = findPermitType(catalog, 'SIP-DOKTER');
    const pbg = findPermitType(catalog, 'PBG');
    if (!sip || !pbg) throw new Error('missing type');
    expect(sip.stages.map((stage) => stageDepartment(sip, stage))).toEqual(['DPMPTSP', 'DINKES', 'DPMPTSP']);
    expect(pbg.stages.map((stage) => stageDepartment(pbg, stage))).toEqual([
      'DPMPTSP',
      'DPUPR',
      'DPMPTSP',
      'DPMPTSP',
    ]);
  });

  it('charges a fee only for REKLAME and PBG', () => {
    expect(catalog.permitTypes.map((type) => [type.code, type.fee.kind])).toEqual([
      ['SIP-DOKTER', 'free'],
      ['REKLAME', 'per_m2_duration'],
      ['PBG', 'per_m2'],
      ['SIP-DRH', 'free'],
    ]);
  });

  it('is frozen, so no caller can change the rules at run time', () => {
    expect(Object.isFrozen(catalog.permitTypes[0]?.stages[0])).toBe(true);
  });

  it('finds permit types by code, forgiving case and spaces', () => {
    expect(findPermitType(catalog, ' sip-dokter ')?.code).toBe('SIP-DOKTER');
    expect(findPermitType(catalog, 'IMB')).toBeUndefined();
  });
});

describe('the test catalog fixture', () => {
  const catalog = loadCatalog(TEST_CATALOG_PATH);

  it('loads, with second-scale durations for workflow tests', () => {
    expect(catalog.permitTypes.map((type) => type.code)).toEqual([
      'TEST-FREE',
      'TEST-PAY',
      'TEST-DEEMED',
      'TEST-ONEREV',
      'TEST-FAST',
      'TEST-FAST-DEEMED',
      'TEST-FAST-PAY',
    ]);
    const free = findPermitType(catalog, 'TEST-FREE');
    expect(free?.stages[0]).toMatchObject({ key: 'completeness', sla: { duration: 'PT30S' } });
    expect(free?.stages[1]).toMatchObject({
      sla: { duration: 'PT20S' },
      reminderAt: 0.5,
      escalation: { breach: 'managers', secondLevel: { after: { duration: 'PT5S' }, role: 'kepala_kantor' } },
    });
  });

  it('has a four-stage paid type, a deemed-approval type and a one-revision type', () => {
    expect(findPermitType(catalog, 'TEST-PAY')?.stages.map((stage) => stage.kind)).toEqual([
      'officer_review',
      'officer_review',
      'applicant_payment',
      'officer_review',
    ]);
    expect(findPermitType(catalog, 'TEST-DEEMED')?.deemedApproval?.enabled).toBe(true);
    const oneRevision = findPermitType(catalog, 'TEST-ONEREV');
    expect(
      oneRevision?.stages.every((stage) => stage.kind !== 'officer_review' || stage.maxRevisionRounds === 1),
    ).toBe(true);
  });
});

describe('catalog error messages', () => {
  it('name the file, the path inside it and the problem', () => {
    const error = catalogErrorFor((data) => {
      data.permitTypes[2].stages[1].sla = { workingDays: 0 };
    }, 'data/catalog/permit-types.yaml');
    expect(error.message).toContain(
      'data/catalog/permit-types.yaml: permitTypes[2].stages[1].sla.workingDays: expected a positive whole number',
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ path: ['permitTypes', 2, 'stages', 1, 'sla', 'workingDays'] }),
    ]);
  });

  it('point at the line of the offending value in the YAML', () => {
    const yaml = ['version: 1', 'permitTypes:', '  - code: lower-case', '    name: { id: A, en: A }'].join(
      '\n',
    );
    const error = errorOf(() => parseCatalog(yaml, 'x.yaml'));
    expect(error.message).toContain('x.yaml: permitTypes[0].code: expected upper-case letters/digits');
    expect(error.message).toContain('(line 3)');
  });

  it('contain no stack trace and no raw zod output', () => {
    const error = catalogErrorFor((data) => {
      data.permitTypes[0].stages[0].reminderAt = 'half';
      delete data.permitTypes[1].name;
      data.permitTypes[3].fee = { kind: 'percent' };
    });
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(error.message).not.toMatch(/"code"|invalid_type|ZodError|\{/);
    expect(error.message.split('\n')).toHaveLength(3);
    for (const line of error.message.split('\n'))
      expect(line).toMatch(/^catalog\.yaml: permitTypes\[\d\]\.\S+: .+/);
  });

  it.each([
    ['a missing key', (d: CatalogData) => delete d.permitTypes[1].name, 'permitTypes[1].name: is required'],
    [
      'a value of the wrong type',
      (d: CatalogData) => {
        d.permitTypes[0].fields[1].label.en = 5;
      },
      'permitTypes[0].fields[1].label.en: expected text, got the number 5',
    ],
    [
      'a misspelt key',
      (d: CatalogData) => {
        d.permitTypes[0].stages[1].slaa = d.permitTypes[0].stages[1].sla;
      },
      'permitTypes[0].stages[1].slaa: unknown key (check its spelling)',
    ],
    [
      'a value outside an enumeration',
      (d: CatalogData) => {
        d.permitTypes[0].fields[0].type = 'string';
      },
      "permitTypes[0].fields[0].type: expected 'text', 'nik', 'nib', 'phone', 'email', 'number', 'area_m2', 'date' or 'select', got the text \"string\"",
    ],
    [
      'an unknown fee kind',
      (d: CatalogData) => {
        d.permitTypes[0].fee = { kind: 'percent' };
      },
      "permitTypes[0].fee.kind: expected 'free', 'fixed', 'per_m2' or 'per_m2_duration', got the text \"percent\"",
    ],
    [
      'an unknown stage kind',
      (d: CatalogData) => {
        d.permitTypes[0].stages[1].kind = 'inspection';
      },
      "permitTypes[0].stages[1].kind: expected 'officer_review' or 'applicant_payment', got the text \"inspection\"",
    ],
    [
      'a reminder share outside (0, 1)',
      (d: CatalogData) => {
        d.permitTypes[0].stages[1].reminderAt = 1;
      },
      'permitTypes[0].stages[1].reminderAt: expected a share of the SLA between 0 and 1 (both excluded), e.g. 0.5',
    ],
    [
      'an SLA given both ways',
      (d: CatalogData) => {
        d.permitTypes[0].stages[1].sla = { workingDays: 3, duration: 'PT20S' };
      },
      "permitTypes[0].stages[1].sla: expected only one of 'workingDays' or 'duration'",
    ],
    [
      'an SLA given neither way',
      (d: CatalogData) => {
        d.permitTypes[0].stages[1].sla = {};
      },
      "permitTypes[0].stages[1].sla: expected 'workingDays' or 'duration'",
    ],
    [
      'a malformed ISO duration',
      (d: CatalogData) => {
        d.permitTypes[0].stages[1].sla = { duration: '20 seconds' };
      },
      'permitTypes[0].stages[1].sla.duration: expected an ISO-8601 duration',
    ],
    [
      'a zero ISO duration',
      (d: CatalogData) => {
        d.permitTypes[0].stages[1].escalation.secondLevel.after = { duration: 'PT0S' };
      },
      'permitTypes[0].stages[1].escalation.secondLevel.after.duration: the duration must be longer than zero',
    ],
    [
      'an applicant wait without a response deadline',
      (d: CatalogData) => delete d.permitTypes[1].stages[2].responseDeadline,
      'permitTypes[1].stages[2].responseDeadline: is required',
    ],
    [
      'an applicant wait without its lapse outcome',
      (d: CatalogData) => delete d.permitTypes[1].stages[2].onLapse,
      "permitTypes[1].stages[2].onLapse: is required ('EXPIRED')",
    ],
    [
      'an officer stage acted on by the applicant role',
      (d: CatalogData) => {
        d.permitTypes[0].stages[1].role = 'applicant';
      },
      "permitTypes[0].stages[1].role: an officer stage needs an officer role, not 'applicant'",
    ],
    [
      'a negative revision limit',
      (d: CatalogData) => {
        d.permitTypes[0].stages[1].maxRevisionRounds = -1;
      },
      'permitTypes[0].stages[1].maxRevisionRounds: expected a whole number, 0 or more',
    ],
    [
      'a fractional amount of rupiah',
      (d: CatalogData) => {
        d.permitTypes[1].fee.amount = 1500.5;
      },
      'permitTypes[1].fee.amount: expected a positive whole number',
    ],
    [
      'an unsupported MIME type',
      (d: CatalogData) => {
        d.permitTypes[0].documents[0].mimeTypes = ['application/msword'];
      },
      "permitTypes[0].documents[0].mimeTypes[0]: expected 'application/pdf', 'image/jpeg' or 'image/png'",
    ],
    [
      'an empty catalog',
      (d: CatalogData) => {
        d.permitTypes = [];
      },
      'permitTypes: expected at least one permit type',
    ],
  ])('say what is wrong for %s', (_what, modify, expected) => {
    expect(catalogErrorFor(modify).message).toContain(`catalog.yaml: ${expected}`);
  });

  it('report YAML syntax errors with line and column', () => {
    const error = errorOf(() => parseCatalog('version: 1\npermitTypes: [\n  - code: X\n', 'bad.yaml'));
    expect(error.message).toMatch(/^bad\.yaml:\d+:\d+: YAML syntax error: /);
    expect(error.issues[0]?.line).toBeGreaterThan(0);
  });

  it('report a duplicated key as a YAML error at its line', () => {
    const error = errorOf(() => parseCatalog('version: 1\nversion: 1\npermitTypes: []\n', 'dup.yaml'));
    expect(error.message).toBe('dup.yaml:2:1: YAML syntax error: Map keys must be unique');
  });

  it('report an alias without its anchor', () => {
    const error = errorOf(() => parseCatalog('version: 1\npermitTypes: *missing\n', 'alias.yaml'));
    expect(error.message).toMatch(/^alias\.yaml: YAML error: /);
  });

  it('report an empty file as a missing catalog, not a crash', () => {
    expect(errorOf(() => parseCatalog('', 'empty.yaml')).message).toBe(
      'empty.yaml: expected a mapping (key: value), got an empty value',
    );
  });

  it('report a missing file by its path', () => {
    expect(errorOf(() => loadCatalog('/nonexistent/permit-types.yaml')).message).toBe(
      '/nonexistent/permit-types.yaml: file not found',
    );
  });
});
