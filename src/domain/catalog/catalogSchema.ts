// The permit catalog format: what an admin edits in YAML and what every part of the system
// reads. The schema checks shapes and single values; rules that compare several values
// (unique codes, stage order, fee fields) live in catalogRules.ts.
// Pure module: imported (as types) by workflow code.

import { z } from 'zod';
import { PERMIT_TYPE_CODE_MAX_LENGTH, PERMIT_TYPE_CODE_PATTERN } from '../identifiers/permitTypeCode.js';

/**
 * A schema-level message that leaves missing values to the generic "is required" of the
 * parse-wide error map (catalogIssues.ts), so a missing key is not reported as malformed.
 */
const says =
  (text: string) =>
  (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined ? undefined : text;

const POSITIVE_WHOLE = 'expected a positive whole number';
const positiveWhole = () => z.int({ error: says(POSITIVE_WHOLE) }).positive({ error: says(POSITIVE_WHOLE) });

const NON_NEGATIVE_WHOLE = 'expected a whole number, 0 or more';
const nonNegativeWhole = () =>
  z.int({ error: says(NON_NEGATIVE_WHOLE) }).nonnegative({ error: says(NON_NEGATIVE_WHOLE) });

export const nonBlankText = () => z.string().regex(/\S/, { error: says('must not be blank') });

export const localizedTextSchema = z.strictObject({ id: nonBlankText(), en: nonBlankText() });
export type LocalizedText = z.output<typeof localizedTextSchema>;

// Days, hours, minutes, seconds only: years, months and weeks have no fixed length in ms.
const ISO_DURATION_PATTERN = /^P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/;
const ISO_DURATION = 'expected an ISO-8601 duration of days/hours/minutes/seconds such as PT20S or P1DT2H';
export const isoDurationSchema = z
  .string({ error: says(ISO_DURATION) })
  .regex(ISO_DURATION_PATTERN, { error: says(ISO_DURATION) })
  .refine((value) => /[1-9]/.test(value), { error: 'the duration must be longer than zero' });

/** Adds an issue unless exactly one of `keys` is present (the YAML form of a tagged union). */
const exactlyOneOf =
  (keys: readonly string[]) =>
  (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const present = keys.filter((key) => value[key] !== undefined);
    if (present.length !== 1) {
      const alternatives = keys.map((key) => `'${key}'`).join(' or ');
      ctx.addIssue({
        code: 'custom',
        message: present.length === 0 ? `expected ${alternatives}` : `expected only one of ${alternatives}`,
      });
    }
  };

/** Same shape as the SLA planner's SlaSpec (src/domain/sla), declared here to keep modules independent. */
export type SlaSpec = { workingDays: number } | { duration: string };
export const slaSpecSchema = z
  .strictObject({ workingDays: positiveWhole().optional(), duration: isoDurationSchema.optional() })
  .superRefine(exactlyOneOf(['workingDays', 'duration']))
  .transform(
    (value): SlaSpec =>
      value.workingDays !== undefined
        ? { workingDays: value.workingDays }
        : { duration: value.duration ?? '' },
  );

/** How long the applicant has to act; calendar days, because the applicant is not bound to office hours. */
export type ResponseDeadline = { calendarDays: number } | { duration: string };
export const responseDeadlineSchema = z
  .strictObject({ calendarDays: positiveWhole().optional(), duration: isoDurationSchema.optional() })
  .superRefine(exactlyOneOf(['calendarDays', 'duration']))
  .transform(
    (value): ResponseDeadline =>
      value.calendarDays !== undefined
        ? { calendarDays: value.calendarDays }
        : { duration: value.duration ?? '' },
  );

const snakeKey = (what: string) =>
  z
    .string({ error: says(`expected a ${what}`) })
    .regex(/^[a-z][a-z0-9_]*$/, { error: says(`expected a ${what} in lower_snake_case, e.g. 'tim_teknis'`) });

const roleSchema = snakeKey('role');
const departmentSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_-]*$/, { error: says("expected an upper-case department code, e.g. 'DPMPTSP'") });

