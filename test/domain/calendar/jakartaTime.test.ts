import { describe, expect, it } from 'vitest';
import {
  dayOfIsoDate,
  formatJakarta,
  isoDateOfDay,
  jakartaDayNumber,
  jakartaWallTime,
  weekdayOfDay,
} from '../../../src/domain/calendar/jakartaTime.js';

describe('Jakarta wall clock', () => {
  it('is UTC+7 whatever the host time zone', () => {
    expect(jakartaWallTime('2026-03-31 16:00').toISOString()).toBe('2026-03-31T09:00:00.000Z');
    // 23:30 UTC is already the next day in Jakarta.
    const lateUtc = new Date('2026-03-17T23:30:00Z');
    expect(isoDateOfDay(jakartaDayNumber(lateUtc.getTime()))).toBe('2026-03-18');
    expect(formatJakarta(lateUtc)).toBe('Wed 2026-03-18 06:30 WIB');
  });

  it('knows the weekday', () => {
    expect(weekdayOfDay(dayOfIsoDate('2026-03-17') as number)).toBe(2); // Tuesday
    expect(weekdayOfDay(dayOfIsoDate('2027-01-01') as number)).toBe(5); // Friday
    expect(weekdayOfDay(dayOfIsoDate('1969-12-28') as number)).toBe(0); // Sunday, before the epoch
  });

  it('rejects impossible dates and times', () => {
    expect(dayOfIsoDate('2026-02-29')).toBeNull();
    expect(dayOfIsoDate('2028-02-29')).not.toBeNull();
    expect(dayOfIsoDate('2026-1-01')).toBeNull();
    expect(() => jakartaWallTime('2026-03-17 24:00')).toThrow(RangeError);
    expect(() => jakartaWallTime('2026-03-17')).toThrow(RangeError);
  });

  it('shows seconds only when there are some', () => {
    expect(formatJakarta(jakartaWallTime('2026-03-17T08:15:30.250'))).toBe('Tue 2026-03-17 08:15:30.250 WIB');
  });
});
