import { describe, expect, it } from 'vitest';
import { jakartaWallTime } from '../../../src/domain/calendar/jakartaTime.js';
import {
  formatLongDate,
  formatLongIsoDate,
  formatShortMonth,
} from '../../../src/domain/calendar/longDate.js';

describe('long dates', () => {
  it('writes the Jakarta calendar day in Indonesian and English', () => {
    const at = jakartaWallTime('2026-11-30 09:15');
    expect(formatLongDate(at, 'id')).toBe('30 November 2026');
    expect(formatLongDate(at, 'en')).toBe('30 November 2026');
    expect(formatLongDate(jakartaWallTime('2026-08-17 10:00'), 'id')).toBe('17 Agustus 2026');
    expect(formatLongDate(jakartaWallTime('2026-08-17 10:00'), 'en')).toBe('17 August 2026');
  });

  it('uses the Jakarta day, not the UTC one, just after midnight WIB', () => {
    // 00:30 WIB on 1 January is still 31 December in UTC.
    const at = jakartaWallTime('2027-01-01 00:30');
    expect(at.toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(formatLongDate(at, 'id')).toBe('1 Januari 2027');
    expect(formatLongDate(at.getTime(), 'en')).toBe('1 January 2027');
  });

  it('writes calendar dates without a time and refuses unreal ones', () => {
    expect(formatLongIsoDate('2031-05-09', 'id')).toBe('9 Mei 2031');
    expect(formatLongIsoDate('2028-02-29', 'en')).toBe('29 February 2028');
    expect(() => formatLongIsoDate('2027-02-29', 'id')).toThrow(RangeError);
    expect(() => formatLongDate(new Date(Number.NaN), 'id')).toThrow(RangeError);
  });

  it('abbreviates months for chart labels', () => {
    expect(formatShortMonth('2026-08', 'id')).toBe('Agu 2026');
    expect(formatShortMonth('2026-10', 'en')).toBe('Oct 2026');
    expect(() => formatShortMonth('2026-13', 'en')).toThrow(RangeError);
  });
});
