// The secret in a permit's QR code: 160 random bits, base64url, drawn once per permit and never
// derived from its number, so knowing one permit tells nothing about another's link. Kept only
// as its SHA-256 (a lookup key; high entropy needs no salt).

import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 20;

export const newVerificationToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

export const verificationTokenHash = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/** A string that could be a token at all; anything else is answered 404 without a lookup. */
export const looksLikeVerificationToken = (text: string): boolean => /^[A-Za-z0-9_-]{20,64}$/.test(text);

/** `<base>/verifikasi/<token>`; the base is an origin, so no slash doubles. */
export const verificationUrl = (publicBaseUrl: string, token: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/verifikasi/${token}`;
