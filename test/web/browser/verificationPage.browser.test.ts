import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../src/web/webLocale.js';
import { type ApiTestStack, startApiTestStack } from '../../api/support/apiStack.js';
import { type IssuedPermit, issuePermitViaApi, revokePermitViaApi } from '../../api/support/issuedPermit.js';
import { expectSoundPage, launchBrowser, onPhonePage } from '../../support/browser.js';

// The page the QR code on a permit opens, in a real browser (Debian's chromium through
// playwright-core) under the app's real Content-Security-Policy: permits issued over the API
// by the worker, their links read from the QR code on the PDF. Each state renders in both
// languages without a console error or a script, passes axe-core, and the upload form (plain
// HTML; the page has no script and its policy, `default-src 'none'`, would refuse one) tells the
// genuine PDF from a copy with one byte changed. Screenshots: test-artifacts/verification-page/.
let api: ApiTestStack;
let browser: Browser;
let valid: IssuedPermit;
let revoked: IssuedPermit;
const REVOCATION_REASON = 'Izin diterbitkan atas data yang keliru';

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiTestStack('web_verification'), launchBrowser()]);
  [valid, revoked] = await Promise.all([issuePermitViaApi(api), issuePermitViaApi(api)]);
  await revokePermitViaApi(api, revoked.permitNumber, REVOCATION_REASON);
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

const TEXTS = {
  id: {
    valid: 'SAH',
    revoked: 'DICABUT',
    genuine: 'ASLI:',
    notGenuine: 'TIDAK ASLI:',
    notFound: 'Halaman tidak ditemukan',
  },
  en: {
    valid: 'VALID',
    revoked: 'REVOKED',
    genuine: 'GENUINE:',
    notGenuine: 'NOT GENUINE:',
    notFound: 'Page not found',
  },
} as const;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const inLanguage = (link: string, language: Language) => (language === 'en' ? `${link}?lang=en` : link);
const screenshot = (name: string) => ({ folder: 'verification-page', name });

/** The genuine PDF with one byte in its middle flipped: looks the same, is not the same. */
function alteredCopy(pdf: Buffer): Buffer {
  const altered = Buffer.from(pdf);
  const middle = Math.floor(altered.length / 2);
  altered[middle] = (altered[middle] as number) ^ 0x01;
  return altered;
}

/** Chooses `pdf` in the page's file field and submits the form, as a person would. */
async function uploadThroughForm(page: Page, pdf: Buffer) {
  await page.getByLabel(/Berkas PDF|PDF file/).setInputFiles({
    name: 'izin.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  const [response] = await Promise.all([
    page.waitForResponse((res) => res.request().method() === 'POST'),
    page.getByRole('button', { name: /Periksa dokumen|Check the document/ }).click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** The answer to an uploaded copy: its box's look and its text. */
async function checkAnswer(page: Page) {
  const answer = page.locator('[role="status"]');
  return { className: (await answer.getAttribute('class')) ?? '', text: (await answer.textContent()) ?? '' };
}

describe.each<Language>(['id', 'en'])('in %s', (language) => {
  const texts = TEXTS[language];

  it('a valid permit shows its state in large words and its public facts', () =>
    onPhonePage(browser, async (page, console) => {
      const response = await page.goto(inLanguage(valid.verificationLink, language));
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toMatch(
        /default-src 'none'.*form-action 'self'/,
      );
      expect((await page.locator('#status').textContent())?.trim()).toBe(texts.valid);
      const facts = (await page.locator('dl.facts').textContent()) ?? '';
      expect(facts).toContain(valid.permitNumber);
      expect(facts).toContain('Siti R.');
      expect(facts).not.toContain('Rahmawati');
      expect(facts).toContain(sha256(valid.pdf));
      expect(await page.locator('[role="status"]').count()).toBe(0);
      await expectSoundPage(page, console.errors, language, screenshot(`valid-${language}`));
    }));

  it('uploading the genuine PDF through the form answers that it is the genuine document', () =>
    onPhonePage(browser, async (page, console) => {
      await page.goto(inLanguage(valid.verificationLink, language));
      expect((await uploadThroughForm(page, valid.pdf)).status()).toBe(200);
      const answer = await checkAnswer(page);
      expect(answer.className).toContain('notice-good');
      expect(answer.text.trim().startsWith(texts.genuine)).toBe(true);
      expect(answer.text).toContain(sha256(valid.pdf));
      expect((await page.locator('#status').textContent())?.trim()).toBe(texts.valid);
      await expectSoundPage(page, console.errors, language, screenshot(`genuine-copy-${language}`));
    }));

  it('uploading a copy with one byte changed answers that it is not genuine', () =>
    onPhonePage(browser, async (page, console) => {
      await page.goto(inLanguage(valid.verificationLink, language));
      const altered = alteredCopy(valid.pdf);
      expect((await uploadThroughForm(page, altered)).status()).toBe(200);
      const answer = await checkAnswer(page);
      expect(answer.className).toContain('notice-bad');
      expect(answer.text.trim().startsWith(texts.notGenuine)).toBe(true);
      expect(answer.text).toContain(sha256(altered));
      await expectSoundPage(page, console.errors, language, screenshot(`altered-copy-${language}`));
    }));

  it('a revoked permit shows that it is revoked, with the reason', () =>
    onPhonePage(browser, async (page, console) => {
      const response = await page.goto(inLanguage(revoked.verificationLink, language));
      expect(response?.status()).toBe(200);
      expect((await page.locator('#status').textContent())?.trim()).toBe(texts.revoked);
      const facts = (await page.locator('dl.facts').textContent()) ?? '';
      expect(facts).toContain(revoked.permitNumber);
      expect(facts).toContain(REVOCATION_REASON);
      await expectSoundPage(page, console.errors, language, screenshot(`revoked-${language}`));
    }));

  it('an unknown token shows the 404 page and nothing of any permit', () =>
    onPhonePage(browser, async (page, console) => {
      console.expectDocumentStatus(404);
      const guessed = `${api.url}/verifikasi/q3Jb7xW0pVnE2rT9yK5mLs8dHfA4cZ1u`;
      const response = await page.goto(inLanguage(guessed, language));
      expect(response?.status()).toBe(404);
      expect((await page.locator('h1').textContent())?.trim()).toBe(texts.notFound);
      expect(await page.content()).not.toContain(valid.permitNumber);
      expect(await page.locator('form').count()).toBe(0);
      await expectSoundPage(page, console.errors, language, screenshot(`unknown-token-${language}`));
    }));
});
