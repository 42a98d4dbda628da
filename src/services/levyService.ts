import type { Pool } from '../db/pool.js';
import { skrdFileName } from '../documents/skrd/skrdModel.js';
import { findAssessment, levyDocument } from '../repositories/levyAssessmentRepository.js';
import { recordOfficerFileRead } from '../repositories/officerFileReadRepository.js';
import type { Caller, CallerAccess } from './callerAccess.js';

// The file's levy assessment (SKRD) for those who may see the file: its applicant, and the
// officers who may read its status (each officer read recorded, like a status read).

export interface LevyServiceDependencies {
  pool: Pool;
  access: CallerAccess;
}

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
      if (viewer.kind === 'officer') {
        await recordOfficerFileRead(deps.pool, {
          registrationNumber,
          officerId: viewer.officerId,
          ...viewer.grant,
        });
      }
      return {
        fileName: skrdFileName(assessment.billingCode),
        billingCode: assessment.billingCode,
        sha256: assessment.documentSha256,
        content,
      };
    },
  };
}

export type LevyService = ReturnType<typeof createLevyService>;
