-- Up Migration

-- Public statistics as aggregates, so that serving them costs the same at 100,000 files as at
-- 100. The applications row is the read model every transition updates (in the statement that
-- records the transition, src/repositories/auditRepository.ts); a trigger on it folds each
-- change into the aggregates in that same transaction. Working days to a decision need the
-- holiday calendar, which the database does not have: decided files wait in
-- stats_decisions_to_measure until the worker's stats job measures them into the histogram.

-- Per permit type and month (Asia/Jakarta): files received (submission recorded), decided
-- (issued, rejected, deemed approved) and of those decided without an SLA breach, deemed
-- approvals, and revision requests that paused a clock, each in the month it happened.
CREATE TABLE stats_monthly (
  permit_type text NOT NULL,
  month date NOT NULL,
  received integer NOT NULL DEFAULT 0,
  decided integer NOT NULL DEFAULT 0,
  decided_within_sla integer NOT NULL DEFAULT 0,
  deemed_approved integer NOT NULL DEFAULT 0,
  pauses integer NOT NULL DEFAULT 0,
  PRIMARY KEY (permit_type, month)
);

-- Working days from the clock's start (or submission) to the decision, as a histogram per
-- permit type and month of decision: a median over any range of months is read from it.
CREATE TABLE stats_decision_days (
  permit_type text NOT NULL,
  month date NOT NULL,
  working_days integer NOT NULL,
  files integer NOT NULL,
  PRIMARY KEY (permit_type, month, working_days)
);

-- Decided files whose working days the worker has not measured yet.
CREATE TABLE stats_decisions_to_measure (
  registration_number text PRIMARY KEY,
  permit_type text NOT NULL,
  month date NOT NULL,
  from_at timestamptz NOT NULL,
  decided_at timestamptz NOT NULL
);

-- Files per permit type by their status now (a file counts once its submission is recorded).
CREATE TABLE stats_status_counts (
  permit_type text NOT NULL,
  status text NOT NULL,
  files integer NOT NULL,
  PRIMARY KEY (permit_type, status)
);

