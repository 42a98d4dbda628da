import { describe, expect, it } from 'vitest';
import { jakartaWallTime } from '../../../src/domain/calendar/jakartaTime.js';
import {
  jakartaMonth,
  monthsEndingWith,
  onTimeSeries,
  quarterOfMonth,
  shareOf,
} from '../../../src/domain/stats/monthSeries.js';

describe('month series of the public statistics', () => {
  it('takes the month of an instant in Jakarta, not in UTC', () => {
    // 30 Nov 2026 18:30 UTC is already 1 December in Jakarta.
    expect(jakartaMonth(new Date('2026-11-30T18:30:00Z'))).toBe('2026-12');
    expect(jakartaMonth(jakartaWallTime('2026-11-30 23:59'))).toBe('2026-11');
  });

  it('counts months back across a year boundary, oldest first', () => {
    expect(monthsEndingWith('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsEndingWith('2026-11', 12)).toHaveLength(12);
    expect(monthsEndingWith('2026-11', 12)[0]).toBe('2025-12');
    expect(() => monthsEndingWith('2026-13-01', 3)).toThrow(RangeError);
  });

  it('puts each month in its calendar quarter, as the survey groups its answers', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-09', '2026-10', '2026-12'].map(quarterOfMonth)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2026-Q4',
    ]);
    expect(() => quarterOfMonth('2026-13')).toThrow(RangeError);
  });

  it('sums every permit type of a month and leaves months without decisions empty', () => {
    const series = onTimeSeries(
      [
        { month: '2026-10', decided: 8, decidedWithinSla: 6 },
        { month: '2026-10', decided: 2, decidedWithinSla: 2 },
        { month: '2026-11', decided: 4, decidedWithinSla: 1 },
        // Outside the window: ignored.
        { month: '2025-01', decided: 100, decidedWithinSla: 0 },
      ],
      ['2026-09', '2026-10', '2026-11'],
    );
    expect(series).toEqual([
      { month: '2026-09', decided: 0, decidedWithinSla: 0, share: null },
      { month: '2026-10', decided: 10, decidedWithinSla: 8, share: 0.8 },
      { month: '2026-11', decided: 4, decidedWithinSla: 1, share: 0.25 },
    ]);
  });

  it('gives no share of nothing', () => {
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(1, 4)).toBe(0.25);
  });
});
