import type { Queryable } from '../db/pool.js';
import type { DocumentDef, PermitType } from '../domain/catalog/catalogSchema.js';
import { attachReceipts, findReceipts, type HeldReceipt } from '../repositories/documentRepository.js';
import type { DocumentRef } from '../workflows/permit/permitContract.js';
import { documentDefinition, documentError } from './documentProblems.js';
import { uploadTokenHash } from './documentStore.js';

/**
 * A reference to an upload by its kind and digest, with the upload token its answer carried
 * (required for uploads made before the file existed); a Telegram file ID is kept when known.
 */
export interface UploadReference {
  kind: string;
  sha256: string;
  uploadToken?: string;
  telegramFileId?: string;
}

/** Whose references these are: a new submission (by its key) or an existing file. */
export type ReferenceScope =
  | { submissionKey: string; file?: undefined }
  | { file: string; submissionKey?: undefined };

/** The references as DocumentRefs, and the receipts to attach once the file has them. */
export interface ResolvedUploads {
  documents: DocumentRef[];
  receiptIds: string[];
}

/**
 * The receipt a reference resolves through, or undefined. By its token: an upload not yet
 * attached, or already this file's (for a submission: the file a replay of it created). Without
 * a token, only in a resubmission: an upload made for this very file. Another applicant's or
 * another file's upload never resolves, even by its exact hash.
 */
function receiptFor(ref: UploadReference, scope: ReferenceScope, receipts: readonly HeldReceipt[]) {
  const sha256 = ref.sha256.toLowerCase();
  if (ref.uploadToken !== undefined) {
    const tokenHash = uploadTokenHash(ref.uploadToken);
    return receipts.find(
      (r) =>
        r.tokenHash === tokenHash &&
        r.sha256 === sha256 &&
        (r.registrationNumber === null ||
          (scope.file !== undefined && r.registrationNumber === scope.file) ||
          (scope.submissionKey !== undefined && r.fileIdempotencyKey === scope.submissionKey)),
    );
  }
  return scope.file === undefined
    ? undefined
    : receipts.find((r) => r.registrationNumber === scope.file && r.sha256 === sha256);
}

/**
 * Turns references into DocumentRefs with the stored type and size, each through a receipt
 * the caller holds (receiptFor) and checked against its kind's limits in this permit type: a
 * document uploaded for a 10 MiB kind cannot be passed off as a 1 MiB photo.
 */
export async function resolveUploads(
  db: Queryable,
  permitType: PermitType,
  refs: readonly UploadReference[],
  scope: ReferenceScope,
): Promise<ResolvedUploads> {
  if (refs.length === 0) return { documents: [], receiptIds: [] };
  const receipts = await findReceipts(db, {
    tokenHashes: refs.flatMap((r) => (r.uploadToken === undefined ? [] : [uploadTokenHash(r.uploadToken)])),
    file: scope.file ?? null,
    sha256s: refs.map((r) => r.sha256.toLowerCase()),
  });
  const receiptIds: string[] = [];
  const documents = refs.map((ref) => {
    const def = documentDefinition(permitType, ref.kind);
    const receipt = receiptFor(ref, scope, receipts);
    if (!receipt) throw notUploaded(def, ref.sha256, scope);
    receiptIds.push(receipt.id);
    const { sizeBytes, mimeType } = receipt;
    if (
      !def.mimeTypes.includes(mimeType as DocumentDef['mimeTypes'][number]) ||
      sizeBytes > def.maxSizeBytes
    ) {
      throw documentError(
        sizeBytes > def.maxSizeBytes ? 'TOO_LARGE' : 'TYPE_NOT_ALLOWED',
        ref.kind,
        {
          id: `Berkas ${ref.sha256.slice(0, 12)}… tidak memenuhi syarat ${def.label.id} (jenis atau ukuran).`,
          en: `The file ${ref.sha256.slice(0, 12)}… does not meet the limits for ${def.label.en} (type or size).`,
        },
        { sha256: ref.sha256 },
      );
    }
    return {
      kind: def.kind,
      sha256: receipt.sha256,
      mimeType,
      sizeBytes,
      ...(ref.telegramFileId ? { telegramFileId: ref.telegramFileId } : {}),
    };
  });
  return { documents, receiptIds };
}

/** The same answer whether the bytes were never uploaded or were uploaded by someone else. */
function notUploaded(def: DocumentDef, sha256: string, scope: ReferenceScope) {
  const how = scope.file
    ? {
        id: 'Unggah berkasnya untuk permohonan ini dahulu.',
        en: 'Upload the file for this application first.',
      }
    : {
        id: 'Unggah berkasnya dahulu dan sertakan uploadToken dari jawaban unggahan.',
        en: 'Upload the file first and include the uploadToken its answer gave.',
      };
  return documentError(
    'NOT_UPLOADED',
    def.kind,
    {
      id: `Dokumen ${def.label.id} (${sha256.slice(0, 12)}…) belum diunggah untuk permohonan ini. ${how.id}`,
      en: `The document ${def.label.en} (${sha256.slice(0, 12)}…) has not been uploaded for this application. ${how.en}`,
    },
    { sha256 },
  );
}

/** Makes the resolved uploads the file's own: kept, and no longer anyone else's to name. */
export function attachUploads(db: Queryable, resolved: ResolvedUploads, registrationNumber: string) {
  return attachReceipts(db, resolved.receiptIds, registrationNumber);
}
