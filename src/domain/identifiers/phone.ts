// Indonesian mobile numbers, as applicants type them (0812-3456-7890, +62 812 3456 7890,
// 62812...), normalised to E.164 (+6281234567890) so one person has one stored form.

export type PhoneRefusalReason = 'NOT_A_PHONE_NUMBER' | 'NOT_INDONESIAN' | 'NOT_MOBILE' | 'BAD_LENGTH';

export type PhoneResult =
  | { ok: true; e164: string }
  | { ok: false; reason: PhoneRefusalReason; message: { id: string; en: string } };

export const PHONE_REFUSAL_MESSAGES: Readonly<Record<PhoneRefusalReason, { id: string; en: string }>> = {
  NOT_A_PHONE_NUMBER: {
    id: 'Nomor HP hanya boleh berisi angka (boleh diawali +).',
    en: 'A phone number may contain digits only (optionally starting with +).',
  },
  NOT_INDONESIAN: {
    id: 'Gunakan nomor HP Indonesia yang diawali 08, 62, atau +62.',
    en: 'Use an Indonesian mobile number starting with 08, 62 or +62.',
  },
  NOT_MOBILE: {
    id: 'Nomor ini bukan nomor HP (nomor HP Indonesia diawali 08).',
    en: 'This is not a mobile number (Indonesian mobile numbers start with 08).',
  },
  BAD_LENGTH: {
    id: 'Panjang nomor HP tidak sesuai: nomor HP Indonesia terdiri dari 10–13 angka diawali 08.',
    en: 'Wrong length: Indonesian mobile numbers have 10–13 digits starting with 08.',
  },
};

const refuse = (reason: PhoneRefusalReason): PhoneResult => ({
  ok: false,
  reason,
  message: PHONE_REFUSAL_MESSAGES[reason],
});

/** Validates an Indonesian mobile number and returns it in E.164 form. */
export function normalizeIndonesianMobile(input: string): PhoneResult {
  const compact = input.replace(/[\s.()-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return refuse('NOT_A_PHONE_NUMBER');

  // The national significant number: what follows the trunk prefix 0 or the country code 62.
  // A 0 after the country code (+62 0812...) is a common slip; operators accept it, so do we.
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3).replace(/^0/, '');
  else if (compact.startsWith('+')) return refuse('NOT_INDONESIAN');
  else if (compact.startsWith('62')) national = compact.slice(2).replace(/^0/, '');
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return refuse('NOT_INDONESIAN');

  if (!/^8[1-9]/.test(national)) return refuse('NOT_MOBILE');
  // 08 + 8..11 digits: 10 to 13 digits with the leading 0.
  if (national.length < 9 || national.length > 12) return refuse('BAD_LENGTH');
  return { ok: true, e164: `+62${national}` };
}
