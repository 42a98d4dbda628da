-- Up Migration

-- Every time an officer opens a file's personal data (status page, bot /status): who, when,
-- which file, and the role and department that allowed it; never the data itself. The
-- applicant sees these by role and department (without names). Append-only like the audit.
CREATE TABLE officer_file_reads (
  id bigserial PRIMARY KEY,
  registration_number text NOT NULL,
  officer_id uuid NOT NULL,
  role text NOT NULL,
  department text NOT NULL,
  read_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX officer_file_reads_file_idx ON officer_file_reads (registration_number, read_at);

CREATE FUNCTION officer_file_reads_are_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'officer_file_reads is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER officer_file_reads_no_update_or_delete
  BEFORE UPDATE OR DELETE ON officer_file_reads
  FOR EACH ROW EXECUTE FUNCTION officer_file_reads_are_append_only();

-- Down Migration
DROP TRIGGER officer_file_reads_no_update_or_delete ON officer_file_reads;
DROP FUNCTION officer_file_reads_are_append_only();
DROP TABLE officer_file_reads;
