import type { Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import {
  normalizeRegistrationNumberInput,
  parseRegistrationNumber,
} from '../../domain/identifiers/registrationNumber.js';
import { apiKeyPrefix } from '../../services/index.js';

/** `/applications/{registrationNumber}` and everything under it (the path below /api/v1). */
const FILE_PATH = /^\/applications\/([^/]+)/;

/**
 * What a failed authentication was aimed at: the file named in the path (an access-code guess),
 * else the API key a bearer claims to be (by its lookup prefix), else anything else. With the
 * client address this keys the failed-authentication limit, so guesses at one file lock out
 * only that file from that address: behind a proxy that hides client addresses, another
 * applicant's file, and every real officer key, stay reachable.
 */
export function authFailureTarget(req: Request): string {
  const segment = FILE_PATH.exec(req.path)?.[1];
  if (segment !== undefined) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {}
    return fileTarget(decoded);
  }
  const bearer = /^Bearer +(\S+)$/i.exec(req.get('authorization')?.trim() ?? '')?.[1];
  if (bearer) return `key:${apiKeyPrefix(bearer)}`;
  return 'other';
}

/** The target of a guess at the file `typed` names: spellings of one number count as one. */
export function fileTarget(typed: string): string {
  const number = normalizeRegistrationNumberInput(typed);
  // What is no number cannot be opened anyway: all such guesses share one target.
  return parseRegistrationNumber(number) ? `file:${number}` : 'file:-';
}

/**
 * For routes outside /api/v1 that check an access code (the public tracking page, whose number
 * comes in the query or the form): names the file before the failed-authentication limit runs,
 * so guesses there and through the API count against the same file.
 */
export function setAuthFailureTarget(res: Response, typedNumber: string): void {
  res.locals.authFailureTarget = fileTarget(typedNumber);
}

/** The limit's key: the client address (IPv6 by its /56, as the library advises) and the target. */
export function authFailureKey(req: Request, res: Response): string {
  const target = (res.locals.authFailureTarget as string | undefined) ?? authFailureTarget(req);
  return `${ipKeyGenerator(req.ip ?? '')}|${target}`;
}
