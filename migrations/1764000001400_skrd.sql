-- Up Migration

-- Levy assessments (SKRD): one per file that reached its payment stage, issued by the worker
-- before the payment request goes out. The billing code (kode bayar) comes from its own sequence
-- with a check digit, so a code is never reused, not even after a file lapses. The PDF is kept
-- content-addressed by its SHA-256 in the database, so the API serves it on any node. Both tables
-- are append-only for the app: an assessment is never changed; a payment is the file's own
-- audit event ('paid'), and refused payments go to admin_audit.
CREATE SEQUENCE billing_code_seq;

CREATE TABLE levy_documents (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE levy_assessments (
  registration_number text PRIMARY KEY REFERENCES applications (registration_number),
  billing_code text NOT NULL UNIQUE CHECK (billing_code ~ '^[0-9]{12}$'),
  amount bigint NOT NULL CHECK (amount > 0),
  issued_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  document_sha256 text NOT NULL REFERENCES levy_documents (sha256),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE levy_assessments;
DROP TABLE levy_documents;
DROP SEQUENCE billing_code_seq;
