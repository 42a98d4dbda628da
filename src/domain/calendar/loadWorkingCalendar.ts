import { loadHolidayCalendar } from './holidayFile.js';
import { createWorkingCalendar, type WorkingCalendar } from './workingCalendar.js';

/** The calendar the worker computes deadlines with, from the (editable) holiday file. */
export async function loadWorkingCalendar(holidayFile: string): Promise<WorkingCalendar> {
  const data = await loadHolidayCalendar(holidayFile);
  return createWorkingCalendar({ holidays: data.holidays, coveredYears: data.coveredYears });
}
