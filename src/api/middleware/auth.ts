import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { secretsEqual } from '../../domain/identifiers/secretHash.js';
import type { Officer } from '../../services/officers.js';
import type { ApiContext } from '../apiContext.js';
import { Problem } from '../problems/problem.js';

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'officer'; officer: Officer }
  | { kind: 'admin'; actorId: string };

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Counted by the failed-authentication rate limit (see rateLimits.ts). */
export function markAuthFailed(res: Response): void {
  res.locals.authFailed = true;
}

export function callerOf(res: Response): Caller {
  return (res.locals.caller as Caller | undefined) ?? { kind: 'anonymous' };
}

const unauthorized = (detail: { id: string; en: string }) =>
  new Problem(401, 'unauthorized', detail, {}, { 'WWW-Authenticate': 'Bearer realm="perizinan"' });

/**
 * Resolves `Authorization: Bearer <token>` to the admin (ADMIN_TOKEN, compared in constant
 * time) or an officer (API key, looked up by prefix and compared as a digest in constant time).
 * A bearer that is neither is refused at once and counts as a failed authentication.
 */
export function identifyCaller(ctx: ApiContext): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined) {
      res.locals.caller = { kind: 'anonymous' } satisfies Caller;
      return next();
    }
    const token = /^Bearer +([\x21-\x7e]{1,300})$/i.exec(header.trim())?.[1];
    const adminToken = ctx.settings.adminToken;
    if (token && adminToken && secretsEqual(token, adminToken)) {
      res.locals.caller = {
        kind: 'admin',
        actorId: `admin-token:${digest(adminToken).toString('hex').slice(0, 12)}`,
      } satisfies Caller;
      return next();
    }
    const officer = token ? await ctx.service.officerByApiKey(token) : null;
    if (!officer) {
      markAuthFailed(res);
      throw unauthorized({
        id: 'Kunci API tidak dikenal atau petugas tidak aktif. Periksa header Authorization: Bearer <kunci>.',
        en: 'Unknown API key or inactive officer. Check the header Authorization: Bearer <key>.',
      });
    }
    res.locals.caller = { kind: 'officer', officer } satisfies Caller;
    next();
  };
}

export function requireOfficer(res: Response): Officer {
  const caller = callerOf(res);
  if (caller.kind === 'officer') return caller.officer;
  markAuthFailed(res);
  throw unauthorized({
    id: 'Hanya petugas: kirim kunci API petugas sebagai Authorization: Bearer <kunci>.',
    en: 'Officers only: send an officer API key as Authorization: Bearer <key>.',
  });
}

/** Middleware form of requireOfficer, for routes that need an officer before reading the body. */
export const officerOnly: RequestHandler = (_req, res, next) => {
  requireOfficer(res);
  next();
};

export function adminOnly(ctx: ApiContext): RequestHandler {
  return (_req, res, next) => {
    if (!ctx.settings.adminToken) {
      throw new Problem(403, 'not-configured', {
        id: 'Fitur admin belum aktif: setel ADMIN_TOKEN (paling sedikit 24 karakter) pada server.',
        en: 'Administration is disabled: set ADMIN_TOKEN (at least 24 characters) on the server.',
      });
    }
    if (callerOf(res).kind !== 'admin') {
      markAuthFailed(res);
      throw unauthorized({
        id: 'Hanya admin: kirim ADMIN_TOKEN sebagai Authorization: Bearer <token>.',
        en: 'Administrators only: send the ADMIN_TOKEN as Authorization: Bearer <token>.',
      });
    }
    next();
  };
}

/**
 * True when the request carries the right access code for this file. A wrong or missing code
 * counts as a failed authentication; callers answer 404 so that a guess learns nothing.
 */
export async function holdsAccessCode(
  ctx: ApiContext,
  req: Request,
  res: Response,
  registrationNumber: string,
): Promise<boolean> {
  const code = req.get('x-access-code');
  const ok =
    code !== undefined &&
    code.length <= 40 &&
    (await ctx.service.applicantHoldsAccessCode(registrationNumber, code));
  if (!ok) markAuthFailed(res);
  return ok;
}
