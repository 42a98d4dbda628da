import { describe, expect, it } from 'vitest';
import { CalendarDataError } from '../../../src/domain/calendar/calendarDataError.js';
import { parseHolidayCalendar } from '../../../src/domain/calendar/holidayData.js';
import { loadHolidayCalendar } from '../../../src/domain/calendar/holidayFile.js';

const SOURCE = 'data/holidays-id.yaml';
const parse = (text: string) => parseHolidayCalendar(text, SOURCE);
const problem = (text: string): string => {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarDataError);
    return (error as Error).message;
  }
  throw new Error('expected the YAML to be rejected');
};

describe('the holiday data in the repository', () => {
  it('covers 2025 and 2026 only (2027 is not decreed yet)', async () => {
    const data = await loadHolidayCalendar(new URL('../../../data/holidays-id.yaml', import.meta.url));
    expect(data.coveredYears).toEqual([2025, 2026]);
    expect(data.holidays.filter((holiday) => holiday.date.startsWith('2025-'))).toHaveLength(28);
    expect(data.holidays.filter((holiday) => holiday.date.startsWith('2026-'))).toHaveLength(25);
    expect(data.holidays).toContainEqual({
      date: '2026-03-24',
      type: 'cuti_bersama',
      name: 'Cuti Bersama Idulfitri 1447 H',
    });
    // Plain data: survives a JSON round trip (what a Temporal activity does to it).
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('names the file when it cannot be read', async () => {
    await expect(loadHolidayCalendar('data/no-such-file.yaml')).rejects.toThrow(
      'data/no-such-file.yaml: cannot read the file (ENOENT)',
    );
  });
});

describe('parseHolidayCalendar', () => {
  const valid = [
    '2026:',
    '  - { date: 2026-01-01, type: libur_nasional, name: Tahun Baru }',
    '  - { date: 2026-01-16, type: libur_nasional, name: Isra Mikraj }',
  ];

  it('keeps dates as text and sorts them', () => {
    const data = parse(
      ['2026:', '  - { date: 2026-03-21, type: libur_nasional, name: B }', ...valid.slice(1)].join('\n'),
    );
    expect(data.holidays.map((holiday) => holiday.date)).toEqual(['2026-01-01', '2026-01-16', '2026-03-21']);
  });

  it('treats an empty year as covered with no holidays', () => {
    expect(parse('2027:\n2026: []\n')).toEqual({ coveredYears: [2026, 2027], holidays: [] });
  });

  it('names file, path and problem for an impossible date', () => {
    const text = [
      ...valid,
      '  - { date: 2026-02-17, type: libur_nasional, name: Imlek }',
      '  - { date: 2026-02-30, type: cuti_bersama, name: X }',
    ].join('\n');
    expect(problem(text)).toBe('data/holidays-id.yaml: 2026[3].date: not a valid date (expected YYYY-MM-DD)');
  });

  it('reports every problem at once', () => {
    const text = [
      '2026:',
      '  - { date: 2026-1-1, type: libur_nasional, name: A }',
      '  - { date: 2026-01-02, type: libur, name: B }',
      '  - { date: 2026-01-03, type: cuti_bersama }',
      '  - { date: 2025-12-31, type: cuti_bersama, name: D }',
    ].join('\n');
    const message = problem(text);
    expect(message).toContain('data/holidays-id.yaml: 2026[0].date: not a valid date');
    expect(message).toContain('data/holidays-id.yaml: 2026[1].type: expected libur_nasional or cuti_bersama');
    expect(message).toContain('data/holidays-id.yaml: 2026[2].name: expected a name');
    expect(message).toContain('data/holidays-id.yaml: 2026[3].date: 2025-12-31 is not in 2026');
  });

  it('rejects keys that are not years and years that are not lists', () => {
    expect(problem('twenty: []')).toBe('data/holidays-id.yaml: twenty: expected a four-digit year as key');
    expect(problem('2026: { date: 2026-01-01 }')).toBe(
      'data/holidays-id.yaml: 2026: expected a list of holidays',
    );
    expect(problem('- 2026')).toBe(
      'data/holidays-id.yaml: expected a mapping from year to a list of holidays',
    );
  });

  it('rejects unknown fields, duplicate years and broken YAML', () => {
    expect(problem('2026:\n  - { date: 2026-01-01, type: cuti_bersama, name: A, region: x }')).toMatch(
      /^data\/holidays-id\.yaml: 2026\[0\]: .*region/,
    );
    expect(problem('2026: []\n2026: []\n')).toMatch(/^data\/holidays-id\.yaml: .*[Mm]ap keys must be unique/);
    expect(problem('2026: [\n')).toMatch(/^data\/holidays-id\.yaml: /);
  });
});
