// Turns zod issues into catalog issues with plain-English problems ("is required",
// "expected a whole number, got the text "abc"") instead of zod's developer-facing messages.

import type { z } from 'zod';
import type { CatalogIssue } from './catalogError.js';

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
};

function describeInput(input: unknown): string {
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  switch (typeof input) {
    case 'string':
      return `the text ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
    case 'number':
      return `the number ${input}`;
    case 'boolean':
      return String(input);
    case 'object':
      return 'a mapping';
    default:
      return typeof input;
  }
}

const quoteAll = (values: readonly unknown[]): string => {
  const quoted = values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value)));
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
};

/** Parse-wide zod error map: the fallback for issues without a schema-level message. */
export const catalogErrorMap = (issue: z.core.$ZodRawIssue): string | undefined => {
  const got = (): string => `, got ${describeInput(issue.input)}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}${got()}`;
    case 'invalid_value':
      if (issue.input === undefined) return `is required (${quoteAll(issue.values)})`;
      return `expected ${quoteAll(issue.values)}${got()}`;
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : null;
      if (options) {
        // Discriminated union without a matching tag: the issue sits on the tag key itself.
        const tag = (issue.input as Record<string, unknown> | undefined)?.[String(issue.discriminator)];
        return tag === undefined
          ? `is required (${quoteAll(options)})`
          : `expected ${quoteAll(options)}, got ${describeInput(tag)}`;
      }
      if (issue.input === undefined) return 'is required';
      return 'does not match any allowed form';
    }
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${issue.minimum} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${issue.maximum} item(s)`;
      if (issue.origin === 'string') return `expected at most ${issue.maximum} characters`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_format':
      return 'has the wrong format';
    default:
      return undefined;
  }
};

/** A union alternative refused at its root for the input's kind (text where a mapping is expected). */
const refusesKind = (alternative: readonly z.core.$ZodIssue[]): boolean =>
  alternative.some(
    (issue) => issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value'),
  );

/**
 * The issues of the one union alternative that accepts the input's kind (e.g. the mapping form of
 * `'indefinite' | { years: N }` for a mapping), so its specific problem is reported instead of
 * "does not match"; null when no single alternative fits.
 */
function closestAlternative(issue: z.core.$ZodIssue): readonly z.core.$ZodIssue[] | null {
  if (issue.code !== 'invalid_union' || !('errors' in issue) || !Array.isArray(issue.errors)) return null;
  const fitting = issue.errors.filter((alternative) => !refusesKind(alternative));
  return fitting.length === 1 ? (fitting[0] ?? null) : null;
}

/** Flattens zod issues; each unknown key becomes its own issue so its line can be found. */
export function toCatalogIssues(issues: readonly z.core.$ZodIssue[]): CatalogIssue[] {
  const out: CatalogIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
    const alternative = closestAlternative(issue);
    if (alternative) {
      for (const inner of toCatalogIssues(alternative))
        out.push({ ...inner, path: [...path, ...inner.path] });
    } else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: [...path, key], problem: 'unknown key (check its spelling)' });
    } else {
      out.push({ path, problem: issue.message });
    }
  }
  return out;
}
