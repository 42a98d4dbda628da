import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog, PermitType } from '../domain/catalog/catalogSchema.js';
import type { FormValue } from '../domain/catalog/formValidation.js';
import type { FeeAssessment } from '../domain/fees/computeFee.js';
import {
  checkDocumentUpload,
  checkFormField,
  type DocumentCheck,
  type FieldCheck,
  quoteFee,
} from './intakeChecks.js';
import {
  type SubmitApplicationRequest,
  type SubmittedApplication,
  submitApplication,
} from './submitApplication.js';
import { attachUploads, resolveUploads, type UploadReference } from './uploadReferences.js';

export interface IntakeServiceDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
  calendar: WorkingCalendar;
  taskQueue: string;
}

/**
 * A submission whose documents were uploaded first and are named by kind, sha256 and the upload
 * token each upload answered with.
 */
export type SubmissionRequest = Omit<SubmitApplicationRequest, 'documents'> & {
  documents: UploadReference[];
};

/**
 * Taking in an application: the whole submission (checked, stored, its workflow started), and
 * the checks an adapter makes while it collects one piece by piece, by the submission's rules.
 */
export function createIntakeService(deps: IntakeServiceDependencies) {
  const requirePermitType = (code: string): PermitType => {
    const permitType = findPermitType(deps.catalog, code);
    if (!permitType) throw new RangeError(`unknown permit type ${code}`);
    return permitType;
  };

  return {
    /**
     * Resolves the uploads named (each through its upload token: resolveUploads), submits (see
     * submitApplication: idempotent by key), and makes the uploads the new file's own.
     */
    async submit(request: SubmissionRequest): Promise<SubmittedApplication> {
      const permitType = findPermitType(deps.catalog, request.permitTypeCode);
      // An unknown type is refused by the submission itself, with its own message.
      const uploads = permitType
        ? await resolveUploads(deps.pool, permitType, request.documents, {
            submissionKey: request.idempotencyKey,
          })
        : { documents: [], receiptIds: [] };
      const submitted = await submitApplication(deps, { ...request, documents: uploads.documents });
      await attachUploads(deps.pool, uploads, submitted.registrationNumber);
      return submitted;
    },

    checkField(permitTypeCode: string, fieldKey: string, raw: string): FieldCheck {
      return checkFormField(requirePermitType(permitTypeCode), fieldKey, raw);
    },

    checkDocument(
      permitTypeCode: string,
      kind: string,
      upload: { mimeType: string; sizeBytes: number },
    ): DocumentCheck {
      const document = requirePermitType(permitTypeCode).documents.find((d) => d.kind === kind);
      if (!document) throw new RangeError(`${permitTypeCode} has no document kind '${kind}'`);
      return checkDocumentUpload(document, upload);
    },

    quoteFee(permitTypeCode: string, values: Record<string, FormValue>): FeeAssessment | null {
      return quoteFee(requirePermitType(permitTypeCode), values);
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
