// The billing code (kode bayar) of a levy assessment: the assessment's number from a database
// sequence (so never reused), zero-padded, followed by a Luhn check digit so that a mistyped
// digit or two swapped neighbours are caught before the payment reaches the wrong file.

/** Digits of the sequence part; with the check digit a billing code has 12 digits. */
const SEQUENCE_DIGITS = 11;
export const BILLING_CODE_PATTERN = /^\d{12}$/;

/** The Luhn check digit of a string of digits. */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError(`expected digits only, got '${digits}'`);
  let sum = 0;
  // From the right, every second digit of the payload (starting with the last) is doubled.
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The billing code of the assessment numbered `sequence` (1, 2, …). */
export function billingCodeOf(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence >= 10 ** SEQUENCE_DIGITS) {
    throw new RangeError(`billing code sequence out of range: ${sequence}`);
  }
  const payload = String(sequence).padStart(SEQUENCE_DIGITS, '0');
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** Whether a code has the billing code's form and a correct check digit. */
export function isValidBillingCode(code: string): boolean {
  if (!BILLING_CODE_PATTERN.test(code)) return false;
  return luhnCheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

/** Grouped by four for print and chat: "0000 0000 0018". */
export function formatBillingCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}
