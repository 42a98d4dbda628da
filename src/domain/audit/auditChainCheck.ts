import { type AuditEventColumns, canonicalAuditEvent, chainLink, GENESIS_LINK } from './auditChain.js';

/** An event with the links stored beside it. */
export interface ChainedAuditEvent extends AuditEventColumns {
  chainPosition: number;
  chainHash: string;
  fileChainHash: string;
}

export interface ChainBreak {
  event: Pick<ChainedAuditEvent, 'id' | 'workflowId' | 'sequence' | 'chainPosition'>;
  problem: string;
}

/**
 * Walks the events in chain order and recomputes both chains, reporting the first event whose
 * stored position or links differ from the recomputed ones: that event, or one just before it
 * in its chain, was changed, removed or inserted behind the app's back.
 */
export class AuditChainCheck {
  private position = 0;
  private head = GENESIS_LINK;
  private readonly fileHeads = new Map<string, string>();

  /** Events checked so far, and the head link after them. */
  get checked(): { events: number; head: string } {
    return { events: this.position, head: this.head };
  }

  next(e: ChainedAuditEvent): ChainBreak | undefined {
    const at = (problem: string): ChainBreak => ({
      event: { id: e.id, workflowId: e.workflowId, sequence: e.sequence, chainPosition: e.chainPosition },
      problem,
    });
    if (e.chainPosition !== this.position + 1) {
      return at(
        `expected chain position ${this.position + 1}: an event before it is missing or out of order`,
      );
    }
    const content = canonicalAuditEvent(e);
    const link = chainLink(this.head, content);
    if (link !== e.chainHash) {
      return at('its content or its link differs from what was recorded (table chain)');
    }
    const fileLink = chainLink(this.fileHeads.get(e.workflowId) ?? GENESIS_LINK, content);
    if (fileLink !== e.fileChainHash) {
      return at(`its file's chain does not continue here: an earlier event of ${e.workflowId} was changed`);
    }
    this.position = e.chainPosition;
    this.head = link;
    this.fileHeads.set(e.workflowId, fileLink);
    return undefined;
  }
}