-- Files in review past their stage's deadline now, refreshed by the worker's stats job (time
-- passing changes it, not a transition).
CREATE TABLE stats_past_deadline (
  permit_type text PRIMARY KEY,
  files integer NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applications_open_deadline_idx ON applications (deadline) WHERE status = 'IN_REVIEW';

CREATE FUNCTION stats_month(at timestamptz) RETURNS date AS $$
  SELECT date_trunc('month', at AT TIME ZONE 'Asia/Jakarta')::date
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION stats_add_monthly(
  permit text, at timestamptz, received integer, decided integer, within_sla integer,
  deemed integer, pauses integer
) RETURNS void AS $$
  INSERT INTO stats_monthly AS s (permit_type, month, received, decided, decided_within_sla, deemed_approved, pauses)
  VALUES (permit, stats_month(at), received, decided, within_sla, deemed, pauses)
  ON CONFLICT (permit_type, month) DO UPDATE SET
    received = s.received + EXCLUDED.received,
    decided = s.decided + EXCLUDED.decided,
    decided_within_sla = s.decided_within_sla + EXCLUDED.decided_within_sla,
    deemed_approved = s.deemed_approved + EXCLUDED.deemed_approved,
    pauses = s.pauses + EXCLUDED.pauses
$$ LANGUAGE sql;

CREATE FUNCTION stats_add_status(permit text, state text, delta integer) RETURNS void AS $$
  INSERT INTO stats_status_counts AS s (permit_type, status, files) VALUES (permit, state, delta)
  ON CONFLICT (permit_type, status) DO UPDATE SET files = s.files + EXCLUDED.files
$$ LANGUAGE sql;

-- A file's submission is recorded when last_sequence leaves 0; it counts under a status from
-- then on (SUBMITTED, the state before that, never counts).
CREATE FUNCTION fold_application_into_stats() RETURNS trigger AS $$
DECLARE
  recorded boolean := OLD.last_sequence = 0 AND NEW.last_sequence > 0;
BEGIN
  IF recorded THEN
    PERFORM stats_add_monthly(NEW.permit_type, NEW.submitted_at, 1, 0, 0, 0, 0);
  END IF;
  IF NEW.last_sequence > 0 AND (recorded OR OLD.status IS DISTINCT FROM NEW.status) THEN
    IF NOT recorded AND OLD.status <> 'SUBMITTED' THEN
      PERFORM stats_add_status(NEW.permit_type, OLD.status, -1);
    END IF;
    IF NEW.status <> 'SUBMITTED' THEN
      PERFORM stats_add_status(NEW.permit_type, NEW.status, 1);
    END IF;
  END IF;
  IF NEW.pause_count > OLD.pause_count THEN
    PERFORM stats_add_monthly(NEW.permit_type, now(), 0, 0, 0, 0, NEW.pause_count - OLD.pause_count);
  END IF;
  IF OLD.decided_at IS NULL AND NEW.decided_at IS NOT NULL THEN
    PERFORM stats_add_monthly(NEW.permit_type, NEW.decided_at, 0, 1,
      CASE WHEN NEW.decided_within_sla THEN 1 ELSE 0 END,
      CASE WHEN NEW.status = 'DEEMED_APPROVED' THEN 1 ELSE 0 END, 0);
    INSERT INTO stats_decisions_to_measure (registration_number, permit_type, month, from_at, decided_at)
    VALUES (NEW.registration_number, NEW.permit_type, stats_month(NEW.decided_at),
            COALESCE(NEW.clock_started_at, NEW.submitted_at), NEW.decided_at)
    ON CONFLICT (registration_number) DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER applications_fold_into_stats
  AFTER UPDATE ON applications
  FOR EACH ROW
  WHEN (OLD.last_sequence IS DISTINCT FROM NEW.last_sequence
        OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.pause_count IS DISTINCT FROM NEW.pause_count
        OR OLD.decided_at IS DISTINCT FROM NEW.decided_at)
  EXECUTE FUNCTION fold_application_into_stats();

-- The files there are already, folded in once. Pauses go to the month of their revision request.
INSERT INTO stats_monthly (permit_type, month, received)
  SELECT permit_type, stats_month(submitted_at), count(*) FROM applications
  WHERE last_sequence > 0 GROUP BY 1, 2;
SELECT stats_add_monthly(permit_type, decided_at, 0, 1,
         CASE WHEN decided_within_sla THEN 1 ELSE 0 END,
         CASE WHEN status = 'DEEMED_APPROVED' THEN 1 ELSE 0 END, 0)
  FROM applications WHERE decided_at IS NOT NULL;
SELECT stats_add_monthly(a.permit_type, e.occurred_at, 0, 0, 0, 0, 1)
  FROM audit_events e JOIN applications a ON a.registration_number = e.workflow_id
  WHERE e.action = 'revision_requested';
INSERT INTO stats_status_counts (permit_type, status, files)
  SELECT permit_type, status, count(*) FROM applications
  WHERE last_sequence > 0 AND status <> 'SUBMITTED' GROUP BY 1, 2;
INSERT INTO stats_decisions_to_measure (registration_number, permit_type, month, from_at, decided_at)
  SELECT registration_number, permit_type, stats_month(decided_at), COALESCE(clock_started_at, submitted_at),
         decided_at
  FROM applications WHERE decided_at IS NOT NULL;

-- Down Migration
DROP TRIGGER applications_fold_into_stats ON applications;
DROP FUNCTION fold_application_into_stats();
DROP FUNCTION stats_add_status(text, text, integer);
DROP FUNCTION stats_add_monthly(text, timestamptz, integer, integer, integer, integer, integer);
DROP FUNCTION stats_month(timestamptz);
DROP INDEX applications_open_deadline_idx;
DROP TABLE stats_past_deadline;
DROP TABLE stats_status_counts;
DROP TABLE stats_decisions_to_measure;
DROP TABLE stats_decision_days;
DROP TABLE stats_monthly;
