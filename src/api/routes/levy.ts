import type { Response } from 'express';
import type { ApiContext } from '../apiContext.js';
import { callerOf, markAuthFailed, serviceCaller } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { notFoundProblem } from '../problems/problem.js';
import { accessCodeHeader, registrationNumberParams } from '../schemas/common.js';

const SAME_ACCESS_AS_STATUS =
  'Same access as the status: the applicant (X-Access-Code) or an officer who may read the file ' +
  '(each read recorded). `ETag` is the SHA-256 of the stored PDF.';

/** A stored money document as the download it is, or the one 404 for "not yours" and "not yet". */
function sendStoredPdf(
  res: Response,
  pdf: { fileName: string; sha256: string; content: Buffer } | null,
): void {
  if (!pdf) {
    if (callerOf(res).kind !== 'officer') markAuthFailed(res);
    throw notFoundProblem();
  }
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `attachment; filename="${pdf.fileName}"`);
  res.setHeader('ETag', `"${pdf.sha256}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(pdf.content);
}

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
        `Pay only with that billing code through official channels. ${SAME_ACCESS_AS_STATUS}`,
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
    async (req, res, { params }) =>
      sendStoredPdf(res, await ctx.services.levy.skrd(serviceCaller(req, res), params.registrationNumber)),
  );
  routes.add(
    {
      method: 'get',
      path: '/api/v1/applications/{registrationNumber}/receipt',
      operationId: 'getPaymentReceipt',
      summary: "The file's payment receipt (bukti pembayaran) as PDF",
      description:
        'Once the levy is paid: the registration number, the payer (NIK masked), the amount in figures ' +
        "and in words (terbilang), the billing code, the gateway's reference and the moment of payment " +
        '(Asia/Jakarta), on the office letterhead. Issued on the first request and stored: every ' +
        `request answers the same bytes. For applicants without Telegram. ${SAME_ACCESS_AS_STATUS}`,
      tags: ['applications', 'payments'],
      security: ['accessCode', 'officerKey'],
      params: registrationNumberParams,
      headers: [accessCodeHeader],
      responses: {
        200: { description: 'The receipt', contentType: 'application/pdf' },
        404: {
          description:
            'No such file, the caller may not see it, or no payment is recorded (yet): the same answer',
        },
      },
    },
    async (req, res, { params }) =>
      sendStoredPdf(res, await ctx.services.levy.receipt(serviceCaller(req, res), params.registrationNumber)),
  );
}
