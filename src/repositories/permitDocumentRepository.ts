import { inTransaction, type Pool, type Queryable } from '../db/pool.js';

// Issued permit decisions (permit_documents) and their bytes, content-addressed
// (permit_document_contents). See migrations/1764000001200_permit-documents.sql.

export type PermitDecisionKind = 'issued' | 'deemed_approved';

/** What the read model knows of a file when its permit is issued. */
export interface PermitIssueFacts {
  permitTypeCode: string;
  formData: Record<string, string | number>;
  /** The recorded stage decisions (approvals and payment), oldest first. */
  stageEvents: { stageKey: string; action: 'stage_approved' | 'paid'; at: Date }[];
}

export interface PermitDocumentRecord {
  registrationNumber: string;
  permitNumber: string;
  permitTypeCode: string;
  sha256: string;
  decision: PermitDecisionKind;
  issuedAt: Date;
  validUntil: string | null;
  revocation: { at: Date; reason: string; by: string } | null;
}

export interface NewPermitDocument {
  registrationNumber: string;
  permitNumber: string;
  sha256: string;
  content: Buffer;
  tokenHash: string;
  decision: PermitDecisionKind;
  issuedAt: Date;
  validUntil: string | null;
}

interface DocumentRow {
  registration_number: string;
  permit_number: string;
  permit_type: string;
  sha256: string;
  decision: PermitDecisionKind;
  issued_at: Date;
  valid_until: string | null;
  revoked_at: Date | null;
  revocation_reason: string | null;
  revoked_by: string | null;
}

const SELECT_DOCUMENT = `SELECT d.registration_number, d.permit_number, a.permit_type, d.sha256, d.decision, d.issued_at,
         to_char(d.valid_until, 'YYYY-MM-DD') AS valid_until, d.revoked_at, d.revocation_reason, d.revoked_by
       FROM permit_documents d JOIN applications a USING (registration_number)`;

function toRecord(row: DocumentRow): PermitDocumentRecord {
  return {
    registrationNumber: row.registration_number,
    permitNumber: row.permit_number,
    permitTypeCode: row.permit_type,
    sha256: row.sha256,
    decision: row.decision,
    issuedAt: row.issued_at,
    validUntil: row.valid_until,
    revocation:
      row.revoked_at && row.revocation_reason !== null && row.revoked_by !== null
        ? { at: row.revoked_at, reason: row.revocation_reason, by: row.revoked_by }
        : null,
  };
}

