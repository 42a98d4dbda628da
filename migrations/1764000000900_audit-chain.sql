-- Up Migration

-- A tamper-evident audit trail. Every event carries two SHA-256 links over its canonical content:
-- chain_hash continues the whole table (in chain_position order), file_chain_hash the events of
-- its file. A row changed or removed behind the app's back no longer matches its link or the ones
-- after it: `npm run audit:verify` recomputes both chains, and GET /api/v1/stats publishes each
-- day's head so that even a recomputed history differs from what was published.

-- The canonical content of an event: a JSON array of its columns in a fixed order, timestamps in
-- UTC ISO 8601 with microseconds. Mirrored for the verifier by src/domain/audit/auditChain.ts.
CREATE FUNCTION audit_event_canonical(e audit_events) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    e.id, e.workflow_id, e.sequence,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.actor_kind, e.actor_id, e.actor_role, e.action, e.from_status, e.to_status, e.stage_key,
    e.reason, e.details,
    to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
$$;

-- A link: SHA-256 (hex) of the previous link (hex; 64 zeros for the first) followed by the content.
CREATE FUNCTION audit_chain_link(previous text, canonical text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(previous, repeat('0', 64)) || canonical, 'UTF8')), 'hex')
$$;

ALTER TABLE audit_events
  ADD COLUMN chain_position bigint,
  ADD COLUMN chain_hash text,
  ADD COLUMN file_chain_hash text;

-- Existing events are chained in the order they were recorded.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete;
DO $$
DECLARE
  e audit_events;
  n bigint := 0;
  head text;
  file_heads jsonb := '{}'::jsonb;
  content text;
  link text;
BEGIN
  FOR e IN SELECT * FROM audit_events ORDER BY id LOOP
    n := n + 1;
    content := audit_event_canonical(e);
    head := audit_chain_link(head, content);
    link := audit_chain_link(file_heads ->> e.workflow_id, content);
    file_heads := file_heads || jsonb_build_object(e.workflow_id, link);
    UPDATE audit_events SET chain_position = n, chain_hash = head, file_chain_hash = link
    WHERE id = e.id;
  END LOOP;
END
$$;
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete;

ALTER TABLE audit_events
  ALTER COLUMN chain_position SET NOT NULL,
  ALTER COLUMN chain_hash SET NOT NULL,
  ALTER COLUMN file_chain_hash SET NOT NULL,
  ADD CONSTRAINT audit_events_chain_position_key UNIQUE (chain_position);
-- The per-file predecessor lookup, and the published daily heads.
CREATE INDEX audit_events_file_chain_idx ON audit_events (workflow_id, chain_position);
CREATE INDEX audit_events_recorded_at_idx ON audit_events (recorded_at);

-- Links every inserted event, whoever inserts it (the caller's values are overwritten). A
-- transaction-scoped advisory lock serialises inserts, so the predecessor read here is the one
-- committed last; an insert that ON CONFLICT DO NOTHING discards leaves nothing behind.
CREATE FUNCTION audit_events_link_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  previous audit_events;
  previous_in_file text;
  content text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(TG_TABLE_SCHEMA || '.audit_events chain'));
  SELECT * INTO previous FROM audit_events ORDER BY chain_position DESC LIMIT 1;
  SELECT file_chain_hash INTO previous_in_file FROM audit_events
  WHERE workflow_id = NEW.workflow_id ORDER BY chain_position DESC LIMIT 1;
  content := audit_event_canonical(NEW);
  NEW.chain_position := coalesce(previous.chain_position, 0) + 1;
  NEW.chain_hash := audit_chain_link(previous.chain_hash, content);
  NEW.file_chain_hash := audit_chain_link(previous_in_file, content);
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_events_chain
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_link_chain();

-- TRUNCATE bypasses row triggers; refuse it on both audit trails (even for their owner).
CREATE FUNCTION audit_trail_refuses_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE is not allowed', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_refuses_truncate();
CREATE TRIGGER admin_audit_no_truncate
  BEFORE TRUNCATE ON admin_audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_refuses_truncate();

-- Down Migration
DROP TRIGGER admin_audit_no_truncate ON admin_audit;
DROP TRIGGER audit_events_no_truncate ON audit_events;
DROP FUNCTION audit_trail_refuses_truncate();
DROP TRIGGER audit_events_chain ON audit_events;
DROP FUNCTION audit_events_link_chain();
DROP INDEX audit_events_recorded_at_idx;
DROP INDEX audit_events_file_chain_idx;
ALTER TABLE audit_events
  DROP COLUMN file_chain_hash,
  DROP COLUMN chain_hash,
  DROP COLUMN chain_position;
DROP FUNCTION audit_chain_link(text, text);
DROP FUNCTION audit_event_canonical(audit_events);
