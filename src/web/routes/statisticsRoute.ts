import type { Router } from 'express';
import { renderStatisticsPage } from '../views/statisticsPage.js';
import { webLanguage } from '../webLocale.js';
import { sendHtml } from './htmlAnswer.js';
import { routeName } from './routeName.js';
import { statisticsView } from './statisticsView.js';
import type { WebContext } from './webContext.js';

/**
 * `GET /statistik`: timeliness per permit type and month and the on-time chart, from the
 * aggregates the read model's trigger and the worker keep (one query, whatever the number of
 * files), through the same service call as `GET /api/v1/stats`.
 */
export function statisticsRoute(router: Router, ctx: WebContext): void {
  router.get('/statistik', routeName('GET /statistik'), ctx.requestLimit, async (req, res) => {
    const report = await ctx.services.fileQueries.statsReport();
    const view = statisticsView(report, ctx.services.catalog.permitTypes(), ctx.office.shortName);
    const html = renderStatisticsPage(view, { language: webLanguage(req.query.lang), path: '/statistik' });
    sendHtml(res, 200, html, 'public');
  });
}
