// What of a file's personal data reaches anyone but its applicant. Pure: used by the services
// for status views and by the outbox for officers' notices.

import { maskNik, maskNikRuns } from '../identifiers/nik.js';

/**
 * Every string in a value (a form, a notice's parameters) with its NIK-shaped runs masked. It
 * looks at the text, not at field types: a NIK typed into a note or a name is masked too.
 */
export function maskNikInText<T>(value: T): T {
  if (typeof value === 'string') return maskNikRuns(value) as T;
  if (Array.isArray(value)) return value.map((item) => maskNikInText(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskNikInText(item)])) as T;
  }
  return value;
}

/**
 * A file's form as an officer sees it: the fields the catalog types as NIK whole only when
 * `wholeNik` (see seesWholeNik), and every other text with its NIK-shaped runs masked. A field
 * the catalog no longer types as NIK, or a permit type it no longer has, fails closed.
 */
export function formForOfficer(
  formData: Readonly<Record<string, unknown>>,
  nikFields: ReadonlySet<string>,
  wholeNik: boolean,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(formData).map(([key, value]) => {
      if (!nikFields.has(key)) return [key, maskNikInText(value)];
      return [key, wholeNik ? value : maskNik(String(value))];
    }),
  );
}
