// The SKRD's model from a file's recorded facts: its permit type, the form as stored, the amount
// the workflow assessed, and the billing code and due date of its assessment. The basis printed is
// the catalog formula's own breakdown of that amount, so the document shows how it was computed.

import type { PermitType } from '../../domain/catalog/catalogSchema.js';
import type { OfficeProfile } from '../../domain/catalog/officeProfileSchema.js';
import { computeFee } from '../../domain/fees/computeFee.js';
import { formatRupiah } from '../../domain/fees/rupiah.js';
import { printedPayer } from '../common/payer.js';
import type { SkrdDocument } from './skrdModel.js';

export interface AssessedFile {
  registrationNumber: string;
  permitType: PermitType;
  /** As recorded; null: the form's `fullName` is printed. */
  applicantName: string | null;
  formValues: Readonly<Record<string, unknown>>;
  /** The amount the workflow assessed when the file entered its payment stage. */
  amount: number;
  billingCode: string;
  issuedAt: Date;
  dueAt: Date;
}

/** The fee formula's breakdown, when it still gives the assessed amount (the catalog may have changed since). */
function basisOf(file: AssessedFile): SkrdDocument['basis'] {
  try {
    const fee = computeFee(file.permitType, file.formValues);
    if (fee.amount === file.amount) return fee.breakdown;
  } catch {
    // The form no longer satisfies the current formula: the assessed amount stands on its own.
  }
  return {
    id: `Retribusi sesuai tarif yang berlaku pada saat penetapan: ${formatRupiah(file.amount, 'id')}.`,
    en: `Levy at the tariff in force when assessed: ${formatRupiah(file.amount, 'en')}.`,
  };
}

export function skrdModelOf(
  office: SkrdDocument['office'] & Pick<OfficeProfile, 'shortName'>,
  file: AssessedFile,
): SkrdDocument {
  const type = file.permitType;
  return {
    office,
    number: `SKRD/${file.registrationNumber}`,
    billingCode: file.billingCode,
    registrationNumber: file.registrationNumber,
    permitType: { code: type.code, name: type.name },
    payer: printedPayer(type, file.applicantName, file.formValues),
    basis: basisOf(file),
    amount: file.amount,
    legalBasis: type.fee.kind === 'free' ? (type.legalBasis[0] ?? '-') : type.fee.legalBasis,
    issuedAt: file.issuedAt,
    dueAt: file.dueAt,
  };
}
