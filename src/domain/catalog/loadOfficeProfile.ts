// Reads and checks the office profile beside the permit catalog. Synchronous like the catalog:
// it runs once at start-up and fails the start with a message naming the file when invalid.

import { readCatalogText } from './loadCatalog.js';
import { type OfficeProfile, officeProfileSchema } from './officeProfileSchema.js';
import { parseValidatedYaml } from './validatedYaml.js';

/** Relative to the working directory, like the other paths in configuration. */
export const DEFAULT_OFFICE_PROFILE_PATH = 'data/catalog/office.yaml';

/** @throws CatalogError with one line per problem. */
export function parseOfficeProfile(yamlText: string, fileLabel: string): OfficeProfile {
  return parseValidatedYaml(yamlText, fileLabel, officeProfileSchema, () => []).office;
}

/** @throws CatalogError naming `filePath` when it cannot be read or is not a valid profile. */
export function loadOfficeProfile(filePath: string = DEFAULT_OFFICE_PROFILE_PATH): OfficeProfile {
  return parseOfficeProfile(readCatalogText(filePath), filePath);
}
