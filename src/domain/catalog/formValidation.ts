// Checks an application form against its permit type at intake, so a file never enters review
// with a missing or malformed value. Returns every problem at once, each with a bilingual
// message the bot and the API can show as is, plus normalised values (E.164 phone, ISO date,
// numbers as numbers) for storage and fee computation.

import { validateNib } from '../identifiers/nib.js';
import { daysInMonth, validateNik } from '../identifiers/nik.js';
import { normalizeIndonesianMobile } from '../identifiers/phone.js';
import type { FieldDef, LocalizedText, PermitType } from './catalogSchema.js';

export type FormValue = string | number;
export type FormValues = Record<string, FormValue>;

export type FormErrorCode =
  | 'UNKNOWN_FIELD'
  | 'REQUIRED'
  | 'NOT_TEXT'
  | 'TOO_LONG'
  | 'INVALID_NIK'
  | 'INVALID_NIB'
  | 'INVALID_PHONE'
  | 'INVALID_EMAIL'
  | 'NOT_A_NUMBER'
  | 'NOT_WHOLE_NUMBER'
  | 'TOO_MANY_DECIMALS'
  | 'TOO_SMALL'
  | 'TOO_LARGE'
  | 'INVALID_DATE'
  | 'NOT_AN_OPTION';

export interface FormError {
  field: string;
  code: FormErrorCode;
  message: LocalizedText;
  /** The identifier validator's own reason (e.g. 'BAD_BIRTH_MONTH' for a NIK), when there is one. */
  reason?: string;
}

export type FormValidationResult = { ok: true; values: FormValues } | { ok: false; errors: FormError[] };

type FieldOutcome = { value: FormValue } | { code: FormErrorCode; message: LocalizedText; reason?: string };

const num = (value: number, language: 'id' | 'en'): string =>
  language === 'id' ? String(value).replace('.', ',') : String(value);

const fail = (code: FormErrorCode, id: string, en: string, reason?: string): FieldOutcome => ({
  code,
  message: { id, en },
  ...(reason ? { reason } : {}),
});

/** Accepts `12`, `12.5` and `12,5` (Indonesian decimal comma); thousand separators are refused. */
function parseNumber(raw: FormValue): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  const text = raw.trim();
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

/** Decimals as written ("1.000" has three, although it equals 1). */
const decimalPlaces = (raw: FormValue): number => (String(raw).trim().split(/[.,]/)[1] ?? '').length;

function checkRange(field: FieldDef, value: number, label: LocalizedText): FieldOutcome {
  const floor = field.min ?? (field.type === 'area_m2' ? Number.MIN_VALUE : undefined);
  if (floor !== undefined && value < floor) {
    return field.min !== undefined
      ? fail(
          'TOO_SMALL',
          `${label.id} paling kecil ${num(field.min, 'id')}.`,
          `${label.en} must be at least ${num(field.min, 'en')}.`,
        )
      : fail('TOO_SMALL', `${label.id} harus lebih dari 0.`, `${label.en} must be more than 0.`);
  }
  if (field.max !== undefined && value > field.max) {
    return fail(
      'TOO_LARGE',
      `${label.id} paling besar ${num(field.max, 'id')}.`,
      `${label.en} must be at most ${num(field.max, 'en')}.`,
    );
  }
  return { value };
}

