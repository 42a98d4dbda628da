import type { NextFunction, Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ApiSettings } from '../apiContext.js';
import { Problem } from '../problems/problem.js';
import { callerOf } from './auth.js';
import { authFailureKey } from './authFailureTarget.js';

/**
 * Passes a 429 Problem on to the error handler in charge: problem+json for the API, an HTML
 * page for the public pages (src/web/routes/webErrors.ts), from the same limiter.
 */
function tooMany(req: Request, next: NextFunction, detail: { id: string; en: string }): void {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
  next(new Problem(429, 'rate-limited', detail, {}, { 'Retry-After': String(seconds) }));
}

/**
 * Failed authentications (unknown API key, wrong access code, bad signature, missing
 * credentials on a protected route) per client address and target (the file, or the API key
 * claimed: authFailureTarget.ts). Successful requests are not counted, so an applicant polling
 * with the right code is never locked out; once over the limit, even a right guess at that
 * target is refused from that address until the window passes.
 */
export function authFailureLimit(settings: ApiSettings): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: settings.rateLimits.authFailuresPer15Minutes,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: authFailureKey,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.locals.authFailed !== true,
    handler: (req, _res, next) =>
      tooMany(req, next, {
        id: 'Terlalu banyak percobaan autentikasi yang gagal dari alamat ini. Tunggu sebelum mencoba lagi.',
        en: 'Too many failed authentication attempts from this address. Wait before trying again.',
      }),
  });
}

/**
 * Requests per minute per client address for callers without an officer or admin key
 * (applicants, the public, anyone). Officers (limited per officer, below) and the signed
 * payment callback are not limited here: a whole office may share one address.
 */
export function publicRateLimit(settings: ApiSettings): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: settings.rateLimits.publicPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req, res) => callerOf(res).kind !== 'anonymous' || req.path === '/payments/callback',
    handler: (req, _res, next) =>
      tooMany(req, next, {
        id: 'Terlalu banyak permintaan dari alamat ini. Coba lagi sebentar lagi.',
        en: 'Too many requests from this address. Try again shortly.',
      }),
  });
}

/**
 * Requests per minute per officer (keyed by the officer, not the address: a whole office may
 * share one address), so a leaked or misused key cannot read files wholesale.
 */
export function officerRateLimit(settings: ApiSettings): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: settings.rateLimits.officerPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (_req, res) => callerOf(res).kind !== 'officer',
    keyGenerator: (_req, res) => {
      const caller = callerOf(res);
      return caller.kind === 'officer' ? `officer:${caller.officer.id}` : 'none';
    },
    handler: (req, _res, next) =>
      tooMany(req, next, {
        id: 'Terlalu banyak permintaan dengan kunci petugas ini. Coba lagi sebentar lagi.',
        en: 'Too many requests with this officer key. Try again shortly.',
      }),
  });
}
