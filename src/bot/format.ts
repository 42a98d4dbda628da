import type { PermitType } from '../domain/catalog/catalogSchema.js';
import type { Language } from './context.js';
import type { Translate } from './i18n.js';

// Display helpers shared by replies and notifications. Words come from the locale files; names
// of permit types and stages come from the catalog, which is bilingual.

const LOCALE_TAGS: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

// Made once per language: building a formatter costs some 50 times what formatting does, and
// an inbox page formats ten deadlines.
const DATE_TIME_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  id: jakartaDateTime('id'),
  en: jakartaDateTime('en'),
};

function jakartaDateTime(language: Language): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALE_TAGS[language], {
    timeZone: 'Asia/Jakarta',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** `Rabu, 25 November 2026 16.00 WIB`: office deadlines are Jakarta wall-clock times. */
export function formatDateTime(iso: string | null | undefined, language: Language): string | null {
  if (!iso) return null;
  // A language stored before it was checked falls back to Indonesian, the office's own.
  const format = DATE_TIME_FORMATS[language] ?? DATE_TIME_FORMATS.id;
  return `${format.format(new Date(iso))} WIB`;
}

/** Working (or elapsed) time left, or how late the file is, in hours and minutes. */
export function formatTimeLeft(ms: number | null, t: Translate): string {
  if (ms === null) return t('time-none');
  const late = ms <= 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const span =
    minutes === 0
      ? t('time-under-minute')
      : t('time-hours-minutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return late ? t('time-late', { span }) : t('time-left', { span });
}

/** Finds a permit type by code: the service's catalog in the bot, the catalog in the worker. */
export type PermitTypeLookup = (code: string) => PermitType | undefined;

export function permitTypeName(lookup: PermitTypeLookup, code: string, language: Language): string {
  return lookup(code)?.name[language] ?? code;
}

export function stageName(
  lookup: PermitTypeLookup,
  permitTypeCode: string,
  stageKey: string | null | undefined,
  language: Language,
): string {
  if (!stageKey) return '-';
  const stage = lookup(permitTypeCode)?.stages.find((s) => s.key === stageKey);
  return stage?.name[language] ?? stageKey;
}

export function statusLabel(status: string, t: Translate): string {
  return t(`status-${status.toLowerCase().replace(/_/g, '-')}`);
}
