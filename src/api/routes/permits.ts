import { z } from 'zod';
import { permitPdfFileName } from '../../domain/permits/permitFileName.js';
import type { ApiContext } from '../apiContext.js';
import { callerOf, markAuthFailed, officerOnly, requireOfficer, serviceCaller } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { notFoundProblem } from '../problems/problem.js';
import { accessCodeHeader, registrationNumberParams } from '../schemas/common.js';

const permitNumberParams = z.strictObject({
  permitNumber: z
    .string()
    .min(1)
    .max(120)
    .describe(
      'The decision number, URL-encoded (its slashes as %2F), e.g. 503%2FSIP-DOKTER%2F00042%2FDPMPTSP%2F2026',
    ),
});

const revocationSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(3)
    .max(2000)
    .describe('Why the permit is revoked: shown on its verification page'),
});

export function permitRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'get',
      path: '/api/v1/applications/{registrationNumber}/permit',
      operationId: 'getPermitDocument',
      summary: 'The issued permit decision (SK izin) as a PDF',
      description:
        'The document issued when the file ended ISSUED or DEEMED_APPROVED, byte for byte the one whose ' +
        'SHA-256 the audit trail and the verification page hold. For the applicant (X-Access-Code) or an ' +
        'officer who may read the file (the read is recorded, as for the status). 404 before issue, and for ' +
        'anyone else, alike.',
      tags: ['applications'],
      security: ['accessCode', 'officerKey'],
      params: registrationNumberParams,
      headers: [accessCodeHeader],
      responses: {
        200: {
          description: 'The PDF',
          contentType: 'application/pdf',
          headers: { 'X-Content-SHA256': 'SHA-256 of the PDF, as the verification page shows it' },
        },
        404: { description: 'No such file, not issued (yet), or the caller may not see it' },
      },
    },
    async (req, res, { params }) => {
      const permit = await ctx.services.permitDocuments.permitPdf(
        serviceCaller(req, res),
        params.registrationNumber,
      );
      if (!permit) {
        if (callerOf(res).kind !== 'officer') markAuthFailed(res);
        throw notFoundProblem();
      }
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${permitPdfFileName(permit.permitNumber)}"`,
      );
      res.setHeader('X-Content-SHA256', permit.sha256);
      res.send(permit.pdf);
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/v1/permits/{permitNumber}/revocation',
      operationId: 'revokePermit',
      summary: 'Revoke an issued permit',
      description:
        "By an officer holding the role of the permit type's last stage (the signing role) in its " +
        "department. Recorded in the file's audit trail with the officer; the holder is told; the " +
        'verification page shows REVOKED (DICABUT) with the date and the reason from then on.',
      tags: ['decisions'],
      security: ['officerKey'],
      params: permitNumberParams,
      body: { kind: 'json', schema: revocationSchema },
      beforeBody: [officerOnly],
      responses: {
        200: {
          description: 'Revoked',
          schema: z.object({ permitNumber: z.string(), revoked: z.literal(true) }),
        },
        401: { description: 'No valid officer key' },
        403: { description: 'not-signing-role: the officer does not sign this permit type' },
        404: { description: 'No permit with that number' },
        409: { description: 'Revoked already' },
      },
    },
    async (_req, res, { params, body }) => {
      const officer = requireOfficer(res);
      await ctx.services.permitDocuments.revoke({ officer }, params.permitNumber, body.reason);
      res.json({ permitNumber: params.permitNumber, revoked: true });
    },
  );
}
