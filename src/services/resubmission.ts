import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { validateApplicationForm } from '../domain/catalog/formValidation.js';
import type { FileView } from '../workflows/permit/permitContract.js';
import type { DocumentStore } from './documents/documentStore.js';
import { resubmitFile } from './fileActions.js';
import { applicationNotFound, ServiceError } from './serviceError.js';

export interface ResubmissionChanges {
  changedFields?: Record<string, unknown>;
  /** Uploaded documents to attach; each replaces the file's earlier documents of the same kind. */
  documents?: { kind: string; sha256: string }[];
  note?: string;
}

export interface ResubmissionDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
  documents: DocumentStore;
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
): Promise<FileView> {
  const { rows } = await deps.pool.query<{
    permit_type: string;
    form_data: Record<string, unknown>;
  }>('SELECT permit_type, form_data FROM applications WHERE registration_number = $1', [registrationNumber]);
  const row = rows[0];
  if (!row) throw applicationNotFound();
  const permitType = findPermitType(deps.catalog, row.permit_type);
  if (!permitType) throw applicationNotFound();

  const changedFields = changes.changedFields ?? {};
  const form = validateApplicationForm(permitType, { ...row.form_data, ...changedFields });
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
  const newDocuments = await deps.documents.resolve(permitType, changes.documents ?? []);
  const changedValues = Object.fromEntries(
    Object.keys(changedFields).map((key) => [key, form.values[key] ?? null]),
  );

  const view = await resubmitFile(
    deps,
    registrationNumber,
    {
      // Update arguments are kept in workflow history: the field names go in, never the values.
      changedFields: Object.keys(changedValues),
      documents: newDocuments,
      ...(changes.note ? { note: changes.note } : {}),
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
  await deps.pool.query(
    `UPDATE applications SET
       form_data = (form_data - $6::text[]) || $2::jsonb,
       documents = COALESCE((SELECT jsonb_agg(d ORDER BY position) FROM jsonb_array_elements(documents)
                               WITH ORDINALITY AS kept(d, position)
                             WHERE NOT (d->>'kind' = ANY($4::text[]))), '[]'::jsonb) || $3::jsonb,
       form_sequence = $5, updated_at = now()
     WHERE registration_number = $1 AND form_sequence < $5`,
    [
      registrationNumber,
      JSON.stringify(corrected),
      JSON.stringify(newDocuments),
      newDocuments.map((d) => d.kind),
      recordedAs,
      cleared,
    ],
  );
  return view;
}
