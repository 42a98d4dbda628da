import { z } from 'zod';
import type { ApiContext } from '../apiContext.js';
import { officerOnly, requireOfficer } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { registrationNumberParams } from '../schemas/common.js';

const reissuedSchema = z.object({
  registrationNumber: z.string(),
  accessCode: z
    .string()
    .describe(
      "The applicant's new access code, shown once (stored only as a hash); the old one no longer works",
    ),
});

export function accessCodeRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'post',
      path: '/api/v1/applications/{registrationNumber}/access-code',
      operationId: 'reissueAccessCode',
      summary: 'A new access code for an applicant who lost theirs, issued at the front desk',
      description:
        "For the officers who receive the file (the role and department of the permit type's first " +
        "review stage), after checking the applicant's identity card. The old code stops working; " +
        'the reissue is attributed to the officer in the audit trail. Each call issues another code.',
      tags: ['decisions'],
      security: ['officerKey'],
      params: registrationNumberParams,
      beforeBody: [officerOnly],
      responses: {
        200: { description: 'The new code', schema: reissuedSchema },
        401: { description: 'No valid officer key' },
        403: { description: 'wrong-role / wrong-department: not the front desk of this file' },
        404: { description: 'No such file' },
      },
    },
    async (_req, res, { params }) => {
      const officer = requireOfficer(res);
      res.json(await ctx.service.reissueAccessCode(officer, params.registrationNumber));
    },
  );
}
