import { z } from 'zod';
import type { ApiContext } from '../apiContext.js';
import { buildOpenApiDocument } from '../openapi/openApiDocument.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';

/** Served from the same declarations that mount and validate every route (routeRegistry.ts). */
export function openApiRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  let document: unknown;
  routes.add(
    {
      method: 'get',
      path: '/api/v1/openapi.json',
      operationId: 'openApiDocument',
      summary: 'This OpenAPI 3.1 document',
      tags: ['public'],
      responses: { 200: { description: 'The document', schema: z.record(z.string(), z.unknown()) } },
    },
    (_req, res) => {
      document ??= buildOpenApiDocument(routes.specs, { version: ctx.settings.version });
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.json(document);
    },
  );
}
