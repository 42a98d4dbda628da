// Cross-checks a schema-valid catalog: rules that relate several values, which a shape check
// cannot express. Each rule guards something the workflow or the stage machine relies on.

import { type CatalogIssue, type CatalogPath, formatCatalogPath } from './catalogError.js';
import type {
  FieldDef,
  PermitCatalog,
  PermitType,
  PermitTypeRules,
  ResponseDeadline,
} from './catalogSchema.js';

export const COMPLETENESS_STAGE_KEY = 'completeness';

type Report = (path: CatalogPath, problem: string) => void;

function checkUnique<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  where: CatalogPath,
  keyName: string,
  what: string,
  report: Report,
): void {
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const earlier = firstIndex.get(key);
    if (earlier === undefined) firstIndex.set(key, index);
    else
      report(
        [...where, index, keyName],
        `duplicate ${what} '${key}' (also at ${formatCatalogPath([...where, earlier])})`,
      );
  });
}

function checkFields(type: PermitType, at: CatalogPath, report: Report): void {
  type.fields.forEach((field, index) => {
    const here = [...at, 'fields', index];
    if (field.type === 'select' && !field.options)
      report([...here, 'options'], "a 'select' field needs options");
    if (field.type !== 'select' && field.options)
      report([...here, 'options'], "options are only for 'select' fields");
    if (field.options)
      checkUnique(
        field.options,
        (option) => option.value,
        [...here, 'options'],
        'value',
        'option value',
        report,
      );
    if (field.maxLength !== undefined && field.type !== 'text' && field.type !== 'email') {
      report([...here, 'maxLength'], "maxLength is only for 'text' and 'email' fields");
    }
    const numeric = field.type === 'number' || field.type === 'area_m2';
    for (const key of ['min', 'max'] as const) {
      if (field[key] !== undefined && !numeric)
        report([...here, key], `${key} is only for 'number' and 'area_m2' fields`);
    }
    if (field.integer !== undefined && field.type !== 'number')
      report([...here, 'integer'], "integer is only for 'number' fields");
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      report([...here, 'max'], `must be at least min (${field.min})`);
    }
  });
}

function checkFeeField(
  type: PermitType,
  key: string,
  expected: FieldDef['type'],
  path: CatalogPath,
  report: Report,
): void {
  const field = type.fields.find((candidate) => candidate.key === key);
  if (!field) report(path, `no field '${key}' in this permit type`);
  else if (field.type !== expected)
    report(path, `field '${key}' must have type '${expected}' (it is '${field.type}')`);
  else if (!field.required)
    report(path, `field '${key}' must be required: the fee cannot be computed without it`);
  else if (expected === 'number' && field.integer !== true) {
    report(path, `field '${key}' must be a whole number (integer: true)`);
  }
}

function checkStagesAndFee(type: PermitType, at: CatalogPath, report: Report): void {
  const { stages, fee } = type;
  const first = stages[0];
  if (first && (first.key !== COMPLETENESS_STAGE_KEY || first.kind !== 'officer_review')) {
    report(
      [...at, 'stages', 0],
      `the first stage must be the officer completeness check (key '${COMPLETENESS_STAGE_KEY}', kind 'officer_review')`,
    );
  }
  const lastIndex = stages.length - 1;
  if (stages[lastIndex]?.kind !== 'officer_review') {
    report(
      [...at, 'stages', lastIndex, 'kind'],
      "the last stage must be the officer decision (kind 'officer_review')",
    );
  }

  const paymentIndexes = stages.flatMap((stage, index) =>
    stage.kind === 'applicant_payment' ? [index] : [],
  );
  if (fee.kind === 'free') {
    for (const index of paymentIndexes)
      report([...at, 'stages', index], "a payment stage needs a fee, but fee.kind is 'free'");
  } else if (paymentIndexes.length === 0) {
    report([...at, 'fee'], `a fee of kind '${fee.kind}' needs a payment stage (kind 'applicant_payment')`);
  }
  for (const index of paymentIndexes.slice(1))
    report([...at, 'stages', index], 'only one payment stage per permit type');

  if (fee.kind === 'per_m2') checkFeeField(type, fee.field, 'area_m2', [...at, 'fee', 'field'], report);
  if (fee.kind === 'per_m2_duration') {
    checkFeeField(type, fee.areaField, 'area_m2', [...at, 'fee', 'areaField'], report);
    checkFeeField(type, fee.durationField, 'number', [...at, 'fee', 'durationField'], report);
  }

  const revisable = stages.some((stage) => stage.kind === 'officer_review' && stage.maxRevisionRounds > 0);
  if (revisable && !type.revisionDeadline) {
    report(
      [...at, 'revisionDeadline'],
      'is required when a stage allows revision rounds (how long the applicant has to resubmit)',
    );
  }
  if (type.deemedApproval?.enabled && !type.deemedApproval.legalBasis) {
    report([...at, 'deemedApproval', 'legalBasis'], 'is required when deemed approval is enabled');
  }
}

