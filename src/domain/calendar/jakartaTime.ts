// Asia/Jakarta (WIB) wall-clock arithmetic on epoch milliseconds.
// WIB is a fixed UTC+7 with no daylight saving since 1964, so shifting the epoch by +7 h and
// reading UTC fields gives the Jakarta wall clock on any host, whatever its TZ. Never use the
// host-local getters (getHours, getDay, ...) in calendar code.

export const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Jakarta calendar day of an instant, as whole days since 1970-01-01 (a "day number"). */
export function jakartaDayNumber(epochMs: number): number {
  return Math.floor((epochMs + JAKARTA_OFFSET_MS) / DAY_MS);
}

/** The instant of 00:00 WIB on a day number. */
export function jakartaMidnightMs(day: number): number {
  return day * DAY_MS - JAKARTA_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** `YYYY-MM-DD` of a day number. */
export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a strict `YYYY-MM-DD` date, or null when it is not a real calendar date. */
export function dayOfIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, dayOfMonth);
  // Date.UTC rolls 2026-02-30 over to March: a round trip rejects such dates.
  const date = new Date(ms);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== dayOfMonth
  ) {
    return null;
  }
  return ms / DAY_MS;
}

/**
 * The instant of a Jakarta wall-clock time written `YYYY-MM-DD HH:MM[:SS[.mmm]]` (or with `T`).
 * Meant for configuration, fixtures and tests; throws on anything that is not a real time.
 */
export function jakartaWallTime(text: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(text);
  const day = match?.[1] === undefined ? null : dayOfIsoDate(match[1]);
  if (!match || day === null) throw new RangeError(`not a Jakarta wall-clock time: '${text}'`);
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  const millis = Number((match[5] ?? '').padEnd(3, '0'));
  if (hours > 23 || minutes > 59 || seconds > 59)
    throw new RangeError(`not a Jakarta wall-clock time: '${text}'`);
  return new Date(jakartaMidnightMs(day) + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis);
}

/** `Tue 2026-03-31 16:00 WIB` (seconds shown only when not zero): for messages and test output. */
export function formatJakarta(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  const day = jakartaDayNumber(ms);
  const local = new Date(ms + JAKARTA_OFFSET_MS).toISOString();
  const time = local.slice(17, 23) === '00.000' ? local.slice(11, 16) : local.slice(11, 23);
  return `${WEEKDAY_NAMES[weekdayOfDay(day)]} ${isoDateOfDay(day)} ${time} WIB`;
}
