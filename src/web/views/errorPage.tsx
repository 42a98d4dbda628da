// The page for a request the office cannot answer now: too many requests from one address, or
// a service that is down. It says what to do and nothing about any file.

import { hrefIn, renderPage } from './layout.js';
import type { PageContext } from './viewModels.js';

export type ErrorPageKind = 'rate-limited' | 'unavailable';

export function renderErrorPage(kind: ErrorPageKind, officeName: string, page: PageContext): string {
  return renderPage(
    page,
    officeName,
    (t) => t.t(`error-${kind}-title`),
    (t) => (
      <>
        <h1>{t.t(`error-${kind}-title`)}</h1>
        <p>{t.t(`error-${kind}-text`)}</p>
        <p>
          <a href={hrefIn('/', page.language)}>{t.t('not-found-home')}</a>
        </p>
      </>
    ),
  );
}
