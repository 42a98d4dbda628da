-- Up Migration

-- Complaints (pengaduan). The text lives here alone: the complaint's workflow carries its
-- ticket, category and department, never the text. An anonymous complaint has no file and no
-- identity: no registration number, no chat, no address. A complaint about a file reaches its
-- applicant through the file's Telegram account.
CREATE TABLE complaint_counters (
  year integer PRIMARY KEY,
  last_value integer NOT NULL
);

CREATE TABLE complaints (
  ticket text PRIMARY KEY CHECK (ticket ~ '^ADU-[0-9]{4}-[0-9]{6}$'),
  ticket_code_hash text NOT NULL,
  category text NOT NULL CHECK (category IN ('delay', 'pungli', 'conduct', 'decision', 'other')),
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  registration_number text REFERENCES applications (registration_number),
  -- Whose managers answer: the file's permit type's department, or the configured default.
  department text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('telegram', 'api')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'reopened', 'closed')),
  filed_at timestamptz NOT NULL DEFAULT now(),
  -- The answer deadline of the current round (set by the workflow from the office calendar).
  deadline timestamptz,
  escalated_at timestamptz,
  first_answered_at timestamptz,
  -- The first answer came before the first deadline (public statistics).
  answered_on_time boolean,
  last_answered_at timestamptz,
  reopens smallint NOT NULL DEFAULT 0 CHECK (reopens BETWEEN 0 AND 1),
  reopened_at timestamptz,
  reopen_reason text CHECK (char_length(reopen_reason) BETWEEN 1 AND 2000),
  closed_at timestamptz
);
CREATE INDEX complaints_department_status_idx ON complaints (department, status);
CREATE INDEX complaints_file_idx ON complaints (registration_number) WHERE registration_number IS NOT NULL;

-- The office's answers, one per round (round 1, and round 2 after a reopen).
CREATE TABLE complaint_answers (
  ticket text NOT NULL REFERENCES complaints (ticket),
  round smallint NOT NULL CHECK (round BETWEEN 1 AND 2),
  officer_id uuid NOT NULL REFERENCES officers (id),
  note text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 2000),
  answered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket, round)
);

-- Down Migration
DROP TABLE complaint_answers;
DROP TABLE complaints;
DROP TABLE complaint_counters;
