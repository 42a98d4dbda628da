import type { ApiContext } from '../apiContext.js';
import { callerOf, markAuthFailed, serviceCaller } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { notFoundProblem } from '../problems/problem.js';
import { accessCodeHeader, registrationNumberParams } from '../schemas/common.js';

export function levyRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'get',
      path: '/api/v1/applications/{registrationNumber}/skrd',
      operationId: 'getLevyAssessment',
      summary: "The file's levy assessment (SKRD) as PDF",
      description:
        'Issued when the file reaches its payment stage: the amount computed from the catalog formula, ' +
        'in figures and in words, the legal basis, the billing code (kode bayar) and the due date. ' +
        'Pay only with that billing code through official channels. Same access as the status: the ' +
        'applicant (X-Access-Code) or an officer who may read the file (each read recorded). ' +
        '`ETag` is the SHA-256 of the stored PDF.',
      tags: ['applications', 'payments'],
      security: ['accessCode', 'officerKey'],
      params: registrationNumberParams,
      headers: [accessCodeHeader],
      responses: {
        200: { description: 'The SKRD', contentType: 'application/pdf' },
        404: {
          description:
            'No such file, the caller may not see it, or no levy is assessed on it (yet): the same answer',
        },
      },
    },
    async (req, res, { params }) => {
      const skrd = await ctx.services.levy.skrd(serviceCaller(req, res), params.registrationNumber);
      if (!skrd) {
        if (callerOf(res).kind !== 'officer') markAuthFailed(res);
        throw notFoundProblem();
      }
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${skrd.fileName}"`);
      res.setHeader('ETag', `"${skrd.sha256}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(skrd.content);
    },
  );
}