/** Contact data and the NIK never appear as the permit's object: the NIK is printed masked on its own. */
const UNPRINTABLE_FIELD_TYPES: readonly FieldDef['type'][] = ['nik', 'phone', 'email'];

function checkPermitObject(type: PermitType, at: CatalogPath, report: Report): void {
  const seen = new Set<string>();
  type.permitObject.forEach((key, index) => {
    const here = [...at, 'permitObject', index];
    const field = type.fields.find((candidate) => candidate.key === key);
    if (!field)
      report(here, `no field '${key}' in this permit type (permitObject lists field keys to print)`);
    else if (UNPRINTABLE_FIELD_TYPES.includes(field.type))
      report(here, `field '${key}' has type '${field.type}', which is personal data and is not printed`);
    if (seen.has(key)) report(here, `field '${key}' is listed twice`);
    seen.add(key);
  });
}

export function checkCatalogRules(catalog: PermitCatalog): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const report: Report = (path, problem) => {
    issues.push({ path, problem });
  };
  checkUnique(catalog.permitTypes, (type) => type.code, ['permitTypes'], 'code', 'code', report);
  catalog.permitTypes.forEach((type, index) => {
    const at: CatalogPath = ['permitTypes', index];
    checkUnique(type.stages, (stage) => stage.key, [...at, 'stages'], 'key', 'stage key', report);
    checkUnique(type.fields, (field) => field.key, [...at, 'fields'], 'key', 'field key', report);
    checkUnique(
      type.documents,
      (document) => document.kind,
      [...at, 'documents'],
      'kind',
      'document kind',
      report,
    );
    checkFields(type, at, report);
    checkStagesAndFee(type, at, report);
    checkPermitObject(type, at, report);
  });
  return issues;
}

// What a running file relies on because the rules above checked it: read through these, so a
// permit type that never passed the checks fails loudly instead of running on an invented value.

/** How long the applicant has to resubmit: required wherever a stage allows revision rounds. */
export function revisionDeadline(permitType: PermitTypeRules): ResponseDeadline {
  if (permitType.revisionDeadline) return permitType.revisionDeadline;
  throw uncheckedPermitType(permitType, 'revisionDeadline', 'a stage allows revision rounds');
}

/** The law a deemed approval rests on: required when deemed approval is enabled. */
export function deemedApprovalLegalBasis(permitType: PermitTypeRules): string {
  const legalBasis = permitType.deemedApproval?.legalBasis;
  if (legalBasis) return legalBasis;
  throw uncheckedPermitType(permitType, 'deemedApproval.legalBasis', 'a file was deemed approved');
}

function uncheckedPermitType(permitType: PermitTypeRules, key: string, because: string): Error {
  return new Error(
    `permit type ${permitType.code} has no ${key} although ${because}: its rules did not pass the catalog checks; load them through parseCatalog`,
  );
}
