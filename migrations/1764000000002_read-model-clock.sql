-- Up Migration

-- What the deadline counts: office time (working-day SLA) or elapsed time (ISO durations, and
-- the applicant's calendar-day deadlines); inboxes show the time left in the right measure.
ALTER TABLE applications ADD COLUMN deadline_clock text
  CHECK (deadline_clock IN ('workingTime', 'elapsed'));

-- Down Migration
ALTER TABLE applications DROP COLUMN deadline_clock;
