// A paid file's receipt (bukti pembayaran): rendered from the recorded payment on the first ask,
// stored by its SHA-256, and answered from the store ever after, so every ask, from the API on
// any node or the "paid" notice in Telegram, gets the same bytes. Nothing before a payment.

import { createHash } from 'node:crypto';
import type { Queryable } from '../db/pool.js';
import {
  paymentReceiptFileName,
  paymentReceiptModelOf,
  type ReceiptOffice,
} from '../documents/paymentReceipt/paymentReceiptModel.js';
import { renderPaymentReceiptPdf } from '../documents/paymentReceipt/paymentReceiptPdf.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { levyDocument } from '../repositories/levyAssessmentRepository.js';
import { findReceipt, paidFileFacts, storeReceipt } from '../repositories/paymentReceiptRepository.js';

export interface PaymentReceiptDependencies {
  catalog: PermitCatalog;
  office: ReceiptOffice;
}

export interface PaymentReceipt {
  fileName: string;
  reference: string;
  sha256: string;
  content: Buffer;
}

async function stored(db: Queryable, registrationNumber: string): Promise<PaymentReceipt | null> {
  const receipt = await findReceipt(db, registrationNumber);
  if (!receipt) return null;
  const content = await levyDocument(db, receipt.documentSha256);
  if (!content) throw new Error(`${registrationNumber}: the payment receipt's document is missing`);
  return {
    fileName: paymentReceiptFileName(registrationNumber),
    reference: receipt.reference,
    sha256: receipt.documentSha256,
    content,
  };
}

/** The file's receipt, issued now if this is the first ask; null while no payment is recorded. */
export async function paymentReceiptOf(
  db: Queryable,
  deps: PaymentReceiptDependencies,
  registrationNumber: string,
): Promise<PaymentReceipt | null> {
  const existing = await stored(db, registrationNumber);
  if (existing) return existing;
  const paid = await paidFileFacts(db, registrationNumber);
  if (!paid) return null;
  const permitType = findPermitType(deps.catalog, paid.permitTypeCode);
  if (!permitType) {
    throw new Error(`${registrationNumber}: permit type '${paid.permitTypeCode}' is not in the catalog`);
  }
  const pdf = await renderPaymentReceiptPdf(
    paymentReceiptModelOf(deps.office, {
      registrationNumber,
      permitType,
      applicantName: paid.applicantName,
      formValues: paid.formValues,
      billingCode: paid.billingCode,
      payment: paid.payment,
    }),
  );
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  await storeReceipt(
    db,
    { registrationNumber, reference: paid.payment.reference, documentSha256: sha256 },
    pdf,
  );
  // Another ask stored first: answer what is stored, not this render.
  return stored(db, registrationNumber);
}
