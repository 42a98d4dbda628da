// Which notices waiting for one chat go out together as one digest message. Pure.

/**
 * Officers' and managers' notices about permit files: each names a file, a stage and a deadline,
 * and a list of them reads as well as the single messages. Telegram serves about one message a
 * second to a chat, so an office with hundreds of files due at once would otherwise hear of the
 * last one an hour late. Notices with buttons of their own (a complaint to answer) and the
 * applicant's notices (documents, survey) stay single.
 */
const DIGEST_TEMPLATES: ReadonlySet<string> = new Set([
  'stage_assigned',
  'resubmitted_to_officer',
  'sla_reminder',
  'sla_breach',
  'sla_second_level',
]);
const DIGEST_AUDIENCES: ReadonlySet<string> = new Set(['role', 'managers', 'second_level']);

/** At most this many notices in one digest: its text stays well under Telegram's 4,096 characters. */
export const MAX_NOTICES_PER_DIGEST = 20;

export interface DigestCandidate {
  audience: string;
  template: string;
}

export function isDigestible(notice: DigestCandidate): boolean {
  return DIGEST_AUDIENCES.has(notice.audience) && DIGEST_TEMPLATES.has(notice.template);
}

/**
 * The messages one chat gets for `waiting` (in the order written): when more than one digestible
 * notice waits, they go in digests of at most MAX_NOTICES_PER_DIGEST, the first where the first
 * of them stood; every other notice is a message of its own. A lone notice is never a digest, so
 * a quiet office sees the same messages as before.
 */
export function messagesForChat<T>(
  waiting: readonly T[],
  candidate: (item: T) => DigestCandidate = (item) => item as DigestCandidate,
): T[][] {
  const digestibleItem = (item: T) => isDigestible(candidate(item));
  const digestible = waiting.filter(digestibleItem);
  if (digestible.length < 2) return waiting.map((notice) => [notice]);
  const digests: T[][] = [];
  for (let i = 0; i < digestible.length; i += MAX_NOTICES_PER_DIGEST) {
    digests.push(digestible.slice(i, i + MAX_NOTICES_PER_DIGEST));
  }
  const messages: T[][] = [];
  let digestsPlaced = false;
  for (const notice of waiting) {
    if (!digestibleItem(notice)) messages.push([notice]);
    else if (!digestsPlaced) {
      messages.push(...digests);
      digestsPlaced = true;
    }
  }
  return messages;
}
