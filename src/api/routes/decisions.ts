import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { officerDecision } from '../../domain/stages/officerDecision.js';
import { ServiceError } from '../../services/index.js';
import type { ApiContext } from '../apiContext.js';
import { officerOnly, requireOfficer } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { Problem } from '../problems/problem.js';
import {
  idempotencyKeyHeader,
  idempotencyKeySchema,
  noteSchema,
  registrationNumberParams,
} from '../schemas/common.js';
import { fileViewSchema } from '../schemas/fileView.js';

const decisionSchema = z.strictObject({
  decision: z.enum(['approve', 'reject', 'revise']),
  note: noteSchema
    .optional()
    .describe('Required for reject (the reason) and revise (what to correct); optional for approve'),
});

/** An optional Idempotency-Key, validated when given; without one every request is new. */
export function optionalIdempotencyKey(value: string | undefined): string {
  if (value === undefined) return randomUUID();
  const key = idempotencyKeySchema.safeParse(value);
  if (!key.success) {
    throw new Problem(400, 'invalid-request', {
      id: 'Idempotency-Key harus 8–200 karakter ASCII yang terlihat (misalnya UUID).',
      en: 'The Idempotency-Key must be 8-200 visible ASCII characters (e.g. a UUID).',
    });
  }
  return key.data;
}

export function decisionRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'post',
      path: '/api/v1/applications/{registrationNumber}/decisions',
      operationId: 'decideOnApplication',
      summary: "An officer's decision on the file's current stage",
      description:
        'Sent to the workflow as an Update; its validator answers at once. 403 for a wrong role or ' +
        'department, 409 for a wrong stage, a closed file or the revision limit, 422 for a missing ' +
        'reason or note. The decision is attributed to the officer in the audit trail.',
      tags: ['decisions'],
      security: ['officerKey'],
      params: registrationNumberParams,
      headers: [idempotencyKeyHeader(false)],
      body: { kind: 'json', schema: decisionSchema },
      beforeBody: [officerOnly],
      responses: {
        200: { description: 'Accepted; the file as the workflow now has it', schema: fileViewSchema },
        401: { description: 'No valid officer key' },
        403: { description: 'wrong-role / wrong-department' },
        404: { description: 'No such file' },
        409: { description: 'wrong-stage / closed-file / revision-limit-reached' },
        422: { description: 'missing-reason / missing-note' },
      },
    },
    async (req, res, { params, body }) => {
      const officer = requireOfficer(res);
      const key = optionalIdempotencyKey(req.get('idempotency-key'));
      try {
        const view = await ctx.services.fileActions.decide(
          { officer },
          params.registrationNumber,
          officerDecision(body.decision, body.note),
          // Per officer, so two officers' keys never collide on one file.
          `api:${officer.id}:${key}`,
        );
        ctx.metrics.decisions.inc({ decision: body.decision, outcome: 'accepted' });
        res.json(view);
      } catch (error) {
        if (error instanceof ServiceError)
          ctx.metrics.decisions.inc({ decision: body.decision, outcome: 'refused' });
        throw error;
      }
    },
  );
}
