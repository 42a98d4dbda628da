// One error type for bad calendar data, whether it came from the YAML file or from plain data
// handed to createWorkingCalendar: the message names the source, the path inside it and the
// problem, e.g. `data/holidays-id.yaml: 2026[3].date: not a valid date`.

export interface CalendarDataIssue {
  /** Path inside the data, e.g. ['2026', 3, 'date']. Empty for the document as a whole. */
  path: readonly PropertyKey[];
  problem: string;
}

/** `2026[3].date`: numbers as indexes, everything else as keys. */
export function formatDataPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      return index === 0 ? String(key) : `.${String(key)}`;
    })
    .join('');
}

export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';

  constructor(
    readonly source: string,
    readonly issues: readonly CalendarDataIssue[],
  ) {
    super(
      issues
        .map((issue) =>
          issue.path.length === 0
            ? `${source}: ${issue.problem}`
            : `${source}: ${formatDataPath(issue.path)}: ${issue.problem}`,
        )
        .join('\n'),
    );
  }
}

/** Zod issues as calendar issues, keeping zod's path (zod 4 paths are PropertyKey arrays). */
export function issuesFromZod(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix: readonly PropertyKey[] = [],
): CalendarDataIssue[] {
  return issues.map((issue) => ({ path: [...prefix, ...issue.path], problem: issue.message }));
}
