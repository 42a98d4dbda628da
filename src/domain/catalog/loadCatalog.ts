// Reads the catalog file named in configuration (PERMIT_CATALOG). Synchronous on purpose: it
// runs once at start-up, before anything can use the catalog, and fails the start if invalid.

import { readFileSync } from 'node:fs';
import { CatalogError } from './catalogError.js';
import type { PermitCatalog } from './catalogSchema.js';
import { parseCatalog } from './parseCatalog.js';

/** Relative to the working directory, like the other paths in configuration. */
export const DEFAULT_CATALOG_PATH = 'data/catalog/permit-types.yaml';

/** The text of a catalog-side YAML file. @throws CatalogError naming `filePath` when unreadable. */
export function readCatalogText(filePath: string): string {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`;
    throw new CatalogError(filePath, [{ path: [], problem }]);
  }
}

/** @throws CatalogError naming `filePath` when it cannot be read or is not a valid catalog. */
export function loadCatalog(filePath: string = DEFAULT_CATALOG_PATH): PermitCatalog {
  return parseCatalog(readCatalogText(filePath), filePath);
}
