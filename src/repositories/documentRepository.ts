import type { Queryable } from '../db/pool.js';
import { preparedStatement } from '../db/preparedStatement.js';

// Uploaded documents as checked when they were stored (document_uploads): the bytes live
// content-addressed on disk, this records their real type and size under their SHA-256. Each
// upload of them is a receipt (document_receipts): whose it is, and whether a file has it.

export interface StoredUpload {
  sha256: string;
  mimeType: string;
  sizeBytes: number;
}

/** One upload's receipt as it is recorded. */
export interface NewReceipt {
  tokenHash: string;
  kind: string;
  /** The file it was uploaded for, when it was uploaded to an existing file. */
  registrationNumber: string | null;
  /** Set for uploads counted against the per-address cap. */
  clientAddress: string | null;
}

/**
 * Serialises the writers of one content file (an upload storing it, the clean-up removing it)
 * until the transaction ends, so that the row, the receipts and the file on disk agree.
 */
export async function lockDocumentContent(db: Queryable, sha256: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('document:' || $1, 0))`, [sha256]);
}

/** Records an upload (identical uploads share one content row) and its receipt. */
export async function recordUpload(db: Queryable, upload: StoredUpload, receipt: NewReceipt): Promise<void> {
  await db.query(
    `WITH content AS (
       INSERT INTO document_uploads (sha256, mime_type, size_bytes) VALUES ($1, $2, $3)
       ON CONFLICT (sha256) DO NOTHING)
     INSERT INTO document_receipts (token_hash, sha256, kind, registration_number, client_address, size_bytes)
     VALUES ($4, $1, $5, $6, $7, $3)`,
    [
      upload.sha256,
      upload.mimeType,
      upload.sizeBytes,
      receipt.tokenHash,
      receipt.kind,
      receipt.registrationNumber,
      receipt.clientAddress,
    ],
  );
}

/** A receipt a reference may resolve through, with its content's recorded type and size. */
export interface HeldReceipt extends StoredUpload {
  id: string;
  tokenHash: string | null;
  registrationNumber: string | null;
  /** The idempotency key of the file the receipt belongs to, if any (a replayed submission's). */
  fileIdempotencyKey: string | null;
}

/** Receipts with one of the token hashes, or (when `file` is given) uploaded for that file. */
export async function findReceipts(
  db: Queryable,
  query: { tokenHashes: readonly string[]; file: string | null; sha256s: readonly string[] },
): Promise<HeldReceipt[]> {
  const { rows } = await db.query<{
    id: string;
    token_hash: string | null;
    registration_number: string | null;
    idempotency_key: string | null;
    sha256: string;
    mime_type: string;
    size_bytes: string;
  }>(
    preparedStatement(
      `SELECT r.id, r.token_hash, r.registration_number, a.idempotency_key, u.sha256, u.mime_type, u.size_bytes
     FROM document_receipts r
     JOIN document_uploads u ON u.sha256 = r.sha256
     LEFT JOIN applications a ON a.registration_number = r.registration_number
     WHERE r.token_hash = ANY($1) OR (r.registration_number = $2 AND r.sha256 = ANY($3))`,
      [query.tokenHashes, query.file, query.sha256s],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    tokenHash: r.token_hash,
    registrationNumber: r.registration_number,
    fileIdempotencyKey: r.idempotency_key,
    sha256: r.sha256,
    mimeType: r.mime_type,
    sizeBytes: Number(r.size_bytes),
  }));
}

/** Marks receipts as the file's own documents (kept; no longer cleaned up). */
export async function attachReceipts(
  db: Queryable,
  receiptIds: readonly string[],
  registrationNumber: string,
): Promise<void> {
  if (receiptIds.length === 0) return;
  await db.query(
    preparedStatement(
      `UPDATE document_receipts SET registration_number = $2, attached = true
     WHERE id = ANY($1::bigint[]) AND (registration_number IS NULL OR registration_number = $2)`,
      [receiptIds, registrationNumber],
    ),
  );
}

/** Bytes uploaded from an address since `since`, and when the oldest of them was. */
export async function bytesUploadedFrom(
  db: Queryable,
  clientAddress: string,
  since: Date,
): Promise<{ bytes: number; oldest: Date | null }> {
  const { rows } = await db.query<{ bytes: string | null; oldest: Date | null }>(
    `SELECT sum(size_bytes) AS bytes, min(uploaded_at) AS oldest FROM document_receipts
     WHERE client_address = $1 AND uploaded_at >= $2`,
    [clientAddress, since],
  );
  return { bytes: Number(rows[0]?.bytes ?? 0), oldest: rows[0]?.oldest ?? null };
}

/** Deletes receipts no file attached, uploaded before `before`; returns how many. */
export async function deleteUnattachedReceipts(db: Queryable, before: Date): Promise<number> {
  const { rowCount } = await db.query(
    'DELETE FROM document_receipts WHERE NOT attached AND uploaded_at < $1',
    [before],
  );
  return rowCount ?? 0;
}

const ORPHANED = `u.uploaded_at < $1
  AND NOT EXISTS (SELECT 1 FROM document_receipts r WHERE r.sha256 = u.sha256)
  AND NOT EXISTS (SELECT 1 FROM applications a
                  WHERE a.documents @> jsonb_build_array(jsonb_build_object('sha256', u.sha256)))`;

/** Contents stored before `before` with no receipt left and named by no file. */
export async function orphanedContents(db: Queryable, before: Date, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ sha256: string }>(
    `SELECT u.sha256 FROM document_uploads u WHERE ${ORPHANED} ORDER BY u.uploaded_at LIMIT $2`,
    [before, limit],
  );
  return rows.map((r) => r.sha256);
}

/** Deletes one content row if it is still orphaned (call holding lockDocumentContent). */
export async function deleteOrphanedContent(db: Queryable, sha256: string, before: Date): Promise<boolean> {
  const { rowCount } = await db.query(`DELETE FROM document_uploads u WHERE u.sha256 = $2 AND ${ORPHANED}`, [
    before,
    sha256,
  ]);
  return rowCount === 1;
}
