import type { OfficerDecision } from '../../workflows/permit/permitContract.js';
import type { FileAction } from './fileActions.js';

export type OfficerDecisionKind = OfficerDecision['decision'];

/**
 * An officer's decision from what every adapter collects, a kind and a free text: the reason
 * of a rejection, the note of a revision request (what to correct), an optional note on an
 * approval. A missing text is left empty for the workflow's validator to refuse.
 */
export function officerDecision(kind: OfficerDecisionKind, note?: string): OfficerDecision {
  switch (kind) {
    case 'approve':
      return { decision: 'approve', ...(note ? { note } : {}) };
    case 'reject':
      return { decision: 'reject', reason: note ?? '' };
    case 'revise':
      return { decision: 'revise', note: note ?? '' };
  }
}

/** An officer's decision (the `decide` update's argument) as the stage machine's action. */
export function fileActionOfDecision(decision: OfficerDecision): FileAction {
  switch (decision.decision) {
    case 'approve':
      return { type: 'approve', ...(decision.note ? { note: decision.note } : {}) };
    case 'reject':
      return { type: 'reject', reason: decision.reason };
    case 'revise':
      return { type: 'revise', note: decision.note };
    default:
      // Untrusted input: the stage machine refuses an unknown action with a typed reason.
      return { type: (decision as { decision: string }).decision } as unknown as FileAction;
  }
}
