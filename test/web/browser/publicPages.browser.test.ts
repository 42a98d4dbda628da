import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../src/web/webLocale.js';
import { aggregatePublicStats } from '../../../src/worker/statsAggregator.js';
import { type ApiTestStack, startApiTestStack } from '../../api/support/apiStack.js';
import { call, type Submitted, submitViaApi, uploadKtp } from '../../api/support/httpClient.js';
import { expectSoundPage, launchBrowser, onPhonePage } from '../../support/browser.js';
import { VALID_NIK } from '../../support/permitScenario.js';
import { answerSurveys, fileComplaints } from '../publishedFigures.js';
import { KNOWN_SURVEY_ANSWERS } from '../sampleViews.js';

// The public pages in a real browser (Debian's chromium through playwright-core), with the
// app's real Content-Security-Policy: every page in both languages renders with its stylesheet
// and no console error, passes axe-core without a serious or critical violation, and the
// tracking form works by typing and submitting. Screenshots: test-artifacts/public-pages/.
let api: ApiTestStack;
let browser: Browser;
let file: Submitted;

beforeAll(async () => {
  [api, browser] = await Promise.all([
    startApiTestStack('web_browser', { settings: { botUsername: 'PerizinanSerangBot' } }),
    launchBrowser(),
  ]);
  file = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
  await call(api.url, 'POST', `/api/v1/applications/${file.registrationNumber}/decisions`, {
    bearer: api.keys.verifikator,
    body: { decision: 'revise', note: 'Foto KTP buram, unggah ulang' },
  });
  const rejected = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
  await call(api.url, 'POST', `/api/v1/applications/${rejected.registrationNumber}/decisions`, {
    bearer: api.keys.verifikator,
    body: { decision: 'reject', note: 'bukan wewenang kami' },
  });
  await answerSurveys(api.url, 'TEST-ONEREV', KNOWN_SURVEY_ANSWERS);
  await fileComplaints(api.url, api.keys.manager);
  await aggregatePublicStats({ pool: api.stack.pool, calendar: api.stack.calendar });
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

const screenshot = (name: string) => ({ folder: 'public-pages', name });

const query = (language: Language) => (language === 'en' ? '?lang=en' : '');

describe.each<Language>(['id', 'en'])('in %s', (language) => {
  it.each([
    ['home', '/', 200],
    ['tracking-form', '/lacak', 200],
    ['statistics', '/statistik', 200],
    ['not-found', '/tidak-ada', 404],
  ] as const)('the %s page renders soundly', (name, path, status) =>
    onPhonePage(browser, async (page, console) => {
      console.expectDocumentStatus(status);
      const response = await page.goto(`${api.url}${path}${query(language)}`);
      expect(response?.status()).toBe(status);
      if (name === 'statistics') {
        expect(await page.locator('svg.chart rect.bar').count()).toBeGreaterThan(0);
        // The survey's and the complaints' tables, each with its caption (axe checks them below).
        const survey = page.locator('#survei-test-onerev');
        expect(await survey.textContent()).toContain('TEST-ONEREV');
        const ikm = page.locator('table:has(#survei-test-onerev) tbody tr').nth(10);
        expect(await ikm.textContent()).toContain(language === 'id' ? '83,89' : '83.89');
        expect(await page.locator('section[aria-labelledby="pengaduan"] table caption').count()).toBe(1);
      }
      await expectSoundPage(page, console.errors, language, screenshot(`${name}-${language}`));
    }),
  );

  it('the tracking form shows the file after typing its number and code and submitting', () =>
    onPhonePage(browser, async (page, console) => {
      await page.goto(`${api.url}/lacak${query(language)}`);
      await page
        .getByLabel(language === 'id' ? 'Nomor registrasi' : 'Registration number')
        .pressSequentially(file.registrationNumber.toLowerCase());
      await page
        .getByLabel(language === 'id' ? 'Kode akses' : 'Access code')
        .pressSequentially(file.accessCode);
      await Promise.all([
        page.waitForURL(`${api.url}/lacak${query(language)}`, { waitUntil: 'load' }),
        page.getByRole('button', { name: language === 'id' ? 'Lihat status' : 'Show status' }).click(),
      ]);
      const result = page.locator('section[aria-labelledby="hasil"]');
      await expect.poll(() => result.count()).toBe(1);
      const text = (await result.textContent()) ?? '';
      expect(text).toContain(file.registrationNumber);
      expect(text).toContain(language === 'id' ? 'Diminta perbaikan berkas' : 'Revision requested');
      expect(text).toContain('Foto KTP buram');
      const html = await page.content();
      expect(html).not.toContain(VALID_NIK);
      expect(html).not.toContain(file.accessCode);
      await expectSoundPage(page, console.errors, language, screenshot(`tracking-result-${language}`));
    }));

  it('a wrong code shows only that nothing was found', () =>
    onPhonePage(browser, async (page, console) => {
      console.expectDocumentStatus(404);
      await page.goto(`${api.url}/lacak${query(language)}`);
      await page.locator('#nomor').pressSequentially(file.registrationNumber);
      await page.locator('#kode').pressSequentially('WRONGCODE2');
      const [response] = await Promise.all([
        page.waitForResponse((res) => res.request().method() === 'POST'),
        page.locator('button[type="submit"]').click(),
      ]);
      expect(response.status()).toBe(404);
      await page.waitForLoadState('load');
      await expect.poll(() => page.locator('[role="alert"]').count()).toBe(1);
      expect(await page.locator('section[aria-labelledby="hasil"]').count()).toBe(0);
      await expectSoundPage(page, console.errors, language, screenshot(`tracking-not-found-${language}`));
    }));
});
