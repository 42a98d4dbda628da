import type { Queryable } from '../db/pool.js';
import { preparedStatement } from '../db/preparedStatement.js';

// The applicant's access code of a file, stored only as a hash on its application row, with
// the flag that says whether any answer has shown the current code.

export async function findAccessCodeHash(db: Queryable, registrationNumber: string): Promise<string | null> {
  const { rows } = await db.query<{ access_code_hash: string }>(
    preparedStatement('SELECT access_code_hash FROM applications WHERE registration_number = $1', [
      registrationNumber,
    ]),
  );
  return rows[0]?.access_code_hash ?? null;
}

/** True when no answer had shown the file's access code: the given hash replaces the unseen one. */
export async function showFreshAccessCode(
  db: Queryable,
  registrationNumber: string,
  hash: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE applications SET access_code_hash = $2, access_code_shown = true
     WHERE registration_number = $1 AND NOT access_code_shown`,
    [registrationNumber, hash],
  );
  return rowCount === 1;
}

/** Marks the code unseen, only while it is still the given one (a reissued code stays). */
export async function markAccessCodeUnseen(db: Queryable, registrationNumber: string, hash: string) {
  await db.query(
    'UPDATE applications SET access_code_shown = false WHERE registration_number = $1 AND access_code_hash = $2',
    [registrationNumber, hash],
  );
}

export interface CounterReissue {
  registrationNumber: string;
  hash: string;
  officerId: string;
  /** Where the request came from (address, request ID), for admin_audit. */
  requestMeta: Record<string, string>;
  /** The applicant's notices in the outbox: one per channel, each with its unique key. */
  notices: { eventKey: string; channel: string }[];
}

/**
 * In one statement: the new code's hash replaces the old one and remembers the officer who
 * issued it, the reissue is attributed to the officer in admin_audit (without the code), and
 * the applicant's notices go to the outbox, one per channel. False when the row is gone:
 * nothing was stored.
 */
export async function replaceAccessCodeAtCounter(db: Queryable, reissue: CounterReissue): Promise<boolean> {
  const { rowCount } = await db.query(
    `WITH replaced AS (
       UPDATE applications SET access_code_hash = $2, access_code_shown = true, access_code_reissued_by = $3::uuid
       WHERE registration_number = $1
       RETURNING registration_number),
     notice AS (
       INSERT INTO notification_outbox (event_key, workflow_id, audience, recipient, template, params)
       SELECT n.event_key, registration_number, 'applicant', jsonb_build_object('channel', n.channel),
              'access_code_reissued', jsonb_build_object('registrationNumber', registration_number)
       FROM replaced, jsonb_to_recordset($5::jsonb) AS n(event_key text, channel text))
     INSERT INTO admin_audit (actor_kind, actor_id, action, target_kind, target_id, request_meta)
     SELECT 'officer', $3, 'access_code_reissued', 'application', registration_number, $4 FROM replaced`,
    [
      reissue.registrationNumber,
      reissue.hash,
      reissue.officerId,
      JSON.stringify(reissue.requestMeta),
      JSON.stringify(reissue.notices.map((n) => ({ event_key: n.eventKey, channel: n.channel }))),
    ],
  );
  return rowCount === 1;
}

/** A reissue the front desk was refused (say, a wrong NIK): who tried, on which file, why; never the NIK. */
export async function recordRefusedReissue(
  db: Queryable,
  refusal: {
    registrationNumber: string;
    officerId: string;
    reason: string;
    requestMeta: Record<string, string>;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO admin_audit (actor_kind, actor_id, action, target_kind, target_id, changes, request_meta)
     VALUES ('officer', $1, 'access_code_reissue_refused', 'application', $2, $3, $4)`,
    [
      refusal.officerId,
      refusal.registrationNumber,
      JSON.stringify({ reason: refusal.reason }),
      JSON.stringify(refusal.requestMeta),
    ],
  );
}

/** The officer who issued the file's current code at the counter; null for the applicant's own code. */
export async function findAccessCodeReissuer(
  db: Queryable,
  registrationNumber: string,
): Promise<string | null> {
  const { rows } = await db.query<{ access_code_reissued_by: string | null }>(
    'SELECT access_code_reissued_by FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  return rows[0]?.access_code_reissued_by ?? null;
}
