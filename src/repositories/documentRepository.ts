import type { Queryable } from '../db/pool.js';

// Uploaded documents as checked when they were stored (document_uploads): the bytes live
// content-addressed on disk, this records their real type and size under their SHA-256.

export interface StoredUpload {
  sha256: string;
  mimeType: string;
  sizeBytes: number;
}

/** Records an upload; identical uploads share one row. */
export async function recordUpload(db: Queryable, upload: StoredUpload): Promise<void> {
  await db.query(
    `INSERT INTO document_uploads (sha256, mime_type, size_bytes) VALUES ($1, $2, $3)
         ON CONFLICT (sha256) DO NOTHING`,
    [upload.sha256, upload.mimeType, upload.sizeBytes],
  );
}

/** The recorded uploads among the given digests (lower-case hex), by digest. */
export async function findUploads(
  db: Queryable,
  sha256s: readonly string[],
): Promise<Map<string, StoredUpload>> {
  const { rows } = await db.query<{ sha256: string; mime_type: string; size_bytes: string }>(
    'SELECT sha256, mime_type, size_bytes FROM document_uploads WHERE sha256 = ANY($1)',
    [sha256s],
  );
  return new Map(
    rows.map((r) => [r.sha256, { sha256: r.sha256, mimeType: r.mime_type, sizeBytes: Number(r.size_bytes) }]),
  );
}
