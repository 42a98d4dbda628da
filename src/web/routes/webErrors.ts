import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { errorToProblem } from '../../api/problems/errorToProblem.js';
import { notFoundProblem, sendProblem } from '../../api/problems/problem.js';
import { maskNikRuns } from '../../domain/identifiers/nik.js';
import type { Logger } from '../../logging/logger.js';
import { type ErrorPageKind, renderErrorPage } from '../views/errorPage.js';
import { renderNotFoundPage } from '../views/notFoundPage.js';
import { webLanguage } from '../webLocale.js';
import { sendHtml } from './htmlAnswer.js';

const pageContext = (req: Request) => ({ language: webLanguage(req.query.lang), path: req.path });

/** The one 404 page, the same bytes whatever was asked (apart from the language). */
export function sendNotFoundPage(req: Request, res: Response, officeName: string): void {
  sendHtml(res, 404, renderNotFoundPage(officeName, pageContext(req)), 'public');
}

/**
 * The app's last handler for an address nothing answered: problem+json under /api/ (clients of
 * the API read JSON), the HTML 404 page everywhere else (people read pages).
 */
export function notFoundAnswer(officeName: string): RequestHandler {
  return (req, res) => {
    if (req.path === '/api' || req.path.startsWith('/api/')) sendProblem(req, res, notFoundProblem());
    else sendNotFoundPage(req, res, officeName);
  };
}

/**
 * Errors on the public pages become pages, not problem+json: a rate limit (from the API's own
 * limiters, which pass a 429 Problem on) says to wait; anything else says the service is
 * disrupted, and the unexpected is logged like the API logs it (no body, NIK runs masked).
 */
export function webErrorHandler(officeName: string, logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { problem, internal } = errorToProblem(error);
    if (internal) {
      const e = error instanceof Error ? error : new Error(String(error));
      logger.error(
        {
          requestId: res.locals.requestId,
          method: req.method,
          route: res.locals.route ?? 'unmatched',
          error: { name: e.name, message: maskNikRuns(e.message), stack: maskNikRuns(e.stack ?? '') },
        },
        'unexpected error on a public page',
      );
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    if (problem.status === 404) {
      sendNotFoundPage(req, res, officeName);
      return;
    }
    for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
    const kind: ErrorPageKind = problem.status === 429 ? 'rate-limited' : 'unavailable';
    const status = problem.status === 429 ? 429 : problem.status >= 500 ? problem.status : 503;
    sendHtml(res, status, renderErrorPage(kind, officeName, pageContext(req)), 'private');
  };
}
