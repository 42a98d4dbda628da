import type { Readable } from 'node:stream';
import type { Pool } from '../db/pool.js';
import { officerMayAddDocuments, officerMayReadDocuments } from '../domain/access/fileAccess.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { findApplicationPlacement } from '../repositories/applicationRepository.js';
import type { StoredUpload } from '../repositories/documentRepository.js';
import type { DocumentRef } from '../workflows/permit/permitContract.js';
import type { Caller, CallerAccess } from './callerAccess.js';
import { type DocumentStore, documentDefinition } from './documentStore.js';
import { ServiceError, unknownPermitType } from './serviceError.js';

export interface DocumentServiceDependencies {
  pool: Pool;
  catalog: PermitCatalog;
  access: CallerAccess;
  store: DocumentStore;
}

/** Uploads (checked against the catalog while they stream in) and the documents of a file. */
export function createDocumentService(deps: DocumentServiceDependencies) {
  const placementOf = async (registrationNumber: string) => {
    const placement = await findApplicationPlacement(deps.pool, registrationNumber);
    if (!placement) return null;
    const homeDepartment = findPermitType(deps.catalog, placement.permitTypeCode)?.department;
    return { ...placement, homeDepartment };
  };

  return {
    /** Stores an upload for a document kind of a permit type, if its type and size fit the catalog. */
    storeUpload(permitTypeCode: string, kind: string, content: Readable): Promise<StoredUpload> {
      const permitType = findPermitType(deps.catalog, permitTypeCode);
      if (!permitType) throw unknownPermitType(permitTypeCode);
      return deps.store.store(content, documentDefinition(permitType, kind));
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
