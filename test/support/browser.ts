// Real-browser checks of the public pages: Debian's chromium (never a downloaded browser)
// driven by playwright-core, with axe-core for accessibility. One browser per test file; each
// check opens its own page. Screenshots go to test-artifacts/ (git-ignored).

import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Language } from '../../src/web/webLocale.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve('test-artifacts');

/** A headless chromium that reaches nothing but the pages it is sent to. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Collects what would make a page's console red: console errors, uncaught exceptions, and
 * failed requests. A document deliberately answered with an error status (a 404 page, a refused
 * lookup) makes chromium log "Failed to load resource" for that document: `expectedStatus`
 * lets exactly that one through.
 */
export function watchConsole(page: Page): { errors: string[]; expectDocumentStatus(status: number): void } {
  const errors: string[] = [];
  let allowedStatus: number | null = null;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const documentStatus = /^Failed to load resource: the server responded with a status of (\d+)/.exec(text);
    if (
      documentStatus &&
      Number(documentStatus[1]) === allowedStatus &&
      message.location().url === page.url()
    )
      return;
    errors.push(`${text} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  return {
    errors,
    expectDocumentStatus(status) {
      allowedStatus = status;
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core in the page and returns its serious and critical violations. The script is
 * evaluated through the DevTools protocol, so the page's Content-Security-Policy (no scripts)
 * stays in force for everything else the test observes.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(await axeSource);
  // Expressions as text: they run in the page, and this project compiles without the DOM types.
  const violations = (await page.evaluate(`axe.run(document).then((results) =>
    results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((node) => node.target.map(String).join(' ')),
    })))`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Whether the page's one stylesheet was loaded and applied (a CSP refusal would leave none). */
export function stylesheetApplied(page: Page): Promise<boolean> {
  return page.evaluate(`(() => {
    const sheet = document.styleSheets[0];
    return document.styleSheets.length === 1 && sheet !== undefined && sheet.cssRules.length > 0;
  })()`) as Promise<boolean>;
}

/** A full-page screenshot under test-artifacts/<folder>/<name>.png; returns its path. */
export async function saveScreenshot(page: Page, folder: string, name: string): Promise<string> {
  const dir = path.join(ARTIFACTS_DIR, folder);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Runs `use` on a new phone-sized page (as most applicants and people scanning a QR code will
 * see it) with its console watched, and closes the page whatever happens.
 */
export async function onPhonePage(
  browser: Browser,
  use: (page: Page, console: ReturnType<typeof watchConsole>) => Promise<void>,
): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1 });
  try {
    await use(page, watchConsole(page));
  } finally {
    await page.close();
  }
}

/**
 * What every rendered public page must hold, whatever it shows: its language, its one
 * stylesheet applied, no script, no serious or critical axe-core violation, and no console
 * error; its screenshot goes to test-artifacts/<folder>/<name>.png.
 */
export async function expectSoundPage(
  page: Page,
  errors: string[],
  language: Language,
  screenshot: { folder: string; name: string },
): Promise<void> {
  expect(await page.getAttribute('html', 'lang')).toBe(language);
  expect(await stylesheetApplied(page)).toBe(true);
  expect(await page.locator('script').count()).toBe(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, screenshot.folder, screenshot.name);
  expect(errors).toEqual([]);
}