export const FIELD_TYPES = [
  'text',
  'nik',
  'nib',
  'phone',
  'email',
  'number',
  'area_m2',
  'date',
  'select',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const selectOptionSchema = z.strictObject({
  value: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: says("expected a lower-case option value, e.g. 'billboard'") }),
  label: localizedTextSchema,
});

export const fieldSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]*$/, { error: says("expected a camelCase field key, e.g. 'buildingArea'") }),
  label: localizedTextSchema,
  /** Optional hint shown to the applicant next to the label. */
  help: localizedTextSchema.optional(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  /** For `select`: the allowed values. */
  options: z.array(selectOptionSchema).min(1).optional(),
  /** For `text` and `email`. */
  maxLength: positiveWhole().optional(),
  /** For `number` and `area_m2`. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** For `number`: only whole numbers (durations, counts). */
  integer: z.boolean().optional(),
});

export const MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type MimeType = (typeof MIME_TYPES)[number];

export const documentSchema = z.strictObject({
  kind: snakeKey('document kind'),
  label: localizedTextSchema,
  required: z.boolean(),
  mimeTypes: z.array(z.enum(MIME_TYPES)).min(1),
  maxSizeBytes: positiveWhole(),
});

const REMINDER_SHARE = 'expected a share of the SLA between 0 and 1 (both excluded), e.g. 0.5';
const escalationSchema = z.strictObject({
  /** At breach the managers of the stage's department are alerted. */
  breach: z.literal('managers'),
  secondLevel: z.strictObject({ after: slaSpecSchema, role: roleSchema }).optional(),
});

const stageKeySchema = snakeKey('stage key');

export const officerStageSchema = z.strictObject({
  key: stageKeySchema,
  name: localizedTextSchema,
  kind: z.literal('officer_review'),
  role: roleSchema.refine((role) => role !== 'applicant', {
    error: "an officer stage needs an officer role, not 'applicant'",
  }),
  /** Defaults to the permit type's department. */
  department: departmentSchema.optional(),
  sla: slaSpecSchema,
  reminderAt: z
    .number({ error: says(REMINDER_SHARE) })
    .gt(0, { error: says(REMINDER_SHARE) })
    .lt(1, { error: says(REMINDER_SHARE) }),
  escalation: escalationSchema,
  maxRevisionRounds: nonNegativeWhole(),
});

export const paymentStageSchema = z.strictObject({
  key: stageKeySchema,
  name: localizedTextSchema,
  kind: z.literal('applicant_payment'),
  role: z.literal('applicant').default('applicant'),
  responseDeadline: responseDeadlineSchema,
  onLapse: z.literal('EXPIRED'),
  /** When the applicant is reminded to pay: ISO durations before the deadline, each once. */
  reminders: z.array(isoDurationSchema).default(['P3D', 'P1D']),
});

export const stageSchema = z.discriminatedUnion('kind', [officerStageSchema, paymentStageSchema]);

const feeFieldKey = z.string();
/** The regulation (the Perda on levies) printed on the levy assessment (SKRD). */
const feeLegalBasis = nonBlankText();
export const feeFormulaSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('free') }),
  z.strictObject({ kind: z.literal('fixed'), amount: positiveWhole(), legalBasis: feeLegalBasis }),
  z.strictObject({
    kind: z.literal('per_m2'),
    legalBasis: feeLegalBasis,
    field: feeFieldKey,
    ratePerM2: positiveWhole(),
    minimum: nonNegativeWhole().optional(),
  }),
  z.strictObject({
    kind: z.literal('per_m2_duration'),
    legalBasis: feeLegalBasis,
    areaField: feeFieldKey,
    durationField: feeFieldKey,
    durationUnit: z.enum(['month', 'year']),
    /** Rupiah per m² per duration unit. */
    rate: positiveWhole(),
    minimum: nonNegativeWhole().optional(),
  }),
]);

/** An issued permit's validity: whole years or months from issue, or `indefinite` (e.g. a PBG). */
export type Validity = 'indefinite' | { years: number } | { months: number };
const VALIDITY = "expected 'indefinite', { years: N } or { months: N }";
export const validitySchema = z.union(
  [
    z.literal('indefinite'),
    z
      .strictObject({ years: positiveWhole().optional(), months: positiveWhole().optional() })
      .superRefine(exactlyOneOf(['years', 'months']))
      .transform(
        (value): Validity =>
          value.years !== undefined ? { years: value.years } : { months: value.months ?? 0 },
      ),
  ],
  { error: says(VALIDITY) },
);

