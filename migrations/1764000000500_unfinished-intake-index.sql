-- Up Migration

-- Files whose intake is unfinished: stored, but the submission not recorded (which the intake
-- does only after the workflow started). The worker's intake reconciler looks them up by age.
CREATE INDEX applications_unfinished_intake ON applications (submitted_at) WHERE last_sequence = 0;

-- Down Migration
DROP INDEX applications_unfinished_intake;
