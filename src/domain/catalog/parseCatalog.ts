// YAML text → validated, frozen PermitCatalog, or one CatalogError listing every problem.
// No file access here, so tests and tools can parse text they hold in memory.

import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import { CatalogError, type CatalogIssue, type CatalogPath } from './catalogError.js';
import { checkCatalogRules } from './catalogRules.js';
import { catalogSchema, type PermitCatalog } from './catalogSchema.js';
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
 * Parses and validates catalog YAML. `fileLabel` names the source in error messages
 * (usually the path as configured, e.g. `data/catalog/permit-types.yaml`).
 * @throws CatalogError with one line per problem.
 */
export function parseCatalog(yamlText: string, fileLabel: string): PermitCatalog {
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

  const parsed = catalogSchema.safeParse(data, { error: catalogErrorMap });
  const issues = parsed.success ? checkCatalogRules(parsed.data) : toCatalogIssues(parsed.error.issues);
  if (issues.length > 0) {
    throw new CatalogError(
      fileLabel,
      issues.map((issue) => ({
        ...issue,
        line: issue.path.length > 0 ? lineOf(doc, lines, issue.path) : undefined,
      })),
    );
  }
  return deepFreeze(parsed.data as PermitCatalog);
}
