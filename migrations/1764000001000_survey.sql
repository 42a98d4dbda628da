-- Up Migration

-- The community satisfaction survey (SKM, Permenpan RB 14/2017). A file's answer is split in
-- two on purpose: survey_participations says that a file answered (once: its primary key), and
-- survey_responses holds the scores and the comment with no registration number, so nothing
-- stored ties an answer to the person who gave it. Both rows are written by one statement.
CREATE TABLE survey_participations (
  registration_number text PRIMARY KEY REFERENCES applications (registration_number)
);

CREATE TABLE survey_responses (
  id bigserial PRIMARY KEY,
  permit_type text NOT NULL,
  -- The permit type's department: its managers read the comments.
  department text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('telegram', 'api')),
  answered_at timestamptz NOT NULL DEFAULT now(),
  -- One column per element, 1-4; NULL when skipped (the bot allows skipping, the API does not).
  u1 smallint CHECK (u1 BETWEEN 1 AND 4),
  u2 smallint CHECK (u2 BETWEEN 1 AND 4),
  u3 smallint CHECK (u3 BETWEEN 1 AND 4),
  u4 smallint CHECK (u4 BETWEEN 1 AND 4),
  u5 smallint CHECK (u5 BETWEEN 1 AND 4),
  u6 smallint CHECK (u6 BETWEEN 1 AND 4),
  u7 smallint CHECK (u7 BETWEEN 1 AND 4),
  u8 smallint CHECK (u8 BETWEEN 1 AND 4),
  u9 smallint CHECK (u9 BETWEEN 1 AND 4),
  comment text CHECK (char_length(comment) BETWEEN 1 AND 2000),
  CHECK (num_nonnulls(u1, u2, u3, u4, u5, u6, u7, u8, u9) > 0)
);
CREATE INDEX survey_responses_type_time_idx ON survey_responses (permit_type, answered_at);
CREATE INDEX survey_responses_comments_idx ON survey_responses (department, answered_at)
  WHERE comment IS NOT NULL;

-- Down Migration
DROP TABLE survey_responses;
DROP TABLE survey_participations;
