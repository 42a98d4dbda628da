// The payer printed on the office's money documents: the applicant's name (as recorded, or else
// the form's `fullName`, like the permit's holder) and the NIK of the permit type's NIK field,
// masked (maskNikForDocument): a printed paper travels.

import type { PermitType } from '../../domain/catalog/catalogSchema.js';
import { maskNikForDocument } from '../../domain/identifiers/nik.js';

export interface PrintedPayer {
  fullName: string;
  /** Already masked (maskNikForDocument). */
  maskedNik: string;
}

export function printedPayer(
  permitType: PermitType,
  applicantName: string | null,
  formValues: Readonly<Record<string, unknown>>,
): PrintedPayer {
  const nikField = permitType.fields.find((field) => field.type === 'nik');
  const nik = nikField ? formValues[nikField.key] : undefined;
  const typed = typeof formValues.fullName === 'string' ? formValues.fullName.trim() : '';
  return {
    fullName: applicantName ?? (typed || '-'),
    maskedNik: maskNikForDocument(typeof nik === 'string' ? nik : null),
  };
}
