-- Up Migration

-- Administrative changes (officers created, edited, deactivated), attributed to the admin who
-- made them. Append-only like audit_events: written by the service layer in the same
-- transaction as the change.
CREATE TABLE admin_audit (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_kind text NOT NULL,
  actor_id text NOT NULL,
  action text NOT NULL,
  target_kind text NOT NULL,
  target_id text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_meta jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX admin_audit_target_idx ON admin_audit (target_kind, target_id, occurred_at);

CREATE FUNCTION admin_audit_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'admin_audit is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER admin_audit_no_update_or_delete
  BEFORE UPDATE OR DELETE ON admin_audit
  FOR EACH ROW EXECUTE FUNCTION admin_audit_is_append_only();

-- Uploaded documents, content-addressed: the bytes are DATA_DIR/documents/<sha256>; the row
-- keeps the type found from the file's magic bytes and its size, checked at upload.
CREATE TABLE document_uploads (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE document_uploads;
DROP TRIGGER admin_audit_no_update_or_delete ON admin_audit;
DROP FUNCTION admin_audit_is_append_only();
DROP TABLE admin_audit;
