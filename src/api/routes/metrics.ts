import type { ApiContext } from '../apiContext.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';

export function metricsRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'get',
      path: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics: request latency, workflow starts, decisions, SLA breaches',
      description:
        'Aggregates only, no personal data. In production expose it to the monitoring network only.',
      tags: ['operations'],
      responses: { 200: { description: 'Prometheus text format', contentType: 'text/plain' } },
    },
    async (_req, res) => {
      const body = await ctx.metrics.registry.metrics();
      res.setHeader('Content-Type', ctx.metrics.registry.contentType);
      res.send(body);
    },
  );
}
