// YAML text → validated, frozen PermitCatalog, or one CatalogError listing every problem.
// No file access here, so tests and tools can parse text they hold in memory.

import { checkCatalogRules } from './catalogRules.js';
import { catalogSchema, type PermitCatalog } from './catalogSchema.js';
import { parseValidatedYaml } from './validatedYaml.js';

/**
 * Parses and validates catalog YAML. `fileLabel` names the source in error messages
 * (usually the path as configured, e.g. `data/catalog/permit-types.yaml`).
 * @throws CatalogError with one line per problem.
 */
export function parseCatalog(yamlText: string, fileLabel: string): PermitCatalog {
  return parseValidatedYaml(yamlText, fileLabel, catalogSchema, checkCatalogRules);
}
