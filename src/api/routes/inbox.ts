import { z } from 'zod';
import type { ApiContext } from '../apiContext.js';
import { officerOnly, requireOfficer } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';

const inboxItemSchema = z.object({
  registrationNumber: z.string(),
  permitTypeCode: z.string(),
  stageKey: z.string(),
  role: z.string(),
  department: z.string(),
  deadline: z.string().nullable(),
  deadlineUncovered: z.boolean(),
  timeLeftMs: z.number().nullable().describe('Office time left before the deadline; negative once breached'),
  breached: z.boolean(),
});

export function inboxRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'get',
      path: '/api/v1/inbox',
      operationId: 'officerInbox',
      summary: "Files waiting on the officer's roles in their departments, oldest deadline first",
      tags: ['officers'],
      security: ['officerKey'],
      beforeBody: [officerOnly],
      responses: {
        200: { description: 'The inbox', schema: z.object({ items: z.array(inboxItemSchema) }) },
        401: { description: 'No valid officer key' },
      },
    },
    async (_req, res) => {
      res.json({ items: await ctx.services.fileQueries.inbox({ officer: requireOfficer(res) }) });
    },
  );
}
