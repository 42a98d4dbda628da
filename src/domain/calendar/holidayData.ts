// The holiday list as data: national holidays (libur nasional) and collective leave (cuti
// bersama) per year, kept in the repository as YAML (data/holidays-id.yaml) so an admin can
// edit it when a decree moves a date. Pure: no file access here (see holidayFile.ts), so the
// parser can also run on text fetched from a database or an upload.

import { parseDocument } from 'yaml';
import { z } from 'zod';
import { CalendarDataError, type CalendarDataIssue, issuesFromZod } from './calendarDataError.js';
import { dayOfIsoDate } from './jakartaTime.js';

export const HOLIDAY_TYPES = ['libur_nasional', 'cuti_bersama'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

export interface Holiday {
  /** `YYYY-MM-DD`, a Jakarta calendar day. */
  date: string;
  type: HolidayType;
  name: string;
}

/** Plain, JSON-serialisable calendar data: what a Temporal activity passes around. */
export interface HolidayCalendarData {
  /** Years whose holidays are decreed and listed (a listed year with no entries is covered too). */
  coveredYears: number[];
  /** Sorted by date. */
  holidays: Holiday[];
}

const NOT_A_DATE = 'not a valid date (expected YYYY-MM-DD)';
export const holidayDateSchema = z
  .string({ error: NOT_A_DATE })
  .refine((text) => dayOfIsoDate(text) !== null, { error: NOT_A_DATE });

export const holidaySchema = z.strictObject({
  date: holidayDateSchema,
  type: z.enum(HOLIDAY_TYPES, { error: `expected ${HOLIDAY_TYPES.join(' or ')}` }),
  name: z.string({ error: 'expected a name' }).regex(/\S/, { error: 'expected a name' }),
});

/** The list under one year key: every date must fall in that year. */
const holidayListSchema = (year: string) =>
  z.array(
    holidaySchema.extend({
      date: z.string({ error: NOT_A_DATE }).superRefine((date, ctx) => {
        if (dayOfIsoDate(date) === null) ctx.addIssue({ code: 'custom', message: NOT_A_DATE });
        else if (!date.startsWith(`${year}-`))
          ctx.addIssue({ code: 'custom', message: `${date} is not in ${year}` });
      }),
    }),
    { error: 'expected a list of holidays' },
  );

const isYearKey = (key: string): boolean => /^\d{4}$/.test(key);

/**
 * Parses the holiday YAML: a mapping from year to a list of `{ date, type, name }`.
 * `source` names the file in error messages. Throws CalendarDataError listing every problem.
 */
export function parseHolidayCalendar(yamlText: string, source = '<holidays>'): HolidayCalendarData {
  // YAML 1.2 core schema: `2025-01-01` stays a string instead of becoming a host-local Date.
  const document = parseDocument(yamlText, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new CalendarDataError(
      source,
      document.errors.map((error) => ({ path: [], problem: error.message.split('\n')[0] ?? error.message })),
    );
  }
  const root: unknown = document.toJS();
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw new CalendarDataError(source, [
      { path: [], problem: 'expected a mapping from year to a list of holidays' },
    ]);
  }

  const issues: CalendarDataIssue[] = [];
  const coveredYears: number[] = [];
  const holidays: Holiday[] = [];
  for (const [key, value] of Object.entries(root)) {
    if (!isYearKey(key)) {
      issues.push({ path: [key], problem: 'expected a four-digit year as key' });
      continue;
    }
    const year = Number(key);
    coveredYears.push(year);
    // An empty year (`2027:` with nothing under it) is an explicit "no holidays", not a mistake.
    const parsed = holidayListSchema(key).safeParse(value ?? []);
    if (parsed.success) holidays.push(...parsed.data);
    else issues.push(...issuesFromZod(parsed.error.issues, [key]));
  }
  if (issues.length > 0) throw new CalendarDataError(source, issues);

  coveredYears.sort((a, b) => a - b);
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { coveredYears, holidays };
}
