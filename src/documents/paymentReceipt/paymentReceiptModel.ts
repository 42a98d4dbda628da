// Everything printed on a payment receipt (bukti pembayaran retribusi): the file, the payer with
// the NIK masked, and the payment as the gateway confirmed it and the file recorded it. Built
// from recorded facts only, so the same payment always gives the same model and the same bytes.

import type { LocalizedText, PermitType } from '../../domain/catalog/catalogSchema.js';
import type { OfficeProfile } from '../../domain/catalog/officeProfileSchema.js';
import { type PrintedPayer, printedPayer } from '../common/payer.js';

/** The name the receipt is sent and downloaded under. */
export const paymentReceiptFileName = (registrationNumber: string) => `BUKTI-BAYAR-${registrationNumber}.pdf`;

export type ReceiptOffice = Pick<
  OfficeProfile,
  'government' | 'name' | 'shortName' | 'address' | 'contact' | 'placeOfIssue'
>;

export interface PaymentReceiptDocument {
  office: ReceiptOffice;
  /** The receipt's number, printed under the title. */
  number: string;
  registrationNumber: string;
  permitType: { code: string; name: LocalizedText };
  payer: PrintedPayer;
  /** The amount the gateway confirmed (equal to the assessed levy, or it was refused). */
  amount: number;
  /** The SKRD's kode bayar; null for a payment confirmed by registration number before any SKRD. */
  billingCode: string | null;
  /** The gateway's own reference of the payment. */
  reference: string;
  /** When the gateway says it was paid: the printed moment and the PDF's fixed metadata dates. */
  paidAt: Date;
}

export interface PaidFile {
  registrationNumber: string;
  permitType: PermitType;
  /** As recorded; null: the form's `fullName` is printed. */
  applicantName: string | null;
  formValues: Readonly<Record<string, unknown>>;
  billingCode: string | null;
  payment: { reference: string; amount: number; paidAt: Date };
}

export function paymentReceiptModelOf(office: ReceiptOffice, file: PaidFile): PaymentReceiptDocument {
  return {
    office,
    number: `BPR/${file.registrationNumber}`,
    registrationNumber: file.registrationNumber,
    permitType: { code: file.permitType.code, name: file.permitType.name },
    payer: printedPayer(file.permitType, file.applicantName, file.formValues),
    amount: file.payment.amount,
    billingCode: file.billingCode,
    reference: file.payment.reference,
    paidAt: file.payment.paidAt,
  };
}
