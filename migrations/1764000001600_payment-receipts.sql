-- Up Migration

-- Payment receipts (bukti pembayaran): one per paid file, rendered once from the recorded payment
-- (the file's 'paid' audit event) and kept content-addressed beside the SKRD in levy_documents,
-- so the same request answers the same bytes on every node and ever after, even once the office
-- profile or the catalog change. Append-only for the app, like the assessments.
CREATE TABLE payment_receipts (
  registration_number text PRIMARY KEY REFERENCES applications (registration_number),
  reference text NOT NULL,
  document_sha256 text NOT NULL REFERENCES levy_documents (sha256),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE payment_receipts;
