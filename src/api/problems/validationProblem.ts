import type { z } from 'zod';
import type { Bilingual } from './language.js';
import { Problem } from './problem.js';

const TYPE_NAMES: Record<string, Bilingual> = {
  string: { id: 'teks', en: 'a string' },
  number: { id: 'angka', en: 'a number' },
  int: { id: 'bilangan bulat', en: 'an integer' },
  boolean: { id: 'true atau false', en: 'true or false' },
  object: { id: 'objek JSON', en: 'a JSON object' },
  array: { id: 'daftar (array)', en: 'an array' },
  record: { id: 'objek JSON', en: 'a JSON object' },
};

const typeName = (expected: string): Bilingual => TYPE_NAMES[expected] ?? { id: expected, en: expected };

/** A bilingual sentence for one zod issue (zod's own messages are English only). */
function describe(issue: z.core.$ZodIssue): Bilingual {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return { id: 'wajib diisi', en: 'is required' };
      const t = typeName(issue.expected);
      return { id: `harus berupa ${t.id}`, en: `must be ${t.en}` };
    }
    case 'unrecognized_keys':
      return {
        id: `isian tidak dikenal: ${issue.keys.join(', ')}`,
        en: `unexpected field(s): ${issue.keys.join(', ')}`,
      };
    case 'too_big':
      return {
        id: `terlalu besar/panjang (paling banyak ${String(issue.maximum)})`,
        en: `too big or too long (at most ${String(issue.maximum)})`,
      };
    case 'too_small':
      return {
        id: `terlalu kecil/pendek (paling sedikit ${String(issue.minimum)})`,
        en: `too small or too short (at least ${String(issue.minimum)})`,
      };
    case 'invalid_value':
      return {
        id: `harus salah satu dari: ${issue.values.map(String).join(', ')}`,
        en: `must be one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_format':
      return { id: `format tidak sesuai (${issue.format})`, en: `has the wrong format (${issue.format})` };
    case 'invalid_union':
      return { id: 'bentuk isian tidak sesuai', en: 'does not have an accepted shape' };
    default:
      return { id: issue.message, en: issue.message };
  }
}

/** JSON Pointer (RFC 6901) of an issue inside the part of the request it came from. */
function pointer(where: string, path: readonly PropertyKey[]): string {
  const escaped = path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1'));
  return `${where}#/${escaped.join('/')}`;
}

/** 400 with one entry per issue: where (a JSON pointer), and what is wrong in both languages. */
export function validationProblem(where: 'body' | 'query' | 'path' | 'header', error: z.ZodError): Problem {
  const prefix = where === 'body' ? '' : where;
  return new Problem(
    400,
    'invalid-request',
    {
      id: 'Permintaan tidak sesuai dengan skema API. Lihat daftar "errors" untuk isian yang salah.',
      en: 'The request does not match the API schema. See "errors" for the fields that are wrong.',
    },
    {
      errors: error.issues.slice(0, 50).map((issue) => {
        const text = describe(issue);
        const at = pointer(prefix, issue.path);
        return {
          pointer: at,
          code: issue.code,
          detail: { id: `${at}: ${text.id}`, en: `${at}: ${text.en}` },
        };
      }),
    },
  );
}
