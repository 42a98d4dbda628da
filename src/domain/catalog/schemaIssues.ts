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

/** Flattens zod issues; each unknown key becomes its own issue so its line can be found. */
export function toCatalogIssues(issues: readonly z.core.$ZodIssue[]): CatalogIssue[] {
  const out: CatalogIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: [...path, key], problem: 'unknown key (check its spelling)' });
    } else {
      out.push({ path, problem: issue.message });
    }
  }
  return out;
}
