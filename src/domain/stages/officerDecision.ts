// An officer's decision (the `decide` update's argument) as the stage machine's action.
import type { OfficerDecision } from '../../workflows/permit/permitContract.js';
import type { FileAction } from './fileActions.js';

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
