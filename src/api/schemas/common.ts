import { z } from 'zod';
import type { HeaderSpec } from '../openapi/routeRegistry.js';

export const problemSchema = z
  .object({
    type: z.string().describe('Stable URI of the problem type, e.g. .../problems/wrong-role'),
    title: z.string(),
    status: z.int(),
    detail: z.string().describe('What went wrong and what to do, in Indonesian or English (Accept-Language)'),
    instance: z.string().describe('urn:uuid of this occurrence; quote it when asking for help'),
    errors: z
      .array(
        z.object({
          pointer: z.string().describe('JSON Pointer of the field, e.g. #/formData/applicantNik'),
          code: z.string().describe('What is wrong, e.g. invalid_type or INVALID_NIK'),
          detail: z.string(),
          reason: z
            .string()
            .optional()
            .describe("An identifier's own refusal (NIK, NIB, phone number), e.g. BAD_BIRTH_MONTH"),
        }),
      )
      .optional()
      .describe('One entry per invalid field (invalid-request, invalid-form)'),
    reason: z
      .string()
      .optional()
      .describe("The refusal's code, e.g. WRONG_STAGE, or why a document was refused, e.g. TOO_LARGE"),
    missingKinds: z
      .array(z.string())
      .optional()
      .describe('missing-documents: the document kinds still needed'),
    dependency: z
      .string()
      .optional()
      .describe('service-unavailable: the dependency that cannot be reached (postgres or temporal)'),
  })
  .catchall(z.unknown())
  .describe('RFC 9457 problem details; a problem type may add its own members');

export const REGISTRATION_NUMBER_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d{4}-\d{6}$/;

export const registrationNumberParams = z.strictObject({
  registrationNumber: z.string().max(40).regex(REGISTRATION_NUMBER_PATTERN).describe('e.g. PBG-2026-000042'),
});

export const sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('SHA-256 of the file, lower-case hex, as returned by the upload');

/** Catalog codes are upper-case letters, digits and hyphens; lower case is accepted and normalised. */
export const permitTypeCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,40}$/)
  .describe('A code from GET /api/v1/permit-types, e.g. SIP-DOKTER');

export const documentKindSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,59}$/)
  .describe('Document kind from the permit type (e.g. ktp)');

export const uploadTokenSchema = z
  .string()
  .regex(/^up_[A-Za-z0-9_-]{32}$/)
  .describe('Secret returned by the upload: proves the upload is yours. Keep it like a password');

export const documentReferenceSchema = z.strictObject({
  kind: documentKindSchema,
  sha256: sha256Schema,
  uploadToken: uploadTokenSchema
    .optional()
    .describe(
      'The uploadToken the upload answered with. Required in a submission; in a resubmission, uploads ' +
        'made to the file itself (POST /api/v1/applications/{registrationNumber}/documents) need none',
    ),
});

/** Short free texts (notes, reasons): bounded so a body cannot carry megabytes in one field. */
export const noteSchema = z.string().max(2000);

export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{8,200}$/)
  .describe('8-200 visible ASCII characters; a UUID is a good choice');

export const idempotencyKeyHeader = (required: boolean): HeaderSpec => ({
  name: 'Idempotency-Key',
  required,
  description: required
    ? 'Makes a retry safe: the same key and body give the same answer; the same key with another body gives 409.'
    : 'Optional: a retry with the same key is applied once.',
  schema: idempotencyKeySchema,
});

export const accessCodeHeader: HeaderSpec = {
  name: 'X-Access-Code',
  required: false,
  description: "The applicant's access code (e.g. ABCDE-FGHJK), given once at submission.",
  schema: z.string().max(40),
};

export const localizedTextSchema = z.object({ id: z.string(), en: z.string() });
