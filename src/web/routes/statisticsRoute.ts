import type { Router } from 'express';
import { renderStatisticsPage } from '../views/statisticsPage.js';
import { webLanguage } from '../webLocale.js';
import { sendHtml } from './htmlAnswer.js';
import { routeName } from './routeName.js';
import { statisticsView } from './statisticsView.js';
import type { WebContext } from './webContext.js';

/**
 * `GET /statistik`: timeliness per permit type and month, the on-time chart, the satisfaction
 * survey and the complaints, from the same published report (the same service call, the same
 * queries) as `GET /api/v1/stats`; aggregates only, whatever the number of files.
 */
export function statisticsRoute(router: Router, ctx: WebContext): void {
  router.get('/statistik', routeName('GET /statistik'), ctx.requestLimit, async (req, res) => {
    const report = await ctx.services.statistics.report();
    const view = statisticsView(report, ctx.services.catalog.permitTypes(), ctx.office.shortName);
    const html = renderStatisticsPage(view, { language: webLanguage(req.query.lang), path: '/statistik' });
    sendHtml(res, 200, html, 'public');
  });
}
