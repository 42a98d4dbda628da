// Texts of the public web pages, in Fluent files like the bot's (src/web/assets/locales), kept
// apart from the bot's locales/ folder, whose every subfolder the bot would load as a language.
// A missing message or variable throws: a page must never show a raw key to a citizen, and the
// render tests, which render every page in both languages, catch it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Language } from '../domain/fees/rupiah.js';

export type { Language };
export const WEB_LANGUAGES: readonly Language[] = ['id', 'en'];

export type WebTextVariables = Record<string, string | number>;
export interface WebTexts {
  language: Language;
  t(key: string, variables?: WebTextVariables): string;
  has(key: string): boolean;
}

export function webLocaleFile(language: Language): string {
  return fileURLToPath(new URL(`./assets/locales/${language}.ftl`, import.meta.url));
}

function loadBundle(language: Language): FluentBundle {
  // No Unicode isolation marks around values: numbers and codes must copy cleanly.
  const bundle = new FluentBundle(language, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(readFileSync(webLocaleFile(language), 'utf8')));
  if (errors.length > 0) throw new Error(`${webLocaleFile(language)}: ${errors.map(String).join('; ')}`);
  return bundle;
}

const bundles: Record<Language, FluentBundle> = { id: loadBundle('id'), en: loadBundle('en') };

export function webTexts(language: Language): WebTexts {
  const bundle = bundles[language];
  return {
    language,
    has: (key) => bundle.hasMessage(key),
    t(key, variables = {}) {
      const pattern = bundle.getMessage(key)?.value;
      if (!pattern) throw new Error(`web text '${key}' is missing in ${language}.ftl`);
      const errors: Error[] = [];
      const text = bundle.formatPattern(pattern, variables as Record<string, FluentVariable>, errors);
      if (errors.length > 0) throw new Error(`web text '${key}' (${language}): ${errors.join('; ')}`);
      return text;
    },
  };
}

/** `?lang=en` selects English; anything else, or nothing, gives Indonesian. */
export function webLanguage(query: unknown): Language {
  return query === 'en' ? 'en' : 'id';
}
