// Small read helpers over a loaded catalog, shared by workflows, the service layer and the bot.

import type { PermitCatalog, PermitType, StageDef } from './catalogSchema.js';

/** Finds a permit type by code; typed input is trimmed and upper-cased first. */
export function findPermitType(catalog: PermitCatalog, code: string): PermitType | undefined {
  const wanted = code.trim().toUpperCase();
  return catalog.permitTypes.find((type) => type.code === wanted);
}

/** The department whose officers act on a stage: the stage's own, else the permit type's. */
export function stageDepartment(permitType: Pick<PermitType, 'department'>, stage: StageDef): string {
  return (stage.kind === 'officer_review' ? stage.department : undefined) ?? permitType.department;
}
