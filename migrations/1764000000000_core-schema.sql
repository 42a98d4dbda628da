-- Up Migration

-- Registration numbers <TYPE>-<YYYY>-<NNNNNN>: one counter row per permit type and year, bumped
-- with UPDATE ... RETURNING inside the submitting transaction, so numbers have no gaps.
CREATE TABLE registration_counters (
  permit_type text NOT NULL,
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (permit_type, year)
);

-- Permit numbers of issued decisions, allocated the same way.
CREATE TABLE permit_counters (
  permit_type text NOT NULL,
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (permit_type, year)
);

-- The read model: one row per application, kept by the workflow's activities only.
CREATE TABLE applications (
  registration_number text PRIMARY KEY,
  permit_type text NOT NULL,
  status text NOT NULL,
  channel text NOT NULL,
  stage_key text,
  stage_index integer,
  assigned_role text,
  assigned_department text,
  deadline timestamptz,
  deadline_uncovered boolean NOT NULL DEFAULT false,
  paused boolean NOT NULL DEFAULT false,
  paused_working_ms bigint NOT NULL DEFAULT 0,
  pause_count integer NOT NULL DEFAULT 0,
  applicant_name text,
  applicant_telegram_id bigint,
  form_data jsonb NOT NULL DEFAULT '{}'::jsonb,
  documents jsonb NOT NULL DEFAULT '[]'::jsonb,
  fee_amount bigint,
  access_code_hash text NOT NULL,
  idempotency_key text UNIQUE,
  request_hash text,
  submitted_by_officer uuid,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  clock_started_at timestamptz,
  decided_at timestamptz,
  decided_within_sla boolean,
  permit_number text UNIQUE,
  last_sequence integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applications_inbox_idx ON applications (assigned_department, assigned_role, deadline)
  WHERE status = 'IN_REVIEW';
CREATE INDEX applications_type_status_idx ON applications (permit_type, status);
CREATE INDEX applications_applicant_telegram_idx ON applications (applicant_telegram_id)
  WHERE applicant_telegram_id IS NOT NULL;

-- Append-only audit trail: one row per transition, keyed by workflow ID + sequence so that a
-- retried activity adds nothing.
CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  workflow_id text NOT NULL,
  sequence integer NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_kind text NOT NULL,
  actor_id text,
  actor_role text,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  stage_key text,
  reason text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workflow_id, sequence)
);

CREATE FUNCTION audit_events_are_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();

-- Notification requests, once per event key; a delivery activity sends them.
CREATE TABLE notification_outbox (
  id bigserial PRIMARY KEY,
  event_key text NOT NULL UNIQUE,
  workflow_id text NOT NULL,
  audience text NOT NULL,
  recipient jsonb NOT NULL,
  template text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  delivered_at timestamptz
);
CREATE INDEX notification_outbox_pending_idx ON notification_outbox (created_at) WHERE delivered_at IS NULL;

-- Officers: roles and departments decide what they may act on; the API key is stored hashed.
CREATE TABLE officers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  telegram_user_id bigint UNIQUE,
  roles text[] NOT NULL DEFAULT '{}',
  departments text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  api_key_hash text,
  api_key_prefix text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Diagnostics: a probe workflow writes here to prove worker → activity → Postgres end to end.
CREATE TABLE stack_probes (
  probe_id text PRIMARY KEY,
  written_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE stack_probes;
DROP TABLE officers;
DROP TABLE notification_outbox;
DROP TRIGGER audit_events_no_update_or_delete ON audit_events;
DROP FUNCTION audit_events_are_append_only();
DROP TABLE audit_events;
DROP TABLE applications;
DROP TABLE permit_counters;
DROP TABLE registration_counters;
