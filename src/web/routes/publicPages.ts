// The public pages (server-rendered HTML, no client script) as one express router:
// `/` service standards, `/lacak` tracking, `/statistik` statistics, and their stylesheet.
// createApp mounts it beside the API; the pages call the same services the API calls.

import { Router } from 'express';
import { homeRoute } from './homeRoute.js';
import { statisticsRoute } from './statisticsRoute.js';
import { stylesheetRoute } from './stylesheetRoute.js';
import { trackingRoute } from './trackingRoute.js';
import type { WebContext } from './webContext.js';
import { webErrorHandler } from './webErrors.js';

export type { WebContext } from './webContext.js';
export { notFoundAnswer, sendNotFoundPage, webErrorHandler } from './webErrors.js';

export function publicPages(ctx: WebContext): Router {
  const router = Router();
  // Not counted by the per-address limit (the pages are): every page view fetches or revalidates it.
  stylesheetRoute(router);
  homeRoute(router, ctx);
  trackingRoute(router, ctx);
  statisticsRoute(router, ctx);
  router.use(webErrorHandler(ctx.office.shortName, ctx.logger));
  return router;
}
