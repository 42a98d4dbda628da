import { createHash } from 'node:crypto';
import type { QueryConfig } from 'pg';

// A statement run for every file or lookup is named: each connection then has PostgreSQL parse
// and plan it once and reuse the plan, where an unnamed statement is planned on every run (for
// the intake's insert and record, about a third of PostgreSQL's CPU: docs/benchmarks.md). Meant
// for statements whose plan does not depend on their values (reads and writes by key): after
// five runs the server may keep one generic plan for all values.
const names = new Map<string, string>();

/** The statement as a named one; the name follows from the text, so one name is one text. */
export function preparedStatement(text: string, values: unknown[]): QueryConfig {
  let name = names.get(text);
  if (name === undefined) {
    name = `s_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return { name, text, values };
}
