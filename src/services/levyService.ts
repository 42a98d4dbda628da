import type { Pool } from '../db/pool.js';
import { skrdFileName } from '../documents/skrd/skrdModel.js';
import { findAssessment, levyDocument } from '../repositories/levyAssessmentRepository.js';
import type { Caller, CallerAccess } from './callerAccess.js';
import { type PaymentReceipt, type PaymentReceiptDependencies, paymentReceiptOf } from './paymentReceipts.js';

// The file's levy assessment (SKRD) and, once paid, its payment receipt, for those who may see
// the file: its applicant, and the officers who may read its status (each officer read
// recorded, like a status read).

export interface LevyServiceDependencies extends PaymentReceiptDependencies {
  pool: Pool;
  access: CallerAccess;
}

export type { PaymentReceipt };

export interface SkrdDownload {
  fileName: string;
  billingCode: string;
  sha256: string;
  content: Buffer;
}

export function createLevyService(deps: LevyServiceDependencies) {
  return {
    /** The stored SKRD, or null when the caller may not see the file or no levy was assessed yet. */
    async skrd(caller: Caller, registrationNumber: string): Promise<SkrdDownload | null> {
      const viewer = await deps.access.viewerOf(caller, registrationNumber);
      if (!viewer) return null;
      const assessment = await findAssessment(deps.pool, registrationNumber);
      if (!assessment) return null;
      const content = await levyDocument(deps.pool, assessment.documentSha256);
      if (!content) return null;
      await deps.access.recordRead(viewer, registrationNumber);
      return {
        fileName: skrdFileName(assessment.billingCode),
        billingCode: assessment.billingCode,
        sha256: assessment.documentSha256,
        content,
      };
    },

    /**
     * The payment receipt (bukti pembayaran) of a paid file, issued on the first ask and the same
     * bytes ever after; null when the caller may not see the file or no payment is recorded yet.
     */
    async receipt(caller: Caller, registrationNumber: string): Promise<PaymentReceipt | null> {
      const viewer = await deps.access.viewerOf(caller, registrationNumber);
      if (!viewer) return null;
      const receipt = await paymentReceiptOf(deps.pool, deps, registrationNumber);
      if (!receipt) return null;
      await deps.access.recordRead(viewer, registrationNumber);
      return receipt;
    },
  };
}

export type LevyService = ReturnType<typeof createLevyService>;
