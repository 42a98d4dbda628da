import { z } from 'zod';
import type { PermitType } from '../../domain/catalog/catalogSchema.js';
import type { ApiContext } from '../apiContext.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { notFoundProblem } from '../problems/problem.js';
import { localizedTextSchema } from '../schemas/common.js';

const publicPermitTypeSchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  department: z.string(),
  fields: z.array(
    z
      .object({ key: z.string(), label: localizedTextSchema, type: z.string(), required: z.boolean() })
      .catchall(z.unknown()),
  ),
  documents: z.array(
    z.object({
      kind: z.string(),
      label: localizedTextSchema,
      required: z.boolean(),
      mimeTypes: z.array(z.string()),
      maxSizeBytes: z.int(),
    }),
  ),
  stages: z.array(
    z.object({
      key: z.string(),
      name: localizedTextSchema,
      kind: z.enum(['officer_review', 'applicant_payment']),
      role: z.string(),
      department: z.string(),
      sla: z.unknown().optional().describe('{ workingDays } or { duration } (ISO 8601) for officer stages'),
      responseDeadline: z.unknown().optional().describe('{ calendarDays } or { duration } for the applicant'),
      maxRevisionRounds: z.int().optional(),
    }),
  ),
  revisionDeadline: z.unknown().optional(),
  deemedApproval: z.object({ enabled: z.boolean(), legalBasis: z.string().optional() }).optional(),
  fee: z
    .object({ kind: z.string() })
    .catchall(z.unknown())
    .describe('The fee formula: free, fixed, per_m2, ...'),
});

/** The catalog as an applicant needs it; escalation wiring stays internal. */
function publicView(type: PermitType): z.input<typeof publicPermitTypeSchema> {
  return {
    code: type.code,
    name: type.name,
    ...(type.description ? { description: type.description } : {}),
    department: type.department,
    fields: type.fields,
    documents: type.documents,
    stages: type.stages.map((stage) =>
      stage.kind === 'officer_review'
        ? {
            key: stage.key,
            name: stage.name,
            kind: stage.kind,
            role: stage.role,
            department: stage.department ?? type.department,
            sla: stage.sla,
            maxRevisionRounds: stage.maxRevisionRounds,
          }
        : {
            key: stage.key,
            name: stage.name,
            kind: stage.kind,
            role: stage.role,
            department: type.department,
            responseDeadline: stage.responseDeadline,
          },
    ),
    ...(type.revisionDeadline ? { revisionDeadline: type.revisionDeadline } : {}),
    ...(type.deemedApproval ? { deemedApproval: type.deemedApproval } : {}),
    fee: type.fee,
  };
}

export function permitTypeRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'get',
      path: '/api/v1/permit-types',
      operationId: 'listPermitTypes',
      summary: 'The permit catalog: fields, documents, stages with SLA, fee formula',
      tags: ['catalog'],
      responses: {
        200: {
          description: 'Every permit type',
          schema: z.object({ permitTypes: z.array(publicPermitTypeSchema) }),
        },
      },
    },
    (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.json({ permitTypes: ctx.services.catalog.permitTypes().map(publicView) });
    },
  );
  routes.add(
    {
      method: 'get',
      path: '/api/v1/permit-types/{code}',
      operationId: 'getPermitType',
      summary: 'One permit type of the catalog',
      tags: ['catalog'],
      params: z.strictObject({ code: z.string().max(40).describe('e.g. SIP-DOKTER') }),
      responses: {
        200: { description: 'The permit type', schema: publicPermitTypeSchema },
        404: { description: 'No permit type with this code' },
      },
    },
    (_req, res, { params }) => {
      const type = ctx.services.catalog.permitType(params.code);
      if (!type) throw notFoundProblem();
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.json(publicView(type));
    },
  );
}
