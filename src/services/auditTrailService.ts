import type { Queryable } from '../db/pool.js';
import { AuditChainCheck, type ChainBreak } from '../domain/audit/auditChainCheck.js';
import {
  auditChainPage,
  type DailyAuditHead,
  dailyAuditHeads,
} from '../repositories/auditChainRepository.js';

/** Days of heads published with the public statistics. */
export const PUBLISHED_HEAD_DAYS = 30;
const PAGE_SIZE = 5_000;

export type AuditChainVerification =
  | { intact: true; events: number; head: string }
  | { intact: false; eventsBefore: number; broken: ChainBreak };

/**
 * Recomputes the whole audit chain and each file's chain from the stored events, page by page,
 * and stops at the first event that does not match.
 */
export async function verifyAuditChain(db: Queryable): Promise<AuditChainVerification> {
  const check = new AuditChainCheck();
  let after = 0;
  while (true) {
    const page = await auditChainPage(db, after, PAGE_SIZE);
    for (const event of page) {
      const broken = check.next(event);
      if (broken) return { intact: false, eventsBefore: check.checked.events, broken };
    }
    if (page.length < PAGE_SIZE) return { intact: true, ...check.checked };
    after = page[page.length - 1]!.chainPosition;
  }
}

/**
 * The tamper-evidence published to the public: each day's head link. Whoever keeps a copy can
 * later tell whether the history up to that day was rewritten, even with its links recomputed.
 */
export function createAuditTrailService(deps: { pool: Queryable }) {
  return {
    dailyHeads(): Promise<DailyAuditHead[]> {
      return dailyAuditHeads(deps.pool, PUBLISHED_HEAD_DAYS);
    },
  };
}

export type AuditTrailService = ReturnType<typeof createAuditTrailService>;
