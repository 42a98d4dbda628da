import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog, PermitType } from '../domain/catalog/catalogSchema.js';

/** The permit types on offer, as the loaded catalog defines them. */
export function createCatalogService(catalog: PermitCatalog) {
  return {
    permitTypes(): readonly PermitType[] {
      return catalog.permitTypes;
    },
    permitType(code: string): PermitType | undefined {
      return findPermitType(catalog, code);
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
