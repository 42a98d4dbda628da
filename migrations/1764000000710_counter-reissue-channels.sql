-- Up Migration

-- The officer who issued the file's current access code at the counter (null: the code the
-- applicant got at submission). What is done with that code is marked with this officer.
ALTER TABLE applications ADD COLUMN access_code_reissued_by uuid;

-- A notice for a channel that has no sender (yet), or no address to send to, is settled as
-- undeliverable with the reason, instead of being retried forever or silently dropped.
ALTER TABLE notification_outbox ADD COLUMN undeliverable_reason text;

-- Down Migration
ALTER TABLE notification_outbox DROP COLUMN undeliverable_reason;
ALTER TABLE applications DROP COLUMN access_code_reissued_by;
