import { z } from 'zod';
import type { ApiContext } from '../apiContext.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';

const statsSchema = z.object({
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
            medianWorkingDaysToDecision: z
              .number()
              .nullable()
              .describe("Of the month's decisions; measured by the worker within a minute"),
            pauses: z.int(),
            deemedApproved: z.int(),
          }),
        )
        .describe('Oldest month first'),
    }),
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
        'and deadlines), so the cost does not grow with the number of files.',
      tags: ['public'],
      responses: { 200: { description: 'Statistics', schema: statsSchema } },
    },
    async (_req, res) => {
      const permitTypes = await ctx.services.fileQueries.stats();
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.json({ permitTypes });
    },
  );
}
