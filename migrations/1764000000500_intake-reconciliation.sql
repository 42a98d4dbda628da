-- Up Migration

-- How far the worker's intake reconciler has checked that stored applications have a recorded
-- submission and a workflow (src/worker/intakeReconciler.ts): files are checked once, in order
-- of (submitted_at, registration_number), a little while after their submission. It starts at
-- the migration: earlier files are not checked.
CREATE TABLE intake_reconciliation (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  checked_until timestamptz NOT NULL,
  checked_through text NOT NULL
);
INSERT INTO intake_reconciliation (checked_until, checked_through) VALUES (now(), '');

CREATE INDEX applications_submission_order ON applications (submitted_at, registration_number);

-- Down Migration
DROP INDEX applications_submission_order;
DROP TABLE intake_reconciliation;
