import { describe, expect, test } from 'vitest';
import { applicantDeadline } from '../../../src/domain/sla/applicantDeadline.js';

describe('applicantDeadline', () => {
  test('calendar days end at midnight Jakarta time of the N-th day after the request day', () => {
    // Mon 2026-03-02 10:00 WIB + 14 days → end of Mon 2026-03-16 (23:59:59.999 WIB = 16:59:59.999Z).
    expect(applicantDeadline('2026-03-02T03:00:00Z', { calendarDays: 14 })).toBe('2026-03-16T16:59:59.999Z');
  });

  test('a request late in the evening UTC is dated by its Jakarta day', () => {
    // 2026-03-02T20:00Z is already Tue 03:00 WIB: the count starts from Tuesday.
    expect(applicantDeadline('2026-03-02T20:00:00Z', { calendarDays: 1 })).toBe('2026-03-04T16:59:59.999Z');
  });

  test('calendar days ignore holidays and weekends: the applicant is not bound to office hours', () => {
    // Fri 2026-03-20 (cuti bersama) + 3 days → end of Mon 2026-03-23.
    expect(applicantDeadline('2026-03-20T02:00:00Z', { calendarDays: 3 })).toBe('2026-03-23T16:59:59.999Z');
  });

  test('an ISO duration is exact elapsed time', () => {
    expect(applicantDeadline('2026-03-02T03:00:00.000Z', { duration: 'PT30S' })).toBe(
      '2026-03-02T03:00:30.000Z',
    );
  });
});
