// NIB (Nomor Induk Berusaha): the 13-digit business identity number issued by OSS.
// OSS publishes no check digit, so only the shape is validated.

export type NibRefusalReason = 'NOT_DIGITS' | 'NOT_13_DIGITS';

export type NibResult =
  | { ok: true; nib: string }
  | { ok: false; reason: NibRefusalReason; message: { id: string; en: string } };

export const NIB_REFUSAL_MESSAGES: Readonly<Record<NibRefusalReason, { id: string; en: string }>> = {
  NOT_DIGITS: { id: 'NIB hanya boleh berisi angka.', en: 'The NIB may contain digits only.' },
  NOT_13_DIGITS: { id: 'NIB harus terdiri dari 13 angka.', en: 'The NIB must be exactly 13 digits.' },
};

/** Validates a NIB; spaces, dots and hyphens typed for readability are ignored. */
export function validateNib(input: string): NibResult {
  const nib = input.replace(/[\s.-]/g, '');
  const reason: NibRefusalReason | null =
    nib.length > 0 && !/^\d+$/.test(nib) ? 'NOT_DIGITS' : nib.length !== 13 ? 'NOT_13_DIGITS' : null;
  if (reason) return { ok: false, reason, message: NIB_REFUSAL_MESSAGES[reason] };
  return { ok: true, nib };
}
