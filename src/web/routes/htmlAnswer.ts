import type { Response } from 'express';

/**
 * Who may keep a page: `public` for pages that are the same for everyone (service standards,
 * statistics; a minute is fresh enough), `private` for anything about one file, which no
 * browser or proxy may store (its address may even hold the access code).
 */
export type PageCaching = 'public' | 'private';

export function sendHtml(res: Response, status: number, html: string, caching: PageCaching): void {
  res.setHeader('Cache-Control', caching === 'public' ? 'public, max-age=60' : 'no-store');
  res.status(status).type('html').send(html);
}
