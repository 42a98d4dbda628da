-- Up Migration

-- One row per notification and recipient chat that was sent (or found blocked): a retried
-- delivery activity skips them, so nobody gets the same notice twice.
CREATE TABLE notification_deliveries (
  event_key text NOT NULL REFERENCES notification_outbox (event_key),
  chat_id bigint NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('sent', 'blocked')),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_key, chat_id)
);

-- Chats that blocked the bot: recorded, and not retried forever.
CREATE TABLE blocked_chats (
  chat_id bigint PRIMARY KEY,
  blocked_at timestamptz NOT NULL DEFAULT now()
);

-- Department group chats that also receive manager escalations.
CREATE TABLE department_chats (
  department text PRIMARY KEY,
  chat_id bigint NOT NULL
);

-- Down Migration
DROP TABLE department_chats;
DROP TABLE blocked_chats;
DROP TABLE notification_deliveries;
