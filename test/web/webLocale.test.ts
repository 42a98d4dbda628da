import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webLanguage, webLocaleFile, webTexts } from '../../src/web/webLocale.js';

const keysOf = (language: 'id' | 'en') =>
  readFileSync(webLocaleFile(language), 'utf8')
    .split('\n')
    .map((line) => /^([a-zA-Z][\w-]*) =/.exec(line)?.[1])
    .filter((key): key is string => key !== undefined)
    .sort();

describe('the web texts', () => {
  it('have the same keys in Indonesian and English', () => {
    expect(keysOf('en')).toEqual(keysOf('id'));
    expect(keysOf('id').length).toBeGreaterThan(50);
  });

  it('fill in variables without isolation marks', () => {
    expect(webTexts('id').t('working-days', { days: 5 })).toBe('5 hari kerja');
  });

  it('throw on a missing message or variable, so no raw key reaches a page', () => {
    expect(() => webTexts('en').t('no-such-text')).toThrow("web text 'no-such-text' is missing in en.ftl");
    expect(() => webTexts('id').t('working-days')).toThrow(/working-days/);
  });

  it('choose English only for lang=en', () => {
    expect(webLanguage('en')).toBe('en');
    expect(webLanguage('EN')).toBe('id');
    expect(webLanguage(['en'])).toBe('id');
    expect(webLanguage(undefined)).toBe('id');
  });
});
