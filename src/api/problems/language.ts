import type { Request } from 'express';

export type Language = 'id' | 'en';
export type Bilingual = { id: string; en: string };

/** Indonesian unless the client prefers English (Accept-Language, RFC 9110 quality values). */
export function preferredLanguage(req: Request): Language {
  return req.acceptsLanguages('id', 'en') === 'en' ? 'en' : 'id';
}
