// Permit type codes (PBG, SIP-DOKTER): upper-case letters and digits in hyphen-separated
// segments. They open every registration number, so they must stay short and unambiguous.

export const PERMIT_TYPE_CODE_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;
export const PERMIT_TYPE_CODE_MAX_LENGTH = 20;

export function isPermitTypeCode(value: string): boolean {
  return value.length <= PERMIT_TYPE_CODE_MAX_LENGTH && PERMIT_TYPE_CODE_PATTERN.test(value);
}