export const permitTypeSchema = z.strictObject({
  code: z
    .string()
    .max(PERMIT_TYPE_CODE_MAX_LENGTH, { error: `expected at most ${PERMIT_TYPE_CODE_MAX_LENGTH} characters` })
    .regex(PERMIT_TYPE_CODE_PATTERN, {
      error: says("expected upper-case letters/digits in hyphen-separated parts, e.g. 'SIP-DOKTER'"),
    }),
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  department: departmentSchema,
  fields: z.array(fieldSchema),
  documents: z.array(documentSchema),
  stages: z
    .array(stageSchema)
    .min(2, { error: says('expected at least 2 stages: the completeness check and the decision') }),
  /** How long the applicant has to resubmit after a revision request; needed when revisions are allowed. */
  revisionDeadline: responseDeadlineSchema.optional(),
  deemedApproval: z.strictObject({ enabled: z.boolean(), legalBasis: nonBlankText().optional() }).optional(),
  fee: feeFormulaSchema,
  validity: validitySchema,
  /** The permit decision's "Dasar hukum", one regulation per item (a deemed approval adds its own). */
  legalBasis: z.array(nonBlankText()).min(1, { error: says('expected at least one regulation') }),
  /** Keys of the form fields printed on the permit as its object, in print order. */
  permitObject: z.array(z.string()),
});

const REMINDER_SHARE_OF_ANSWER = 'expected a share of the deadline between 0 and 1 (both excluded), e.g. 0.6';

/** Complaints (pengaduan): the office's answer deadline, its reminder and escalation, routing. */
export const complaintPolicySchema = z.strictObject({
  responseDeadline: slaSpecSchema.prefault({ workingDays: 5 }),
  reminderAt: z
    .number({ error: says(REMINDER_SHARE_OF_ANSWER) })
    .gt(0, { error: says(REMINDER_SHARE_OF_ANSWER) })
    .lt(1, { error: says(REMINDER_SHARE_OF_ANSWER) })
    .default(0.6),
  /** Handles complaints not about a file (anonymous reports). */
  defaultDepartment: departmentSchema.default('DPMPTSP'),
  /** Alerted when an answer is overdue, and at once for a pungli report. */
  secondLevelRole: roleSchema.default('kepala_kantor'),
});

/** Published survey figures: a group with fewer respondents shows its count, never its means. */
export const surveyPolicySchema = z.strictObject({ minimumRespondents: positiveWhole().default(5) });

export const catalogSchema = z.strictObject({
  version: z.literal(1),
  permitTypes: z.array(permitTypeSchema).min(1, { error: says('expected at least one permit type') }),
  complaints: complaintPolicySchema.prefault({}),
  survey: surveyPolicySchema.prefault({}),
});

export type PermitCatalog = z.output<typeof catalogSchema>;
export type PermitType = z.output<typeof permitTypeSchema>;
export type StageDef = z.output<typeof stageSchema>;
export type OfficerStageDef = z.output<typeof officerStageSchema>;
export type PaymentStageDef = z.output<typeof paymentStageSchema>;
export type FieldDef = z.output<typeof fieldSchema>;
export type DocumentDef = z.output<typeof documentSchema>;
export type FeeFormula = z.output<typeof feeFormulaSchema>;
export type EscalationDef = OfficerStageDef['escalation'];

/**
 * What a running file needs of its permit type: the stages and their deadlines, the department,
 * the revision deadline and deemed approval. Not the form or document definitions, which stay in
 * the catalog and the read model (and so out of workflow history).
 */
export type PermitTypeRules = Pick<
  PermitType,
  'code' | 'department' | 'stages' | 'revisionDeadline' | 'deemedApproval'
>;

export function permitTypeRules(permitType: PermitType): PermitTypeRules {
  const { code, department, stages, revisionDeadline, deemedApproval } = permitType;
  return {
    code,
    department,
    stages,
    ...(revisionDeadline ? { revisionDeadline } : {}),
    ...(deemedApproval ? { deemedApproval } : {}),
  };
}
