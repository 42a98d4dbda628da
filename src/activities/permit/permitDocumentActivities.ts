// Issuing the permit decision document when a file is granted: the model from the read model,
// the PDF, its storage and its verification token. Idempotent: a file keeps the document it got
// first, so a retry (or a second worker) answers the same bytes and the same SHA-256.

import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { Pool } from '../../db/pool.js';
import { renderPermitDecisionPdf } from '../../documents/permitDecision/permitDecisionPdf.js';
import { findPermitType } from '../../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../../domain/catalog/catalogSchema.js';
import type { OfficeProfile } from '../../domain/catalog/officeProfileSchema.js';
import { validUntil } from '../../domain/permits/validity.js';
import {
  newVerificationToken,
  verificationTokenHash,
  verificationUrl,
} from '../../domain/permits/verificationToken.js';
import {
  findPermitDocumentOfFile,
  type PermitDecisionKind,
  permitIssueFacts,
  storeFirstPermitDocument,
} from '../../repositories/permitDocumentRepository.js';
import { buildPermitDecision } from '../../services/permitDecisionBuilder.js';

export interface PermitDocumentSettings {
  /** The catalog permit types are printed from (name, fields, validity, legal basis). */
  catalog: PermitCatalog;
  office: OfficeProfile;
  /** The origin the QR code's verification link points at. */
  publicBaseUrl: string;
}

export interface IssuePermitDocumentInput {
  registrationNumber: string;
  permitNumber: string;
  decision: PermitDecisionKind;
  /** The stage the file was granted at. */
  decidedStageKey: string;
  /** The moment of the grant, from the workflow: the same on every retry. */
  issuedAt: string;
}

export function createPermitDocumentActivities(deps: {
  pool: Pool;
  permitDocuments: PermitDocumentSettings;
}) {
  const { pool } = deps;
  const { catalog, office, publicBaseUrl } = deps.permitDocuments;
  return {
    /** Answers the SHA-256 of the file's permit document, issuing it the first time. */
    async issuePermitDocument(input: IssuePermitDocumentInput): Promise<{ sha256: string }> {
      const existing = await findPermitDocumentOfFile(pool, input.registrationNumber);
      if (existing) return { sha256: existing.sha256 };
      const facts = await permitIssueFacts(pool, input.registrationNumber);
      const permitType = facts && findPermitType(catalog, facts.permitTypeCode);
      if (!facts || !permitType) {
        throw ApplicationFailure.nonRetryable(
          `no application row or no catalog permit type for ${input.registrationNumber}`,
          'PERMIT_FACTS_MISSING',
        );
      }
      const token = newVerificationToken();
      const issuedAt = new Date(input.issuedAt);
      const model = buildPermitDecision(
        {
          office,
          permitType,
          permitNumber: input.permitNumber,
          facts,
          decision: input.decision,
          decidedStageKey: input.decidedStageKey,
          issuedAt,
          verificationUrl: verificationUrl(publicBaseUrl, token),
        },
        input.registrationNumber,
      );
      const content = await renderPermitDecisionPdf(model);
      const stored = await storeFirstPermitDocument(pool, {
        registrationNumber: input.registrationNumber,
        permitNumber: input.permitNumber,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        tokenHash: verificationTokenHash(token),
        decision: input.decision,
        issuedAt,
        validUntil: validUntil(issuedAt, permitType.validity),
      });
      return { sha256: stored.sha256 };
    },
  };
}
