import type { OfficerDecision } from '../../workflows/permit/permitContract.js';

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
