-- Up Migration

-- Notices are delivered by the worker's outbox dispatcher, not by one Temporal activity per
-- transition: a failed notice waits until next_attempt_at (growing back-off) and is never
-- dropped. The partial index is what the dispatcher scans.
ALTER TABLE notification_outbox ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
DROP INDEX notification_outbox_pending_idx;
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at, id) WHERE delivered_at IS NULL;

-- Down Migration
DROP INDEX notification_outbox_due_idx;
CREATE INDEX notification_outbox_pending_idx ON notification_outbox (created_at) WHERE delivered_at IS NULL;
ALTER TABLE notification_outbox DROP COLUMN next_attempt_at;
