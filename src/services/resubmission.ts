import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { validateApplicationForm } from '../domain/catalog/formValidation.js';
import { findApplicationForm, storeCorrections } from '../repositories/applicationRepository.js';
import {
  type FileView,
  type ReissuedCodeMark,
  reissuedCodeDetails,
} from '../workflows/permit/permitContract.js';
import { sendResubmission } from './permitWorkflowCalls.js';
import { applicationNotFound, ServiceError } from './serviceError.js';
import { attachUploads, resolveUploads, type UploadReference } from './uploadReferences.js';

export interface ResubmissionChanges {
  changedFields?: Record<string, unknown>;
  /**
   * Uploaded documents to attach (uploads made for this file, or named by their upload token);
   * each replaces the file's earlier documents of the same kind.
   */
  documents?: UploadReference[];
  note?: string;
}

export interface ResubmissionDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
}

/**
 * The applicant's corrections after a revision request. The merged form is validated against
 * the catalog first (a correction cannot make the file invalid), the workflow then records
 * the resubmission (it alone decides whether one is allowed now), and only after it accepted
 * are the new values and documents stored in the read model. A retry with the same update ID
 * gets the workflow's same answer and writes the same data again, or nothing when a later
 * round's corrections are already stored.
 */
export async function resubmitWithChanges(
  deps: ResubmissionDependencies,
  registrationNumber: string,
  changes: ResubmissionChanges,
  updateId: string,
  mark: ReissuedCodeMark = {},
): Promise<FileView> {
  const stored = await findApplicationForm(deps.pool, registrationNumber);
  if (!stored) throw applicationNotFound();
  const permitType = findPermitType(deps.catalog, stored.permitTypeCode);
  if (!permitType) throw applicationNotFound();

  const changedFields = changes.changedFields ?? {};
  const form = validateApplicationForm(permitType, { ...stored.formData, ...changedFields });
  if (!form.ok) {
    throw new ServiceError(
      'INVALID_FORM',
      {
        id: 'Isian perbaikan belum benar. Periksa kembali isian yang ditandai.',
        en: 'Some corrected fields are not valid. Check the fields listed.',
      },
      form.errors,
    );
  }
  const uploads = await resolveUploads(deps.pool, permitType, changes.documents ?? [], {
    file: registrationNumber,
  });
  const newDocuments = uploads.documents;
  const changedValues = Object.fromEntries(
    Object.keys(changedFields).map((key) => [key, form.values[key] ?? null]),
  );

  const view = await sendResubmission(
    deps,
    registrationNumber,
    {
      // Update arguments are kept in workflow history: the field names go in, never the values.
      changedFields: Object.keys(changedValues),
      documents: newDocuments,
      ...(changes.note ? { note: changes.note } : {}),
      ...reissuedCodeDetails(mark),
    },
    updateId,
  );

  // The corrections are written under the sequence the workflow gave this resubmission, and
  // only over older ones: a retry of an earlier round (the same update ID gets that round's
  // answer again) leaves a later round's corrections alone. Fields and documents are merged
  // into the row as it is now, not as it was read above.
  const recordedAs = view.history.findLast((entry) => entry.action === 'resubmitted')?.sequence;
  if (recordedAs === undefined) throw new Error(`resubmission of ${registrationNumber} was not recorded`);
  // A field the applicant cleared leaves the form, as if it had never been filled in.
  const cleared = Object.keys(changedValues).filter((key) => changedValues[key] === null);
  const corrected = Object.fromEntries(Object.entries(changedValues).filter(([, value]) => value !== null));
  await storeCorrections(deps.pool, registrationNumber, {
    sequence: recordedAs,
    corrected,
    cleared,
    documents: newDocuments,
  });
  await attachUploads(deps.pool, uploads, registrationNumber);
  return view;
}
