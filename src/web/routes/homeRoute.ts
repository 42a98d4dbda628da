import type { Router } from 'express';
import { renderHomePage } from '../views/homePage.js';
import { serviceStandardView } from '../views/serviceStandard.js';
import type { HomePageView } from '../views/viewModels.js';
import { WEB_LANGUAGES, webLanguage } from '../webLocale.js';
import { sendHtml } from './htmlAnswer.js';
import { routeName } from './routeName.js';
import type { WebContext } from './webContext.js';

/** `https://t.me/<bot>` for a configured username, else null (the page then names no link). */
export function botLink(username: string | undefined): string | null {
  return username ? `https://t.me/${encodeURIComponent(username)}` : null;
}

/**
 * `GET /`: every permit type with its published service standard. The catalog and the office
 * are fixed while the process runs, so both languages are rendered once, at start.
 */
export function homeRoute(router: Router, ctx: WebContext): void {
  const view: HomePageView = {
    office: ctx.office,
    botUrl: botLink(ctx.botUsername),
    services: ctx.services.catalog.permitTypes().map(serviceStandardView),
  };
  const pages = new Map(
    WEB_LANGUAGES.map((language) => [language, renderHomePage(view, { language, path: '/' })]),
  );
  router.get('/', routeName('GET /'), ctx.requestLimit, (req, res) => {
    sendHtml(res, 200, pages.get(webLanguage(req.query.lang)) ?? '', 'public');
  });
}
