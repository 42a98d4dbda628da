import type { Readable } from 'node:stream';
import type { Pool } from '../db/pool.js';
import { officerMayAddDocuments, officerMayReadDocuments } from '../domain/access/fileAccess.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { findApplicationPlacement } from '../repositories/applicationRepository.js';
import { bytesUploadedFrom } from '../repositories/documentRepository.js';
import type { DocumentRef } from '../workflows/permit/permitContract.js';
import type { Caller, CallerAccess } from './callerAccess.js';
import { documentDefinition, uploadQuotaExceeded } from './documentProblems.js';
import type { DocumentStore, ReceiptedUpload, UploadOrigin } from './documentStore.js';
import { ServiceError, unknownPermitType } from './serviceError.js';

export interface DocumentServiceDependencies {
  pool: Pool;
  catalog: PermitCatalog;
  access: CallerAccess;
  store: DocumentStore;
  /** Bytes a client address may upload per hour; 0 or unset: no cap. */
  uploadBytesPerAddressPerHour?: number;
}

const HOUR_MS = 3_600_000;

/** Uploads (checked against the catalog while they stream in) and the documents of a file. */
export function createDocumentService(deps: DocumentServiceDependencies) {
  const placementOf = async (registrationNumber: string) => {
    const placement = await findApplicationPlacement(deps.pool, registrationNumber);
    if (!placement) return null;
    const homeDepartment = findPermitType(deps.catalog, placement.permitTypeCode)?.department;
    return { ...placement, homeDepartment };
  };

  /** What an address may still upload in this hour, or a refusal saying when it may again. */
  const quotaOf = async (clientAddress: string) => {
    const cap = deps.uploadBytesPerAddressPerHour ?? 0;
    if (cap <= 0) return undefined;
    const now = Date.now();
    const used = await bytesUploadedFrom(deps.pool, clientAddress, new Date(now - HOUR_MS));
    const freedAt = (used.oldest?.getTime() ?? now) + HOUR_MS;
    const overQuota = () => uploadQuotaExceeded(cap, Math.max(1, Math.ceil((freedAt - now) / 1000)));
    if (used.bytes >= cap) throw overQuota();
    return { bytes: cap - used.bytes, overQuota };
  };

  return {
    /**
     * Stores an upload for a document kind of a permit type, if its type and size fit the
     * catalog and, for an upload counted against a client address, the hourly cap. The answer's
     * upload token is what a submission names it by (the file it was uploaded for may use it
     * without: uploadReferences.ts).
     */
    async storeUpload(
      permitTypeCode: string,
      kind: string,
      content: Readable,
      origin: UploadOrigin = {},
    ): Promise<ReceiptedUpload> {
      const permitType = findPermitType(deps.catalog, permitTypeCode);
      if (!permitType) throw unknownPermitType(permitTypeCode);
      const def = documentDefinition(permitType, kind);
      const quota = origin.clientAddress === undefined ? undefined : await quotaOf(origin.clientAddress);
      return deps.store.store(content, def, origin, quota);
    },

    /**
     * The permit type an upload to this file is checked against, or null when the caller may
     * not add to it (its applicant may; so may an officer of its department, for walk-in
     * applicants at the counter) or there is no such file.
     */
    async uploadTarget(
      caller: Caller,
      registrationNumber: string,
    ): Promise<{ permitTypeCode: string } | null> {
      const applicant = await deps.access.isApplicant(caller, registrationNumber);
      const officer = applicant ? null : await deps.access.officerOf(caller);
      if (!applicant && !officer) return null;
      const file = await placementOf(registrationNumber);
      if (!file || (officer && !officerMayAddDocuments(officer.departments, file))) return null;
      return { permitTypeCode: file.permitTypeCode };
    },

    /**
     * The documents of a file (as submitted, with corrections replacing their kind), for an
     * officer of the department it is with or, once closed, of the permit type's department.
     */
    async documentsForOfficer(caller: Caller, registrationNumber: string): Promise<DocumentRef[]> {
      const officer = await deps.access.requireOfficer(caller);
      const file = await placementOf(registrationNumber);
      if (!file || !officerMayReadDocuments(officer.departments, file)) {
        throw new ServiceError('NOT_FOUND', {
          id: 'Berkas itu tidak ada di departemen Anda.',
          en: 'That file is not with your department.',
        });
      }
      return file.documents;
    },

    /** The stored copy of a document, or null when this instance does not hold it. */
    documentContent(sha256: string): Promise<Buffer | null> {
      return deps.store.read(sha256);
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