/** `YYYY-MM-DD`, or `DD-MM-YYYY` / `DD/MM/YYYY` as commonly written in Indonesia; returns ISO. */
function parseDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const local = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : local
      ? [Number(local[3]), Number(local[2]), Number(local[1])]
      : [0, 0, 0];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function validateField(field: FieldDef, raw: FormValue): FieldOutcome {
  const label = field.label;
  const text = String(raw).trim();
  switch (field.type) {
    case 'text':
    case 'email': {
      if (typeof raw !== 'string')
        return fail('NOT_TEXT', `${label.id} harus berupa teks.`, `${label.en} must be text.`);
      if (field.maxLength !== undefined && [...text].length > field.maxLength) {
        return fail(
          'TOO_LONG',
          `${label.id} paling banyak ${field.maxLength} karakter.`,
          `${label.en} must be at most ${field.maxLength} characters.`,
        );
      }
      if (field.type === 'email' && !/^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(text)) {
        return fail(
          'INVALID_EMAIL',
          `${label.id} bukan alamat email yang benar.`,
          `${label.en} is not a valid email address.`,
        );
      }
      return { value: text };
    }
    case 'nik': {
      const result = validateNik(text);
      return result.ok
        ? { value: result.nik }
        : { code: 'INVALID_NIK', message: result.message, reason: result.reason };
    }
    case 'nib': {
      const result = validateNib(text);
      return result.ok
        ? { value: result.nib }
        : { code: 'INVALID_NIB', message: result.message, reason: result.reason };
    }
    case 'phone': {
      const result = normalizeIndonesianMobile(text);
      return result.ok
        ? { value: result.e164 }
        : { code: 'INVALID_PHONE', message: result.message, reason: result.reason };
    }
    case 'number':
    case 'area_m2': {
      const value = parseNumber(raw);
      if (value === null) {
        return fail(
          'NOT_A_NUMBER',
          `${label.id} harus berupa angka, tanpa pemisah ribuan (contoh: 1250 atau 12,5).`,
          `${label.en} must be a number, without thousands separators (e.g. 1250 or 12.5).`,
        );
      }
      // For whole numbers a separator can only be a thousands separator ("1.000"): refuse it
      // rather than read 1.
      const separator = typeof raw === 'string' && /[.,]/.test(raw);
      if (field.type === 'number' && field.integer && (!Number.isInteger(value) || separator)) {
        return fail(
          'NOT_WHOLE_NUMBER',
          `${label.id} harus bilangan bulat.`,
          `${label.en} must be a whole number.`,
        );
      }
      // Areas are measured to the centimetre-square precision a surveyor writes: 2 decimals.
      if (field.type === 'area_m2' && decimalPlaces(raw) > 2) {
        return fail(
          'TOO_MANY_DECIMALS',
          `${label.id} paling banyak 2 angka desimal, tanpa pemisah ribuan.`,
          `${label.en} may have at most 2 decimals, without thousands separators.`,
        );
      }
      return checkRange(field, value, label);
    }
    case 'date': {
      const iso = parseDate(text);
      if (!iso) {
        return fail(
          'INVALID_DATE',
          `${label.id} bukan tanggal yang benar (contoh: 17-08-2026).`,
          `${label.en} is not a valid date (e.g. 2026-08-17).`,
        );
      }
      return { value: iso };
    }
    case 'select': {
      const options = field.options ?? [];
      const option = options.find((candidate) => candidate.value === text.toLowerCase());
      if (!option) {
        const list = (language: 'id' | 'en') =>
          options.map((candidate) => candidate.label[language]).join(', ');
        return fail(
          'NOT_AN_OPTION',
          `${label.id} harus salah satu dari: ${list('id')}.`,
          `${label.en} must be one of: ${list('en')}.`,
        );
      }
      return { value: option.value };
    }
  }
}

const isBlank = (raw: unknown): boolean =>
  raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/** Validates `formData` (as received: strings or numbers) against the permit type's fields. */
export function validateApplicationForm(
  permitType: PermitType,
  formData: Readonly<Record<string, unknown>>,
): FormValidationResult {
  const errors: FormError[] = [];
  const values: FormValues = {};
  const known = new Set(permitType.fields.map((field) => field.key));

  for (const key of Object.keys(formData)) {
    if (!known.has(key)) {
      errors.push({
        field: key,
        code: 'UNKNOWN_FIELD',
        message: {
          id: `Isian '${key}' tidak dikenal untuk izin ini.`,
          en: `'${key}' is not a field of this permit.`,
        },
      });
    }
  }

  for (const field of permitType.fields) {
    const raw = formData[field.key];
    if (isBlank(raw)) {
      if (field.required) {
        errors.push({
          field: field.key,
          code: 'REQUIRED',
          message: { id: `${field.label.id} wajib diisi.`, en: `${field.label.en} is required.` },
        });
      }
      continue;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      errors.push({
        field: field.key,
        code: 'NOT_TEXT',
        message: {
          id: `${field.label.id} harus berupa teks atau angka.`,
          en: `${field.label.en} must be text or a number.`,
        },
      });
      continue;
    }
    const outcome = validateField(field, raw);
    if ('value' in outcome) values[field.key] = outcome.value;
    else errors.push({ field: field.key, ...outcome });
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}
