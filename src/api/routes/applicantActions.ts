import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { ApiContext } from '../apiContext.js';
import { callerOf, markAuthFailed, serviceCaller } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { notFoundProblem, Problem } from '../problems/problem.js';
import {
  accessCodeHeader,
  documentReferenceSchema,
  idempotencyKeyHeader,
  noteSchema,
  registrationNumberParams,
} from '../schemas/common.js';
import { applicantFileView, applicantFileViewSchema } from '../schemas/fileView.js';
import { optionalIdempotencyKey } from './decisions.js';

const resubmissionSchema = z.strictObject({
  changedFields: z
    .record(z.string().min(1).max(64), z.union([z.string().max(2000), z.number()]))
    .refine((data) => Object.keys(data).length <= 60, { message: 'at most 60 fields' })
    .optional()
    .describe('Corrected field values; the whole form is validated again'),
  documents: z
    .array(documentReferenceSchema)
    .max(30)
    .optional()
    .describe('Uploaded documents; each replaces the earlier documents of its kind'),
  note: noteSchema.optional(),
});

const withdrawalSchema = z.strictObject({ reason: noteSchema.optional() });

/** The applicant's own actions need the file's access code; an officer key is not enough. */
export function applicantOnly(ctx: ApiContext): RequestHandler {
  return async (req, res, next) => {
    const registrationNumber = String(req.params.registrationNumber ?? '');
    if (await ctx.services.fileActions.mayActAsApplicant(serviceCaller(req, res), registrationNumber)) {
      return next();
    }
    markAuthFailed(res);
    if (callerOf(res).kind === 'officer') {
      throw new Problem(403, 'applicant-only', {
        id: 'Hanya pemohon (dengan kode akses berkas ini) yang dapat melakukan tindakan ini.',
        en: "Only the applicant (with this file's access code) can do this.",
      });
    }
    throw notFoundProblem();
  };
}

const responses = {
  200: { description: 'Accepted by the workflow', schema: applicantFileViewSchema },
  403: { description: 'applicant-only: an officer key is not the applicant' },
  404: {
    description:
      'No such file, or no valid access code for it: deliberately the same answer, so a guess learns nothing',
  },
  409: { description: 'wrong-stage / closed-file' },
};

export function applicantActionRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'post',
      path: '/api/v1/applications/{registrationNumber}/resubmission',
      operationId: 'resubmitApplication',
      summary: 'Send corrections after a revision request; the stage clock resumes',
      tags: ['applicant'],
      security: ['accessCode'],
      params: registrationNumberParams,
      headers: [accessCodeHeader, idempotencyKeyHeader(false)],
      body: { kind: 'json', schema: resubmissionSchema },
      beforeBody: [applicantOnly(ctx)],
      responses: {
        ...responses,
        422: { description: 'The corrected form is invalid, or a document is unknown or not uploaded' },
      },
    },
    async (req, res, { params, body }) => {
      const key = optionalIdempotencyKey(req.get('idempotency-key'));
      const view = await ctx.services.fileActions.resubmit(
        serviceCaller(req, res),
        params.registrationNumber,
        body,
        `api:${key}`,
      );
      res.json(applicantFileView(view));
    },
  );
  routes.add(
    {
      method: 'post',
      path: '/api/v1/applications/{registrationNumber}/withdrawal',
      operationId: 'withdrawApplication',
      summary: 'Withdraw the application (final)',
      tags: ['applicant'],
      security: ['accessCode'],
      params: registrationNumberParams,
      headers: [accessCodeHeader, idempotencyKeyHeader(false)],
      body: { kind: 'json', schema: withdrawalSchema, required: false },
      beforeBody: [applicantOnly(ctx)],
      responses,
    },
    async (req, res, { params, body }) => {
      const key = optionalIdempotencyKey(req.get('idempotency-key'));
      const view = await ctx.services.fileActions.withdraw(
        serviceCaller(req, res),
        params.registrationNumber,
        body?.reason,
        `api:${key}`,
      );
      res.json(applicantFileView(view));
    },
  );
}
