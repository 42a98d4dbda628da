// ISO-8601 durations as plain elapsed time, for drills and tests ("PT20S" stages).
// Only days, hours, minutes and seconds: years, months and weeks are left out on purpose,
// because a month has no fixed length and a calendar-free SLA must be exact.

const PATTERN = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,3}))?S)?)?$/;

const HOUR_MS = 3_600_000;

/**
 * Milliseconds of `PnDTnHnMn.nnnS` (a day is exactly 24 h; seconds may carry up to three
 * decimals). Throws RangeError on anything else, including `P`, `PT` and years/months/weeks.
 */
export function parseIsoDuration(text: string): number {
  const match = typeof text === 'string' ? PATTERN.exec(text) : null;
  // At least one component, and `T` only when a time component follows it.
  if (!match || text === 'P' || text.endsWith('T')) {
    throw new RangeError(
      `not an ISO-8601 duration of days/hours/minutes/seconds (e.g. PT20S, P2D, PT1H30M): '${text}'`,
    );
  }
  const [days, hours, minutes, seconds] = [1, 2, 3, 4].map((index) => Number(match[index] ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  const millis = Number((match[5] ?? '').padEnd(3, '0'));
  const total = days * 24 * HOUR_MS + hours * HOUR_MS + minutes * 60_000 + seconds * 1000 + millis;
  if (!Number.isSafeInteger(total)) throw new RangeError(`ISO-8601 duration too long: '${text}'`);
  return total;
}

export function isIsoDuration(text: string): boolean {
  try {
    parseIsoDuration(text);
    return true;
  } catch {
    return false;
  }
}
