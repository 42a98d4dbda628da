// YAML text → data checked by a zod schema and by cross-field rules, or one CatalogError listing
// every problem with its line. Shared by the permit catalog and the office profile beside it, so
// both files report mistakes the same way. No file access here.

import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { CatalogError, type CatalogIssue, type CatalogPath } from './catalogError.js';
import { catalogErrorMap, toCatalogIssues } from './schemaIssues.js';

function yamlSyntaxProblem(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS')
    return 'YAML syntax error: the file must hold a single YAML document (remove extra ---)';
  return `YAML syntax error: ${message}`;
}

/** Line of the deepest YAML node on `path` that exists (a missing key points at its parent). */
function lineOf(doc: Document, lines: LineCounter, path: CatalogPath): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Parses `yamlText`, validates it with `schema`, then with `rules` (which only see schema-valid
 * data). `fileLabel` names the source in error messages. The result is deeply frozen.
 * @throws CatalogError with one line per problem.
 */
export function parseValidatedYaml<Schema extends z.ZodType>(
  yamlText: string,
  fileLabel: string,
  schema: Schema,
  rules: (data: z.output<Schema>) => CatalogIssue[],
): z.output<Schema> {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new CatalogError(
      fileLabel,
      doc.errors.map((error): CatalogIssue => {
        const { line, col } = lines.linePos(error.pos[0]);
        return { path: [], problem: yamlSyntaxProblem(error.code, error.message), line, column: col };
      }),
    );
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    // Unresolved aliases (*name without &name) and alias bombs surface only here.
    const message = error instanceof Error ? error.message : String(error);
    throw new CatalogError(fileLabel, [{ path: [], problem: `YAML error: ${message}` }]);
  }

  const parsed = schema.safeParse(data, { error: catalogErrorMap });
  const issues = parsed.success ? rules(parsed.data) : toCatalogIssues(parsed.error.issues);
  if (issues.length > 0) {
    throw new CatalogError(
      fileLabel,
      issues.map((issue) => ({
        ...issue,
        line: issue.path.length > 0 ? lineOf(doc, lines, issue.path) : undefined,
      })),
    );
  }
  return deepFreeze(parsed.data as z.output<Schema>);
}
