// Issues a file's levy assessment (SKRD) for its payment request: a billing code from
// the sequence, the PDF rendered on the office letterhead and stored by its SHA-256. Idempotent:
// a file has one assessment, and a retried delivery or a later pass of the worker's levy job
// finds the stored one.

import { createHash } from 'node:crypto';
import type { Queryable } from '../db/pool.js';
import { skrdModelOf } from '../documents/skrd/skrdModelOf.js';
import { renderSkrdPdf } from '../documents/skrd/skrdPdf.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog, PermitType } from '../domain/catalog/catalogSchema.js';
import type { OfficeProfile } from '../domain/catalog/officeProfileSchema.js';
import { billingCodeOf } from '../domain/identifiers/billingCode.js';
import {
  assessableFile,
  findAssessment,
  type LevyAssessment,
  levyDocument,
  nextBillingSequence,
  storeAssessment,
} from '../repositories/levyAssessmentRepository.js';

export interface SkrdIssuerDependencies {
  catalog: PermitCatalog;
  office: OfficeProfile;
}

export interface IssuedSkrd {
  assessment: LevyAssessment;
  permitType: PermitType;
  pdf: Buffer;
}

/** The request's facts: the amount the workflow assessed and the payment deadline. */
export interface PaymentRequest {
  registrationNumber: string;
  amount: number;
  dueAt: Date;
}

/**
 * The request a `payment_requested` notice's params state, or null when they assess no levy
 * (no positive amount or no deadline). The notice path and the worker's levy job both read it.
 */
export function paymentRequestOf(
  registrationNumber: string,
  params: Record<string, unknown>,
): PaymentRequest | null {
  const { amount, deadline } = params;
  if (typeof amount !== 'number' || amount <= 0 || typeof deadline !== 'string') return null;
  return { registrationNumber, amount, dueAt: new Date(deadline) };
}

export async function issueSkrd(
  db: Queryable,
  deps: SkrdIssuerDependencies,
  request: PaymentRequest,
): Promise<IssuedSkrd> {
  const file = await assessableFile(db, request.registrationNumber);
  if (!file) throw new Error(`${request.registrationNumber}: no such file to assess`);
  const permitType = findPermitType(deps.catalog, file.permitType);
  if (!permitType) {
    throw new Error(`${request.registrationNumber}: permit type '${file.permitType}' is not in the catalog`);
  }
  const existing = await findAssessment(db, request.registrationNumber);
  if (existing) {
    const pdf = await levyDocument(db, existing.documentSha256);
    if (!pdf) throw new Error(`${request.registrationNumber}: the SKRD's document is missing`);
    return { assessment: existing, permitType, pdf };
  }
  const billingCode = billingCodeOf(await nextBillingSequence(db));
  // Whole seconds: the printed date and the PDF metadata hold nothing finer.
  const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const model = skrdModelOf(deps.office, {
    registrationNumber: file.registrationNumber,
    permitType,
    applicantName: file.applicantName,
    formValues: file.formValues,
    amount: request.amount,
    billingCode,
    issuedAt,
    dueAt: request.dueAt,
  });
  const pdf = await renderSkrdPdf(model);
  const documentSha256 = createHash('sha256').update(pdf).digest('hex');
  const assessment = await storeAssessment(
    db,
    {
      registrationNumber: file.registrationNumber,
      billingCode,
      amount: request.amount,
      issuedAt,
      dueAt: request.dueAt,
      documentSha256,
    },
    pdf,
  );
  // Another issuer stored first: send the stored assessment, not this render.
  if (assessment.billingCode !== billingCode) return issueSkrd(db, deps, request);
  return { assessment, permitType, pdf };
}
