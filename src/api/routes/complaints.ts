import type { Response } from 'express';
import { z } from 'zod';
import { ServiceError } from '../../services/index.js';
import type { ApiContext } from '../apiContext.js';
import { markAuthFailed, officerOnly, requireOfficer, serviceCaller } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { accessCodeHeader, noteSchema, REGISTRATION_NUMBER_PATTERN } from '../schemas/common.js';
import {
  complaintCategorySchema,
  complaintListItemSchema,
  complaintTextSchema,
  complaintViewSchema,
  ticketCodeHeader,
  ticketParams,
} from '../schemas/complaint.js';

const filingSchema = z.strictObject({
  category: complaintCategorySchema,
  text: complaintTextSchema.describe('The complaint, up to 2000 characters; stored, never logged'),
  registrationNumber: z
    .string()
    .max(40)
    .regex(REGISTRATION_NUMBER_PATTERN)
    .optional()
    .describe(
      "The file it is about, with the file's access code in X-Access-Code; omit to complain anonymously",
    ),
});

/** A wrong ticket code counts as a failed authentication, like a wrong access code. */
async function withTicketCode<T>(res: Response, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') markAuthFailed(res);
    throw error;
  }
}

export function complaintRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'post',
      path: '/api/v1/complaints',
      operationId: 'fileComplaint',
      summary: 'File a complaint (pengaduan), about a file or anonymously',
      description:
        "About a file: its registrationNumber and the file's access code. Anonymous: neither, and no " +
        'identity is stored. Routed to the managers of the department concerned; a pungli report also ' +
        'reaches the second level at once. Keep the ticket code: it is shown once.',
      tags: ['public'],
      security: ['anonymous', 'accessCode'],
      headers: [accessCodeHeader],
      body: { kind: 'json', schema: filingSchema },
      responses: {
        201: {
          description: 'Filed',
          schema: z.object({
            ticket: z.string().describe('ADU-<YYYY>-<NNNNNN>'),
            ticketCode: z.string().describe('Shown once: needed to follow or reopen the complaint'),
          }),
        },
        404: { description: 'No such file, or no valid access code for it' },
        422: { description: 'invalid-text: the text is blank' },
      },
    },
    async (req, res, { body }) => {
      const filed = await withTicketCode(res, () =>
        ctx.services.complaints.file(
          serviceCaller(req, res),
          { category: body.category, text: body.text, registrationNumber: body.registrationNumber },
          'api',
        ),
      );
      res.status(201).json(filed);
    },
  );
  routes.add(
    {
      method: 'get',
      path: '/api/v1/complaints/{ticket}',
      operationId: 'complaintStatus',
      summary: "A complaint's status, deadline and answers, for the holder of its ticket code",
      tags: ['public'],
      security: ['accessCode'],
      params: ticketParams,
      headers: [ticketCodeHeader],
      responses: {
        200: { description: 'The complaint', schema: complaintViewSchema },
        404: { description: 'No such ticket, or a wrong ticket code' },
      },
    },
    async (req, res, { params }) => {
      const view = await withTicketCode(res, () =>
        ctx.services.complaints.view(params.ticket, { ticketCode: req.get('x-access-code') }),
      );
      res.json(view);
    },
  );
  routes.add(
    {
      method: 'post',
      path: '/api/v1/complaints/{ticket}/response',
      operationId: 'answerComplaint',
      summary: 'Answer a complaint (a manager of its department)',
      description: 'The complainant is told; an answer after the deadline still counts, late.',
      tags: ['officers'],
      security: ['officerKey'],
      params: ticketParams,
      body: {
        kind: 'json',
        schema: z.strictObject({ note: noteSchema.describe('The answer to the complainant') }),
      },
      beforeBody: [officerOnly],
      responses: {
        200: { description: 'Answered', schema: complaintViewSchema },
        401: { description: 'No valid officer key' },
        403: { description: 'not-manager: the officer is not a manager' },
        404: { description: 'No such ticket in the manager’s departments' },
        409: { description: 'already-answered or complaint-closed' },
      },
    },
    async (_req, res, { params, body }) => {
      const view = await ctx.services.complaints.respond(
        { officer: requireOfficer(res) },
        params.ticket,
        body.note,
      );
      res.json(view);
    },
  );
  routes.add(
    {
      method: 'post',
      path: '/api/v1/complaints/{ticket}/reopen',
      operationId: 'reopenComplaint',
      summary: 'Reopen an answered complaint (once, within 14 days of the answer)',
      tags: ['public'],
      security: ['accessCode'],
      params: ticketParams,
      headers: [ticketCodeHeader],
      body: {
        kind: 'json',
        required: false,
        schema: z.strictObject({
          reason: complaintTextSchema.optional().describe('Why the answer does not settle it'),
        }),
      },
      responses: {
        200: { description: 'Reopened: a new answer deadline runs', schema: complaintViewSchema },
        404: { description: 'No such ticket, or a wrong ticket code' },
        409: { description: 'not-answered, reopened-already, reopen-window-closed or complaint-closed' },
      },
    },
    async (req, res, { params, body }) => {
      const view = await withTicketCode(res, () =>
        ctx.services.complaints.reopen(params.ticket, { ticketCode: req.get('x-access-code') }, body?.reason),
      );
      res.json(view);
    },
  );
  routes.add(
    {
      method: 'get',
      path: '/api/v1/complaints',
      operationId: 'complaintsAwaitingAnswer',
      summary: "Complaints waiting on an answer in the manager's departments (no text)",
      tags: ['officers'],
      security: ['officerKey'],
      beforeBody: [officerOnly],
      responses: {
        200: {
          description: 'Oldest deadline first',
          schema: z.object({ complaints: z.array(complaintListItemSchema) }),
        },
        401: { description: 'No valid officer key' },
        403: { description: 'not-manager: the officer is not a manager' },
      },
    },
    async (_req, res) => {
      res.json({ complaints: await ctx.services.complaints.awaiting({ officer: requireOfficer(res) }) });
    },
  );
}
