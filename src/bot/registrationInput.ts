import {
  normalizeRegistrationNumberInput,
  parseRegistrationNumber,
} from '../domain/identifiers/registrationNumber.js';

/** The words after a command, split on white space. */
export function commandArguments(match: string | RegExpMatchArray | undefined): string[] {
  const text = typeof match === 'string' ? match : '';
  return text.trim().split(/\s+/).filter(Boolean);
}

/** A typed registration number in its canonical form, or null when it cannot be one. */
export function registrationNumberFrom(text: string | undefined): string | null {
  if (!text) return null;
  const candidate = normalizeRegistrationNumberInput(text);
  return parseRegistrationNumber(candidate) ? candidate : null;
}

/** The text after the first `count` words of a command's arguments (a note or a reason). */
export function restAfter(match: string | RegExpMatchArray | undefined, count: number): string {
  const text = typeof match === 'string' ? match.trim() : '';
  let rest = text;
  for (let i = 0; i < count; i++) rest = rest.replace(/^\S+\s*/, '');
  return rest.trim();
}