async function oneDocument(
  db: Queryable,
  where: string,
  value: string,
): Promise<PermitDocumentRecord | null> {
  const { rows } = await db.query<DocumentRow>(`${SELECT_DOCUMENT} WHERE ${where} = $1`, [value]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export const findPermitDocumentOfFile = (db: Queryable, registrationNumber: string) =>
  oneDocument(db, 'd.registration_number', registrationNumber);

export const findPermitDocumentByTokenHash = (db: Queryable, tokenHash: string) =>
  oneDocument(db, 'd.token_hash', tokenHash);

export const findPermitDocumentByNumber = (db: Queryable, permitNumber: string) =>
  oneDocument(db, 'd.permit_number', permitNumber);

export async function permitDocumentContent(db: Queryable, sha256: string): Promise<Buffer | null> {
  const { rows } = await db.query<{ content: Buffer }>(
    'SELECT content FROM permit_document_contents WHERE sha256 = $1',
    [sha256],
  );
  return rows[0]?.content ?? null;
}

/** The form and the recorded stage decisions of a file, or null when there is no such file. */
export async function permitIssueFacts(
  db: Queryable,
  registrationNumber: string,
): Promise<PermitIssueFacts | null> {
  const { rows } = await db.query<{
    permit_type: string;
    form_data: Record<string, string | number>;
    events: { stage_key: string; action: 'stage_approved' | 'paid'; occurred_at: string }[];
  }>(
    `SELECT a.permit_type, a.form_data, COALESCE((
       SELECT json_agg(json_build_object('stage_key', e.stage_key, 'action', e.action, 'occurred_at', e.occurred_at)
              ORDER BY e.sequence)
       FROM audit_events e
       WHERE e.workflow_id = a.registration_number AND e.action IN ('stage_approved', 'paid')
         AND e.stage_key IS NOT NULL), '[]'::json) AS events
     FROM applications a WHERE a.registration_number = $1`,
    [registrationNumber],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    permitTypeCode: row.permit_type,
    formData: row.form_data,
    stageEvents: row.events.map((e) => ({
      stageKey: e.stage_key,
      action: e.action,
      at: new Date(e.occurred_at),
    })),
  };
}

/**
 * Stores a file's permit document unless it has one already; either way answers the one it
 * has. A lock per file makes a concurrent retry wait and then find the first one, and the bytes
 * and the row commit together, so a losing attempt stores nothing.
 */
export async function storeFirstPermitDocument(
  pool: Pool,
  document: NewPermitDocument,
): Promise<PermitDocumentRecord> {
  return inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('permit-document:' || $1))`, [
      document.registrationNumber,
    ]);
    const existing = await findPermitDocumentOfFile(client, document.registrationNumber);
    if (existing) return existing;
    await client.query(
      'INSERT INTO permit_document_contents (sha256, content) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING',
      [document.sha256, document.content],
    );
    await client.query(
      `INSERT INTO permit_documents (registration_number, permit_number, sha256, token_hash, decision, issued_at,
                                     valid_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        document.registrationNumber,
        document.permitNumber,
        document.sha256,
        document.tokenHash,
        document.decision,
        document.issuedAt,
        document.validUntil,
      ],
    );
    const stored = await findPermitDocumentOfFile(client, document.registrationNumber);
    if (!stored) throw new Error(`the permit document of ${document.registrationNumber} was not stored`);
    return stored;
  });
}

export interface Revocation {
  permitNumber: string;
  reason: string;
  officer: { id: string; role: string };
  at: Date;
  /** The applicant's notice; its event key is made unique per file and sequence here. */
  notice: { template: string; params: Record<string, string | number | boolean | null> };
}

/**
 * Revokes a permit, once: the revocation on its row, an audit event on its file (the next
 * sequence after the workflow's last, with the officer as actor) and the applicant's notice in
 * the outbox, in one transaction. Answers false when it was revoked already (or is unknown).
 */
export async function revokePermit(pool: Pool, revocation: Revocation): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const revoked = await client.query<{ registration_number: string }>(
      `UPDATE permit_documents SET revoked_at = $2, revocation_reason = $3, revoked_by = $4
       WHERE permit_number = $1 AND revoked_at IS NULL
       RETURNING registration_number`,
      [revocation.permitNumber, revocation.at, revocation.reason, revocation.officer.id],
    );
    const registrationNumber = revoked.rows[0]?.registration_number;
    if (registrationNumber === undefined) return false;
    // The file is closed, so no workflow records on it any more; the row lock orders two revokers.
    const file = await client.query<{ status: string; sequence: number }>(
      `UPDATE applications SET last_sequence = last_sequence + 1, updated_at = now()
       WHERE registration_number = $1 RETURNING status, last_sequence AS sequence`,
      [registrationNumber],
    );
    const { status, sequence } = file.rows[0]!;
    await client.query(
      `INSERT INTO audit_events (workflow_id, sequence, occurred_at, actor_kind, actor_id, actor_role, action,
                                 from_status, to_status, stage_key, reason, details)
       VALUES ($1, $2, $3, 'officer', $4, $5, 'revoked', $6, $6, NULL, $7, $8)`,
      [
        registrationNumber,
        sequence,
        revocation.at,
        revocation.officer.id,
        revocation.officer.role,
        status,
        revocation.reason,
        JSON.stringify({ permitNumber: revocation.permitNumber }),
      ],
    );
    await client.query(
      `INSERT INTO notification_outbox (event_key, workflow_id, audience, recipient, template, params)
       VALUES ($1, $2, 'applicant', '{}'::jsonb, $3, $4)`,
      [
        `${registrationNumber}:${sequence}:applicant`,
        registrationNumber,
        revocation.notice.template,
        JSON.stringify(revocation.notice.params),
      ],
    );
    return true;
  });
}
