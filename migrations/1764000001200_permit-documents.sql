-- Up Migration

-- The issued permit decisions (SK izin). The PDF bytes are kept content-addressed by their
-- SHA-256 in the database (not under DATA_DIR): the worker writes them, and the API and the
-- bot's notice delivery, which may run on other hosts, read them without a shared folder.
-- The first stored document of a file is the one served for ever after; the row is never
-- rewritten, except for its revocation.
CREATE TABLE permit_document_contents (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now()
);

-- One permit per file. The verification token (printed in the QR code) is kept only as its
-- SHA-256: it is a public capability, and the table must not turn into a list of every
-- permit's verification page if it leaks. 128+ random bits need no salt.
CREATE TABLE permit_documents (
  registration_number text PRIMARY KEY REFERENCES applications (registration_number),
  permit_number text NOT NULL UNIQUE,
  sha256 text NOT NULL REFERENCES permit_document_contents (sha256),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  decision text NOT NULL CHECK (decision IN ('issued', 'deemed_approved')),
  issued_at timestamptz NOT NULL,
  -- Last day of validity (Asia/Jakarta); null for a permit without an end.
  valid_until date,
  revoked_at timestamptz,
  revocation_reason text,
  revoked_by uuid REFERENCES officers (id),
  CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL) AND (revoked_at IS NULL) = (revoked_by IS NULL))
);

-- Down Migration
DROP TABLE permit_documents;
DROP TABLE permit_document_contents;
