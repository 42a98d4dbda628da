// One readable error for everything wrong with a catalog file: each line names the file, the
// place inside it and the problem, so an admin can fix the YAML without reading a stack trace.

export type CatalogPath = readonly (string | number)[];

export interface CatalogIssue {
  /** Path inside the catalog data, e.g. ['permitTypes', 2, 'stages', 1, 'sla', 'workingDays']. */
  path: CatalogPath;
  problem: string;
  /** 1-based position in the YAML text, when known. */
  line?: number;
  column?: number;
}

/** `permitTypes[2].stages[1].sla.workingDays` */
export function formatCatalogPath(path: CatalogPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

export function formatCatalogIssue(file: string, issue: CatalogIssue): string {
  if (issue.path.length === 0) {
    const position = issue.line !== undefined ? `:${issue.line}:${issue.column ?? 1}` : '';
    return `${file}${position}: ${issue.problem}`;
  }
  const where = issue.line !== undefined ? ` (line ${issue.line})` : '';
  return `${file}: ${formatCatalogPath(issue.path)}: ${issue.problem}${where}`;
}

export class CatalogError extends Error {
  override readonly name = 'CatalogError';

  constructor(
    readonly file: string,
    readonly issues: readonly CatalogIssue[],
  ) {
    super(issues.map((issue) => formatCatalogIssue(file, issue)).join('\n'));
  }
}
