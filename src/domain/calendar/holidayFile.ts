// Reads the holiday YAML from disk. Kept apart from holidayData.ts so workflow code, which
// must not touch the file system, can import the pure parser and calendar alone.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CalendarDataError } from './calendarDataError.js';
import { type HolidayCalendarData, parseHolidayCalendar } from './holidayData.js';

/** Loads and validates a holiday file; errors name the file as given. */
export async function loadHolidayCalendar(filePath: string | URL): Promise<HolidayCalendarData> {
  const source = filePath instanceof URL ? fileURLToPath(filePath) : filePath;
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CalendarDataError(source, [{ path: [], problem: `cannot read the file (${code})` }]);
  }
  return parseHolidayCalendar(text, source);
}
