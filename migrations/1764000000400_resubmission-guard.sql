-- Up Migration

-- The audit sequence of the resubmission whose corrections the row's form and documents hold:
-- a late retry of an earlier round's resubmission must not overwrite a later round's.
ALTER TABLE applications ADD COLUMN form_sequence integer NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE applications DROP COLUMN form_sequence;
