// Shared by the catalog tests: file locations and a way to build variants of a valid catalog.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { CatalogError } from '../../../src/domain/catalog/catalogError.js';
import { parseCatalog } from '../../../src/domain/catalog/parseCatalog.js';

export const SHIPPED_CATALOG_PATH = fileURLToPath(
  new URL('../../../data/catalog/permit-types.yaml', import.meta.url),
);
export const TEST_CATALOG_PATH = fileURLToPath(new URL('../../fixtures/catalog-test.yaml', import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary YAML data to break it
export type CatalogData = any;

/** The test catalog as plain, unshared data (aliases expanded), ready to be modified. */
export function testCatalogData(): CatalogData {
  return JSON.parse(JSON.stringify(parse(readFileSync(TEST_CATALOG_PATH, 'utf8'))));
}

/** Parses a modified copy of the test catalog and returns the CatalogError it raises. */
export function catalogErrorFor(modify: (data: CatalogData) => void, label = 'catalog.yaml'): CatalogError {
  const data = testCatalogData();
  modify(data);
  return errorOf(() => parseCatalog(stringify(data), label));
}

export function errorOf(run: () => unknown): CatalogError {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('expected a CatalogError, but the catalog was accepted');
}
