-- Up Migration

-- Whether a successful answer has shown the file's access code. A submission whose first
-- attempt failed (say, Temporal was down) never showed it: the retry that completes the intake
-- then issues a fresh code and shows that, once (src/services/submitApplication.ts).
ALTER TABLE applications ADD COLUMN access_code_shown boolean NOT NULL DEFAULT true;

-- Down Migration
ALTER TABLE applications DROP COLUMN access_code_shown;
