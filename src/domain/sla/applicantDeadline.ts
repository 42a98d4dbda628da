// How long an applicant has to act (resubmit after a revision request, pay a levy). Applicants
// are not bound to office hours, so calendar days end at midnight Jakarta time; ISO durations
// (drills and tests) are plain elapsed time.

import { jakartaDayNumber, jakartaMidnightMs } from '../calendar/jakartaTime.js';
import type { ResponseDeadline } from '../catalog/catalogSchema.js';
import { parseIsoDuration } from './isoDuration.js';
import { toEpochMs } from './stageClock.js';

/**
 * `{ calendarDays: N }`: the last millisecond of the N-th calendar day after the day of `from`
 * (Asia/Jakarta), so a request on Monday with 14 days runs to the end of Monday two weeks on.
 */
export function applicantDeadline(from: string | Date | number, deadline: ResponseDeadline): string {
  const fromMs = toEpochMs(from, 'from');
  if ('duration' in deadline) return new Date(fromMs + parseIsoDuration(deadline.duration)).toISOString();
  const lastDay = jakartaDayNumber(fromMs) + deadline.calendarDays;
  return new Date(jakartaMidnightMs(lastDay + 1) - 1).toISOString();
}
