// Whether an answer rests on holiday data we do not have. A year missing from the data is
// computed as weekends-only and flagged, so a deadline in an undecreed year is an estimate
// someone is warned about, never a silently wrong date.

export interface Coverage {
  /** True when some day the answer depends on lies in a year with no holiday data. */
  uncovered: boolean;
  /** Those years, ascending; empty when covered. */
  uncoveredYears: number[];
}

/** Collects the uncovered years consulted during one computation. */
export class CoverageProbe {
  private readonly years = new Set<number>();

  flag(year: number): void {
    this.years.add(year);
  }

  result(): Coverage {
    const uncoveredYears = [...this.years].sort((a, b) => a - b);
    return { uncovered: uncoveredYears.length > 0, uncoveredYears };
  }
}

export function mergeCoverage(...parts: readonly Coverage[]): Coverage {
  const probe = new CoverageProbe();
  for (const part of parts) for (const year of part.uncoveredYears) probe.flag(year);
  return probe.result();
}
