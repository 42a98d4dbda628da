import type { Request } from 'express';
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
    const number = normalizeRegistrationNumberInput(decoded);
    // Spellings of one number count as one target; what is no number cannot be opened anyway.
    return parseRegistrationNumber(number) ? `file:${number}` : 'file:-';
  }
  const bearer = /^Bearer +(\S+)$/i.exec(req.get('authorization')?.trim() ?? '')?.[1];
  if (bearer) return `key:${apiKeyPrefix(bearer)}`;
  return 'other';
}

/** The limit's key: the client address (IPv6 by its /56, as the library advises) and the target. */
export function authFailureKey(req: Request): string {
  return `${ipKeyGenerator(req.ip ?? '')}|${authFailureTarget(req)}`;
}
