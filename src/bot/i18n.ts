import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import type { BotContext, Language } from './context.js';

/** locales/<language>.ftl at the project root, wherever the process was started from. */
export const LOCALES_DIR = fileURLToPath(new URL('../../locales', import.meta.url));

export const LANGUAGES: readonly Language[] = ['id', 'en'];
export const DEFAULT_LANGUAGE: Language = 'id';

export type TranslationVariables = Record<string, string | number>;
export type Translate = (key: string, variables?: TranslationVariables) => string;

/** Indonesian first; English for a user whose Telegram app is in English until they choose. */
export function guessLanguage(telegramLanguageCode: string | undefined): Language {
  return telegramLanguageCode?.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LANGUAGE;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'id' || value === 'en';
}

/** The language to answer this update in: the user's choice, else a guess from their app. */
export function languageOf(ctx: Pick<BotContext, 'from' | 'session'>): Language {
  let chosen: Language | undefined;
  try {
    chosen = ctx.session?.language;
  } catch {
    // No session for updates without a user (channel posts): fall back to the guess.
  }
  return chosen ?? guessLanguage(ctx.from?.language_code);
}

export function createI18n(): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: DEFAULT_LANGUAGE,
    directory: LOCALES_DIR,
    // No Unicode isolation marks around values: registration numbers must copy cleanly.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => languageOf(ctx),
  });
}

/** A translate function fixed to one language, for conversations and notifications. */
export function translator(i18n: I18n<BotContext>, language: Language): Translate {
  return (key, variables) => i18n.t(language, key, variables);
}

/** Picks the text of a bilingual domain message ({ id, en }). */
export function pick(text: { id: string; en: string }, language: Language): string {
  return text[language];
}
