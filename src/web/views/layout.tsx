// The frame of every public page: language, skip link, header with the menu and the language
// switch, one stylesheet, no script. renderPage adds the doctype; hono's JSX runtime escapes
// every text and attribute value, so views never build HTML by hand.

import { fileURLToPath } from 'node:url';
import type { Child } from 'hono/jsx';
import { type WebTexts, webTexts } from '../webLocale.js';
import type { PageContext } from './viewModels.js';

export const STYLESHEET_HREF = '/assets/site.css';
/** The stylesheet on disk, for the route that serves STYLESHEET_HREF. */
export const STYLESHEET_FILE = fileURLToPath(new URL('../assets/site.css', import.meta.url));

/** `path` in `language`: Indonesian is the default, so only English carries `?lang=en`. */
export function hrefIn(path: string, language: PageContext['language']): string {
  return language === 'en' ? `${path}?lang=en` : path;
}

const MENU = [
  ['/', 'nav-services'],
  ['/lacak', 'nav-tracking'],
  ['/statistik', 'nav-statistics'],
] as const;

interface LayoutProps {
  page: PageContext;
  officeName: string;
  title: string;
  children: Child;
}

function Layout({ page, officeName, title, children }: LayoutProps) {
  const t = webTexts(page.language);
  const other = page.language === 'id' ? 'en' : 'id';
  return (
    <html lang={page.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.t('site-name')} · ${officeName}`}</title>
        <link rel="stylesheet" href={STYLESHEET_HREF} />
      </head>
      <body>
        <a class="skip-link" href="#content">
          {t.t('skip-to-content')}
        </a>
        <header class="site-header">
          <div class="wrap">
            <p class="site-office">{officeName}</p>
            <p class="site-name">{t.t('site-name')}</p>
            <nav aria-label={t.t('nav-label')}>
              <ul>
                {MENU.map(([path, key]) => (
                  <li key={path}>
                    <a
                      href={hrefIn(path, page.language)}
                      aria-current={page.path === path ? 'page' : undefined}
                    >
                      {t.t(key)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <a
              class="language-switch"
              href={hrefIn(page.path, other)}
              lang={other}
              hreflang={other}
              aria-label={t.t('language-switch-label')}
            >
              {t.t('language-switch')}
            </a>
          </div>
        </header>
        <main id="content" class="wrap">
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">{t.t('footer-text', { office: officeName })}</div>
        </footer>
      </body>
    </html>
  );
}

/** A whole HTML document for one page. */
export function renderPage(
  page: PageContext,
  officeName: string,
  title: (t: WebTexts) => string,
  body: (t: WebTexts) => Child,
): string {
  const t = webTexts(page.language);
  const html = (
    <Layout page={page} officeName={officeName} title={title(t)}>
      {body(t)}
    </Layout>
  );
  return `<!doctype html>${html.toString()}`;
}
