import { z } from 'zod';
import { ServiceError } from '../../services/index.js';
import type { ApiContext } from '../apiContext.js';
import { markAuthFailed, officerOnly, requireOfficer } from '../middleware/auth.js';
import { requestOrigin } from '../middleware/observeRequests.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { registrationNumberParams } from '../schemas/common.js';

const reissueSchema = z.strictObject({
  applicantNik: z
    .string()
    .min(1)
    .max(40)
    .describe("The NIK on the identity card the applicant shows at the counter; it must be the file's"),
});

const reissuedSchema = z.object({
  registrationNumber: z.string(),
  accessCode: z
    .string()
    .describe(
      "The applicant's new access code, shown once (stored only as a hash); the old one no longer works",
    ),
});

const isNikMismatch = (error: unknown) =>
  error instanceof ServiceError &&
  (error.details as { reason?: string } | undefined)?.reason === 'NIK_MISMATCH';

export function accessCodeRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'post',
      path: '/api/v1/applications/{registrationNumber}/access-code',
      operationId: 'reissueAccessCode',
      summary: 'A new access code for an applicant who lost theirs, issued at the front desk',
      description:
        "For the officers who receive the file (the role and department of the permit type's first " +
        "review stage), with the NIK from the applicant's identity card. The old code stops working; " +
        'the reissue is attributed to the officer in the audit trail, the applicant is told on every ' +
        'channel the file has, and what is later done with the new code is marked with the officer. ' +
        'A wrong NIK is recorded and counts as a failed authentication. Each call issues another code.',
      tags: ['front desk'],
      security: ['officerKey'],
      params: registrationNumberParams,
      body: { kind: 'json', schema: reissueSchema },
      beforeBody: [officerOnly],
      responses: {
        200: { description: 'The new code', schema: reissuedSchema },
        401: { description: 'No valid officer key' },
        403: { description: 'wrong-role / wrong-department: not the front desk of this file' },
        404: { description: 'No such file' },
        409: { description: "conflict: the file's permit type is no longer in the catalog" },
        422: { description: "nik-mismatch: the NIK is not the file's applicant's" },
      },
    },
    async (req, res, { params, body }) => {
      const officer = requireOfficer(res);
      const reissued = await ctx.services.officers
        .reissueAccessCode(
          { officer },
          {
            registrationNumber: params.registrationNumber,
            applicantNik: body.applicantNik,
            meta: requestOrigin(req, res),
          },
        )
        .catch((error: unknown) => {
          // A wrong NIK is a guess at the applicant's identity: limited like a wrong access code.
          if (isNikMismatch(error)) markAuthFailed(res);
          throw error;
        });
      res.json(reissued);
    },
  );
}
