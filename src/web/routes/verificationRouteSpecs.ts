// The OpenAPI description of /verifikasi (served by verificationRoutes.ts, outside /api/v1):
// its JSON answers are a public API for banks and inspectors, so they are documented and
// contract-tested like the rest; the HTML pages are the same answers for people.

import { z } from 'zod';
import type { ApiRoutes } from '../../api/openapi/routeRegistry.js';
import { localizedTextSchema, sha256Schema } from '../../api/schemas/common.js';
import { VERIFICATION_STATUSES } from '../../domain/permits/verificationStatus.js';

const tokenParams = z.strictObject({
  token: z.string().describe('The random token from the QR code on the permit (not its number)'),
});

export const verificationSchema = z.object({
  status: z.enum(VERIFICATION_STATUSES).describe('VALID (SAH), REVOKED (DICABUT) or EXPIRED (KEDALUWARSA)'),
  permitNumber: z.string(),
  permitType: localizedTextSchema,
  holder: z.string().describe('The holder\'s first name and initials ("Siti N. A."); never a NIK'),
  decision: z
    .enum(['issued', 'deemed_approved'])
    .describe('Signed, or deemed approved by law (fiktif positif)'),
  issuedAt: z.string().describe('ISO 8601 instant of issue'),
  validUntil: z.string().nullable().describe('Last day of validity (YYYY-MM-DD, Asia/Jakarta); null: no end'),
  office: localizedTextSchema.describe('The issuing office'),
  sha256: sha256Schema.describe('SHA-256 of the genuine PDF'),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
});

const checkSchema = z.object({
  genuine: z.boolean().describe('true when the upload is byte for byte the genuine document'),
  sha256: sha256Schema.describe('SHA-256 of the uploaded file'),
  permit: verificationSchema,
});

const notFound = {
  description: 'No permit has this token: the same 404 page for every miss',
  schema: z.string(),
  contentType: 'text/html',
};
const tooMany = {
  description: 'Too many verification requests from this address; see Retry-After',
  schema: z.string(),
  contentType: 'text/plain',
};

export function describeVerificationRoutes(routes: ApiRoutes): void {
  routes.describe({
    method: 'get',
    path: '/verifikasi/{token}',
    operationId: 'verifyPermit',
    summary: 'What the QR code on a permit opens: its state and public facts',
    description:
      'An HTML page (Indonesian; ?lang=en English), or JSON with Accept: application/json. Public and ' +
      'rate limited per address; an unknown token answers the same 404 page as any other miss.',
    tags: ['verification'],
    params: tokenParams,
    responses: {
      200: { description: 'The permit', schema: verificationSchema, alsoAs: ['text/html'] },
      404: notFound,
      429: tooMany,
    },
  });
  routes.describe({
    method: 'post',
    path: '/verifikasi/{token}',
    operationId: 'checkPermitCopy',
    summary: 'Whether an uploaded PDF is the genuine permit document',
    description:
      'Compares the SHA-256 of the upload with the genuine document: any changed byte answers ' +
      '`genuine: false`. HTML page or JSON, as for GET.',
    tags: ['verification'],
    params: tokenParams,
    body: { kind: 'multipart', fields: z.strictObject({}), description: 'The PDF as the field "file"' },
    responses: {
      200: { description: 'The outcome', schema: checkSchema, alsoAs: ['text/html'] },
      400: {
        description: 'No file was sent',
        schema: z.object({ error: z.string() }),
        alsoAs: ['text/html'],
      },
      404: notFound,
      429: tooMany,
    },
  });
}
