-- Up Migration

-- Who an upload belongs to. The bytes stay content-addressed (document_uploads, one row and one
-- file per SHA-256); each upload of them adds a receipt: the hash of the secret upload token
-- its answer carried, the file it was uploaded for (an upload to an existing file) or attached
-- to (named by that file's submission or resubmission), and for capped uploads the client
-- address (bytes per address per hour). A reference resolves only through a receipt the caller
-- holds: by its token, or, for a resubmission, one of the file's own uploads; a hash alone is
-- not enough. Receipts never attached are deleted after 24 hours by the worker, and with the
-- last of them the bytes, unless a file names them.
CREATE TABLE document_receipts (
  id bigserial PRIMARY KEY,
  token_hash text UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  sha256 text NOT NULL REFERENCES document_uploads (sha256),
  kind text NOT NULL,
  registration_number text,
  attached boolean NOT NULL DEFAULT false,
  client_address text,
  size_bytes bigint NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_receipts_sha256_idx ON document_receipts (sha256);
CREATE INDEX document_receipts_file_idx ON document_receipts (registration_number, sha256)
  WHERE registration_number IS NOT NULL;
CREATE INDEX document_receipts_address_idx ON document_receipts (client_address, uploaded_at)
  WHERE client_address IS NOT NULL;
CREATE INDEX document_receipts_unattached_idx ON document_receipts (uploaded_at) WHERE NOT attached;
-- "Does any file name these bytes?" for the clean-up, without reading every file.
CREATE INDEX applications_documents_idx ON applications USING gin (documents jsonb_path_ops);

-- The documents files already have are theirs.
INSERT INTO document_receipts (sha256, kind, registration_number, attached, size_bytes, uploaded_at)
  SELECT d->>'sha256', d->>'kind', a.registration_number, true, u.size_bytes, a.submitted_at
  FROM applications a
  CROSS JOIN LATERAL jsonb_array_elements(a.documents) AS d
  JOIN document_uploads u ON u.sha256 = d->>'sha256';

-- Down Migration
DROP INDEX applications_documents_idx;
DROP TABLE document_receipts;
