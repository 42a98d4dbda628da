import { z } from 'zod';
import type { ApiContext } from '../apiContext.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { complaintFiguresSchema } from '../schemas/complaint.js';
import { surveyFiguresSchema } from './survey.js';

const statsSchema = z.object({
  generatedAt: z
    .string()
    .describe(
      'ISO 8601 instant the figures were read (a served report is reused for up to STATS_CACHE_SECONDS)',
    ),
  permitTypes: z.array(
    z.object({
      permitTypeCode: z.string(),
      countsByStatus: z.record(z.string(), z.int()),
      decided: z.int(),
      decidedWithinSlaShare: z.number().nullable(),
      medianWorkingDaysToDecision: z.number().nullable(),
      pauses: z.int().describe('Revision requests that stopped a clock'),
      pastDeadline: z.int().describe('Files in review past their deadline now (refreshed every minute)'),
      months: z
        .array(
          z.object({
            month: z.string().describe('YYYY-MM, Asia/Jakarta'),
            received: z.int().describe('Submissions recorded in the month'),
            decided: z.int().describe('Files issued, rejected or deemed approved in the month'),
            decidedWithinSla: z.int(),
            decidedWithinSlaShare: z.number().nullable().describe('Null when nothing was decided'),
            medianWorkingDaysToDecision: z
              .number()
              .nullable()
              .describe("Of the month's decisions; measured by the worker within a minute"),
            pauses: z.int(),
            pausesPerDecision: z
              .number()
              .nullable()
              .describe('pauses / decided; null when nothing was decided'),
            deemedApproved: z.int(),
          }),
        )
        .describe('Oldest month first'),
    }),
  ),
  onTimeLast12Months: z
    .array(
      z.object({
        month: z.string().describe('YYYY-MM, Asia/Jakarta'),
        decided: z.int(),
        decidedWithinSla: z.int(),
        share: z.number().nullable().describe('decidedWithinSla / decided; null when nothing was decided'),
      }),
    )
    .describe(
      'All permit types together, the last 12 months up to this one, oldest first (the chart on /statistik)',
    ),
  auditHeads: z
    .array(
      z.object({
        day: z.string().describe('Calendar day in Asia/Jakarta, YYYY-MM-DD'),
        position: z.int().describe("Number of audit events in the chain up to the day's last one"),
        hash: z.string().describe("SHA-256 chain link (hex) of the day's last audit event"),
      }),
    )
    .describe(
      'Head of the audit chain at the end of each of the last 30 days that recorded events, oldest first. ' +
        'Keep copies: a rewritten history no longer reproduces them (npm run audit:verify).',
    ),
  survey: z
    .array(surveyFiguresSchema)
    .describe('Satisfaction survey (SKM) per permit type and quarter: IKM, grade and element means'),
  complaints: z
    .array(complaintFiguresSchema)
    .describe(
      'Complaints per month and category: counts, answered on time, median response (no text, no identity)',
    ),
});

export function statsRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'get',
      path: '/api/v1/stats',
      operationId: 'publicStats',
      summary: 'Public timeliness per permit type and month (no personal data)',
      description:
        'Served from aggregates kept as files move (and by the worker each minute for working days ' +
        'and deadlines), so the cost does not grow with the number of files; the report is reused ' +
        'for up to STATS_CACHE_SECONDS (default 15 s, see generatedAt).',
      tags: ['public'],
      responses: { 200: { description: 'Statistics', schema: statsSchema } },
    },
    async (_req, res) => {
      const statistics = await ctx.services.statistics.report();
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.json(statistics);
    },
  );
}
