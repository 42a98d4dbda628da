import { z } from 'zod';
import type { ApiContext } from '../apiContext.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { surveyFiguresSchema } from './survey.js';

const statsSchema = z.object({
  permitTypes: z.array(
    z.object({
      permitTypeCode: z.string(),
      countsByStatus: z.record(z.string(), z.int()),
      decided: z.int(),
      decidedWithinSlaShare: z.number().nullable(),
      medianWorkingDaysToDecision: z.number().nullable(),
      pauses: z.int().describe('Revision requests that stopped a clock'),
    }),
  ),
  survey: z
    .array(surveyFiguresSchema)
    .describe('Satisfaction survey (SKM) per permit type and quarter: IKM, grade and element means'),
});

export function statsRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'get',
      path: '/api/v1/stats',
      operationId: 'publicStats',
      summary: 'Public timeliness per permit type (no personal data)',
      tags: ['public'],
      responses: { 200: { description: 'Statistics', schema: statsSchema } },
    },
    async (_req, res) => {
      const permitTypes = await ctx.services.fileQueries.stats();
      const survey = await ctx.services.survey.publicFigures();
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.json({ permitTypes, survey });
    },
  );
}
