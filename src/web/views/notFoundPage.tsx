// The one 404 page for every unknown address, unknown verification token and missing file: the
// same bytes whatever was asked, so an answer reveals nothing about what exists.

import { hrefIn, renderPage } from './layout.js';
import type { PageContext } from './viewModels.js';

export function renderNotFoundPage(officeName: string, page: PageContext): string {
  return renderPage(
    page,
    officeName,
    (t) => t.t('not-found-title'),
    (t) => (
      <>
        <h1>{t.t('not-found-title')}</h1>
        <p>{t.t('not-found-text')}</p>
        <p>
          <a href={hrefIn('/', page.language)}>{t.t('not-found-home')}</a>
        </p>
      </>
    ),
  );
}
