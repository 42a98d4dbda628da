// Office hours per weekday, as 'HH:MM' WIB. A weekday without hours is not a working day;
// a weekday with hours is one unless the holiday data says otherwise.

import { z } from 'zod';
import { CalendarDataError, issuesFromZod } from './calendarDataError.js';
import { MINUTE_MS } from './jakartaTime.js';

/** Indexed like Date#getUTCDay: 0 = Sunday. */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export interface OfficeDay {
  /** 'HH:MM' WIB, 00:00–23:59. */
  open: string;
  /** 'HH:MM' WIB, later than `open`. */
  close: string;
}

/** Office hours of each weekday; null = closed all day. */
export type OfficeHours = Record<WeekdayKey, OfficeDay | null>;

/** Mon–Thu 07:30–16:00, Fri 07:30–16:30 WIB (the common regional civil-service schedule). */
export const DEFAULT_OFFICE_HOURS: Readonly<OfficeHours> = Object.freeze({
  sun: null,
  mon: { open: '07:30', close: '16:00' },
  tue: { open: '07:30', close: '16:00' },
  wed: { open: '07:30', close: '16:00' },
  thu: { open: '07:30', close: '16:00' },
  fri: { open: '07:30', close: '16:30' },
  sat: null,
});

/** Office window of a day as offsets from 00:00 WIB. */
export interface OfficeWindow {
  openMs: number;
  closeMs: number;
}

// No 24:00: a close at midnight would belong to the next day and break "deadline at close".
const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const timeSchema = z.string({ error: "expected a time 'HH:MM'" }).regex(TIME_PATTERN, {
  error: "expected a time 'HH:MM' between 00:00 and 23:59",
});

const officeDaySchema = z
  .strictObject({ open: timeSchema, close: timeSchema })
  .refine((day) => minutesOf(day.close) > minutesOf(day.open), {
    error: 'close must be later than open',
    path: ['close'],
  });

const officeHoursSchema = z
  .strictObject(Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, officeDaySchema.nullable().optional()])))
  .optional();

export interface ResolvedOfficeHours {
  hours: OfficeHours;
  /** Indexed by weekday number (0 = Sunday). */
  windows: readonly (OfficeWindow | null)[];
}

/**
 * Validates configured office hours and fills the weekdays it leaves out from the defaults
 * (so `{ sat: { open: '08:00', close: '12:00' } }` adds Saturday mornings and keeps Mon–Fri).
 */
export function resolveOfficeHours(
  input: Partial<OfficeHours> | undefined,
  source = 'officeHours',
): ResolvedOfficeHours {
  const parsed = officeHoursSchema.safeParse(input);
  if (!parsed.success) throw new CalendarDataError(source, issuesFromZod(parsed.error.issues));
  // Fresh objects, so no caller can alter the shared defaults through a calendar.
  const hours = {} as OfficeHours;
  for (const key of WEEKDAY_KEYS) {
    const configured = parsed.data?.[key];
    const day = configured === undefined ? DEFAULT_OFFICE_HOURS[key] : configured;
    hours[key] = day === null ? null : { open: day.open, close: day.close };
  }
  const windows = WEEKDAY_KEYS.map((key) => {
    const day = hours[key];
    return day
      ? { openMs: minutesOf(day.open) * MINUTE_MS, closeMs: minutesOf(day.close) * MINUTE_MS }
      : null;
  });
  if (windows.every((window) => window === null)) {
    throw new CalendarDataError(source, [{ path: [], problem: 'at least one weekday needs office hours' }]);
  }
  return { hours, windows };
}
