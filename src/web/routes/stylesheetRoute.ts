import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Router } from 'express';
import { STYLESHEET_FILE, STYLESHEET_HREF } from '../views/layout.js';
import { routeName } from './routeName.js';

/**
 * `GET /assets/site.css`, read once at start (and `GET /favicon.ico`, which has none). Cacheable for a day by browsers and proxies and
 * revalidated by its content hash (ETag), so a changed stylesheet reaches phones within a day
 * and an unchanged one costs a 304.
 */
export function stylesheetRoute(router: Router): void {
  const css = readFileSync(STYLESHEET_FILE);
  const etag = `"${createHash('sha256').update(css).digest('base64url').slice(0, 22)}"`;
  router.get(STYLESHEET_HREF, routeName(`GET ${STYLESHEET_HREF}`), (req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.setHeader('ETag', etag);
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', 'text/css; charset=utf-8');
    res.send(css);
  });
  // Browsers ask for it on every site; "no icon" (204), rather than a 404 in every console.
  router.get('/favicon.ico', routeName('GET /favicon.ico'), (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.status(204).end();
  });
}
