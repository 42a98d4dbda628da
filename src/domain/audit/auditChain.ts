import { createHash } from 'node:crypto';

/**
 * The audit chain as the verifier recomputes it, mirroring the SQL definitions in
 * migrations/1764000000900_audit-chain.sql (audit_event_canonical, audit_chain_link); a test
 * checks that both give the same text and links.
 */

/** An event's columns as stored: exact text wherever a JS type would lose precision. */
export interface AuditEventColumns {
  /** bigint, as decimal text. */
  id: string;
  workflowId: string;
  sequence: number;
  /** Microseconds since the Unix epoch, as decimal text. */
  occurredAtMicros: string;
  actorKind: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  stageKey: string | null;
  reason: string | null;
  /** PostgreSQL's rendering of the jsonb value (`details::text`), which is deterministic. */
  detailsJson: string;
  recordedAtMicros: string;
}

/** The link before the first one, of the table and of each file. */
export const GENESIS_LINK = '0'.repeat(64);

/** UTC ISO 8601 with six fractional digits, as to_char(... 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'). */
export function isoMicros(micros: string): string {
  const us = BigInt(micros);
  let ms = us / 1000n;
  let rest = us % 1000n;
  if (rest < 0n) {
    ms -= 1n;
    rest += 1000n;
  }
  const iso = new Date(Number(ms)).toISOString();
  return `${iso.slice(0, -1)}${rest.toString().padStart(3, '0')}Z`;
}

/**
 * jsonb_build_array(...)::text of the columns: PostgreSQL separates elements with ", " and
 * escapes strings as JSON.stringify does (quote, backslash, control characters).
 */
export function canonicalAuditEvent(e: AuditEventColumns): string {
  const parts = [
    e.id,
    JSON.stringify(e.workflowId),
    String(e.sequence),
    JSON.stringify(isoMicros(e.occurredAtMicros)),
    JSON.stringify(e.actorKind),
    JSON.stringify(e.actorId),
    JSON.stringify(e.actorRole),
    JSON.stringify(e.action),
    JSON.stringify(e.fromStatus),
    JSON.stringify(e.toStatus),
    JSON.stringify(e.stageKey),
    JSON.stringify(e.reason),
    e.detailsJson,
    JSON.stringify(isoMicros(e.recordedAtMicros)),
  ];
  return `[${parts.join(', ')}]`;
}

/** SHA-256 (hex) of the previous link's hex followed by the canonical content, as UTF-8. */
export function chainLink(previous: string, canonical: string): string {
  return createHash('sha256')
    .update(previous + canonical, 'utf8')
    .digest('hex');
}
