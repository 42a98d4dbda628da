-- Up Migration

-- A notice's claim by one deliverer (a worker process's outbox dispatcher), written before it
-- sends and renewed while it does. Unlike the session advisory lock it replaces, the claim
-- outlives a database restart: a deliverer whose send Telegram accepted but which could not
-- record it writes the record once the database is back, and no other deliverer touches the
-- notice before claimed_until (if the owner died meanwhile, the notice is then sent again).
ALTER TABLE notification_outbox
  ADD COLUMN claimed_by text,
  ADD COLUMN claimed_until timestamptz,
  ADD CONSTRAINT notification_outbox_claim_whole CHECK ((claimed_by IS NULL) = (claimed_until IS NULL));

-- Down Migration
ALTER TABLE notification_outbox
  DROP CONSTRAINT notification_outbox_claim_whole,
  DROP COLUMN claimed_until,
  DROP COLUMN claimed_by;
