// NIK (Nomor Induk Kependudukan): the 16-digit national identity number.
// Layout: PP KK DD | BB MM YY | SSSS — province, regency/city, district, birth day (+40 for women),
// birth month, two-digit birth year, serial. The region is where the NIK was first issued, so any
// non-zero region is accepted: people move, and a NIK from another regency is normal.
// Pure module (no node: imports): the form validator and the bot both use it.

export type NikRefusalReason =
  | 'NOT_DIGITS'
  | 'NOT_16_DIGITS'
  | 'BAD_PROVINCE'
  | 'BAD_REGENCY'
  | 'BAD_BIRTH_DAY'
  | 'BAD_BIRTH_MONTH'
  | 'BAD_BIRTH_DATE'
  | 'BAD_SERIAL';

export type NikResult =
  | { ok: true; nik: string; sex: 'F' | 'M'; birthDate: string /* YYYY-MM-DD */ }
  | { ok: false; reason: NikRefusalReason; message: { id: string; en: string } };

export interface NikOptions {
  /** Year used to choose between 19xx and 20xx; defaults to the current year. */
  referenceYear?: number;
}

export const NIK_REFUSAL_MESSAGES: Readonly<Record<NikRefusalReason, { id: string; en: string }>> = {
  NOT_DIGITS: {
    id: 'NIK hanya boleh berisi angka.',
    en: 'The NIK may contain digits only.',
  },
  NOT_16_DIGITS: {
    id: 'NIK harus terdiri dari 16 angka.',
    en: 'The NIK must be exactly 16 digits.',
  },
  BAD_PROVINCE: {
    id: 'Kode provinsi pada NIK (angka ke-1–2) tidak boleh 00.',
    en: 'The province code in the NIK (digits 1–2) cannot be 00.',
  },
  BAD_REGENCY: {
    id: 'Kode kabupaten/kota pada NIK (angka ke-3–4) tidak boleh 00.',
    en: 'The regency/city code in the NIK (digits 3–4) cannot be 00.',
  },
  BAD_BIRTH_DAY: {
    id: 'Tanggal lahir pada NIK (angka ke-7–8) harus 01–31, atau 41–71 untuk perempuan.',
    en: 'The birth day in the NIK (digits 7–8) must be 01–31, or 41–71 for women.',
  },
  BAD_BIRTH_MONTH: {
    id: 'Bulan lahir pada NIK (angka ke-9–10) harus 01–12.',
    en: 'The birth month in the NIK (digits 9–10) must be 01–12.',
  },
  BAD_BIRTH_DATE: {
    id: 'Tanggal lahir pada NIK (angka ke-7–12) bukan tanggal yang ada di kalender.',
    en: 'The birth date in the NIK (digits 7–12) is not a real calendar date.',
  },
  BAD_SERIAL: {
    id: 'Nomor urut pada NIK (angka ke-13–16) tidak boleh 0000.',
    en: 'The serial number in the NIK (digits 13–16) cannot be 0000.',
  },
};

const refuse = (reason: NikRefusalReason): NikResult => ({
  ok: false,
  reason,
  message: NIK_REFUSAL_MESSAGES[reason],
});

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The NIK without the spaces, dots and hyphens people type for readability. */
export function compactNik(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

/**
 * Validates a NIK. Spaces, dots and hyphens people type for readability are ignored.
 * The two-digit year is read as 20xx when that is a real date not after the reference year,
 * otherwise as 19xx; a NIK is refused only when neither century gives a real date.
 */
export function validateNik(input: string, options: NikOptions = {}): NikResult {
  const nik = compactNik(input);
  if (!/^\d*$/.test(nik) || nik.length === 0) {
    return refuse(nik.length === 0 ? 'NOT_16_DIGITS' : 'NOT_DIGITS');
  }
  if (nik.length !== 16) return refuse('NOT_16_DIGITS');

  const part = (from: number, to: number): number => Number(nik.slice(from - 1, to));
  if (part(1, 2) === 0) return refuse('BAD_PROVINCE');
  if (part(3, 4) === 0) return refuse('BAD_REGENCY');

  const rawDay = part(7, 8);
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  if (day < 1 || day > 31) return refuse('BAD_BIRTH_DAY');
  const month = part(9, 10);
  if (month < 1 || month > 12) return refuse('BAD_BIRTH_MONTH');

  const yy = part(11, 12);
  const referenceYear = options.referenceYear ?? new Date().getFullYear();
  const candidates = [2000 + yy, 1900 + yy].filter((year) => day <= daysInMonth(year, month));
  if (candidates.length === 0) return refuse('BAD_BIRTH_DATE');
  const year = candidates.find((y) => y <= referenceYear) ?? (candidates[candidates.length - 1] as number);

  if (part(13, 16) === 0) return refuse('BAD_SERIAL');

  return {
    ok: true,
    nik,
    sex: female ? 'F' : 'M',
    birthDate: `${year}-${pad2(month)}-${pad2(day)}`,
  };
}

const MASK = '•';
/** Printed documents use the ASCII asterisk, as on Indonesian official letters. */
const DOCUMENT_MASK = '*';

/**
 * Masks a NIK for display and logs: `3604015708900001` → `3604••••••••0001`.
 * Anything that is not exactly 16 digits (partial input, typos, garbage) becomes a fixed
 * 16-character mask so that neither its content nor its length leaks.
 */
export function maskNik(input: string | null | undefined, mask: string = MASK): string {
  const compact = compactNik(input ?? '');
  if (!/^\d{16}$/.test(compact)) return mask.repeat(16);
  return `${compact.slice(0, 4)}${mask.repeat(8)}${compact.slice(12)}`;
}

/** The same masking rule for printed documents: `3604********0001`. */
export function maskNikForDocument(input: string | null | undefined): string {
  return maskNik(input, DOCUMENT_MASK);
}

/**
 * A run of 16 or more digits, each pair at most two separators apart (spaces, dots, hyphens),
 * as people write a NIK for readability: `3604 0157 0890 0001`, `36.04.01.570890.0001`.
 */
const NIK_SHAPED_RUN = /\d(?:[\s.-]{0,2}\d){15,}/g;

/**
 * Masks every NIK-shaped run in free text (a note, a form value, a path, an error message),
 * whatever separators it was written with. A run of exactly 16 digits keeps its first and last
 * four; a longer one is masked whole, since which 16 of its digits are the NIK is unknown.
 */
export function maskNikRuns(text: string): string {
  return text.replace(NIK_SHAPED_RUN, (run) => maskNik(compactNik(run)));
}
