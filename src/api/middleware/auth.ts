import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { secretsEqual } from '../../domain/identifiers/secretHash.js';
import type { Officer, Caller as ServiceCaller } from '../../services/index.js';
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
    const officer = token ? await ctx.services.officers.officerByApiKey(token) : null;
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
 * The request's credentials as the services take them: the officer its bearer key identified,
 * and the access code it presents (X-Access-Code), which makes its holder the applicant.
 */
export function serviceCaller(req: Request, res: Response): ServiceCaller {
  const caller = callerOf(res);
  const accessCode = req.get('x-access-code');
  return {
    ...(caller.kind === 'officer' ? { officer: caller.officer } : {}),
    ...(accessCode !== undefined ? { accessCode } : {}),
  };
}
