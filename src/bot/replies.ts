import { ServiceError } from '../services/index.js';
import type { FileView } from '../workflows/permit/permitContract.js';
import type { Language } from './context.js';
import { type PermitTypeLookup, stageName, statusLabel } from './format.js';
import { pick, type Translate } from './i18n.js';

/** What a refused or failed action says to the user: the service's own bilingual reason if any. */
export function errorText(error: unknown, t: Translate, language: Language): string {
  if (error instanceof ServiceError) return pick(error.text, language);
  return t('error-generic');
}

/** The file after an officer's decision, as the officer reads it. */
export function decisionResult(
  view: FileView,
  t: Translate,
  lookup: PermitTypeLookup,
  language: Language,
): string {
  return t('decision-recorded', {
    registrationNumber: view.registrationNumber,
    status: statusLabel(view.status, t),
    stage: stageName(lookup, view.permitTypeCode, view.stageKey, language),
    permitNumber: view.permitNumber ?? '-',
  });
}

/** True when the service refused for this reason (e.g. NOT_OFFICER), which the bot words itself. */
export function isRefusal(error: unknown, reason: string): boolean {
  return (
    error instanceof ServiceError && (error.details as { reason?: string } | undefined)?.reason === reason
  );
}

export type ActionOutcome = { ok: true; text: string } | { ok: false; text: string };

/** Runs an action through the service and turns the answer into text, for conversations' external(). */
export async function outcomeOf<T>(
  work: () => Promise<T>,
  describe: (result: T) => string,
  t: Translate,
  language: Language,
): Promise<ActionOutcome> {
  try {
    return { ok: true, text: describe(await work()) };
  } catch (error) {
    return { ok: false, text: errorText(error, t, language) };
  }
}
