import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { markAuthFailed } from '../../api/middleware/auth.js';
import { setAuthFailureTarget } from '../../api/middleware/authFailureTarget.js';
import {
  normalizeRegistrationNumberInput,
  parseRegistrationNumber,
} from '../../domain/identifiers/registrationNumber.js';
import { renderTrackingPage } from '../views/trackingPage.js';
import type { TrackingPageView } from '../views/viewModels.js';
import { webLanguage } from '../webLocale.js';
import { sendHtml } from './htmlAnswer.js';
import { routeName } from './routeName.js';
import { trackedFileView } from './trackedFileView.js';
import type { WebContext } from './webContext.js';

/** Longer input is no registration number or access code: refused before any lookup or hashing. */
const MAX_INPUT = 100;

interface TypedPair {
  number: string;
  code: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.slice(0, MAX_INPUT + 1) : '');

function pairFrom(source: Record<string, unknown> | undefined): TypedPair {
  return { number: text(source?.nomor), code: text(source?.kode) };
}

/** The pair typed into the form (POST) or carried in the address (GET ?nomor=…&kode=…). */
const typedPair = (res: Response): TypedPair => res.locals.typedPair as TypedPair;

/** Names the file a guess is aimed at before the failed-authentication limit counts it. */
const readPair =
  (from: 'query' | 'body'): RequestHandler =>
  (req, res, next) => {
    const pair = pairFrom(from === 'query' ? (req.query as Record<string, unknown>) : req.body);
    res.locals.typedPair = pair;
    setAuthFailureTarget(res, pair.number);
    next();
  };

/**
 * `/lacak`: the tracking form, and for a registration number with its access code the file's
 * status and history, through the same service call as the API's status (access code checked
 * there). A wrong pair, an unknown number and a malformed one get the same answer, and count as
 * failed authentications for that file from that address, as in the API.
 */
export function trackingRoute(router: Router, ctx: WebContext): void {
  const page = (req: Request, res: Response, status: number, view: Omit<TrackingPageView, 'officeName'>) =>
    sendHtml(
      res,
      status,
      renderTrackingPage(
        { officeName: ctx.office.shortName, ...view },
        { language: webLanguage(req.query.lang), path: '/lacak' },
      ),
      'private',
    );

  const lookUp: RequestHandler = async (req, res) => {
    const { number, code } = typedPair(res);
    const normalized = normalizeRegistrationNumberInput(number);
    const fits = number.length <= MAX_INPUT && code.length > 0 && code.length <= MAX_INPUT;
    const file =
      fits && parseRegistrationNumber(normalized)
        ? await ctx.services.fileQueries.status({ accessCode: code }, normalized)
        : null;
    if (!file) {
      markAuthFailed(res);
      page(req, res, 404, { registrationNumber: number, result: { kind: 'notFound' } });
      return;
    }
    page(req, res, 200, {
      registrationNumber: file.registrationNumber,
      result: { kind: 'found', file: trackedFileView((code) => ctx.services.catalog.permitType(code), file) },
    });
  };

  router.get(
    '/lacak',
    routeName('GET /lacak'),
    ctx.requestLimit,
    readPair('query'),
    (req, res, next) => {
      const { number, code } = typedPair(res);
      if (number === '' && code === '') {
        page(req, res, 200, { registrationNumber: '', result: { kind: 'none' } });
        return;
      }
      next();
    },
    ctx.guessLimit,
    lookUp,
  );

  router.post(
    '/lacak',
    routeName('POST /lacak'),
    ctx.requestLimit,
    express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 10 }),
    readPair('body'),
    ctx.guessLimit,
    lookUp,
  );
}
