-- Up Migration

-- The bot's per-user session: chosen language and the record of consent to the privacy notice
-- (UU 27/2022). The notification channel reads the language to write in the recipient's tongue.
CREATE TABLE bot_users (
  telegram_user_id bigint PRIMARY KEY,
  language text CHECK (language IN ('id', 'en')),
  privacy_consent_at timestamptz,
  privacy_notice_version text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Conversation state (grammY conversations replay log) per chat, so that a conversation survives
-- a restart of the bot and resumes where it was.
CREATE TABLE bot_conversations (
  storage_key text PRIMARY KEY,
  state jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Inline buttons carry only a short random token; what the button does lives here, bound to the
-- one Telegram user who may press it, until it expires. Forged or stale tokens find nothing.
CREATE TABLE bot_callback_tokens (
  token text PRIMARY KEY,
  telegram_user_id bigint NOT NULL,
  action jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX bot_callback_tokens_expiry_idx ON bot_callback_tokens (expires_at);

-- Updates already taken in, per bot: Telegram redelivers updates that were fetched but not yet
-- confirmed when the bot stopped; a restarted bot skips them instead of answering twice.
CREATE TABLE bot_seen_updates (
  bot_id bigint NOT NULL,
  update_id bigint NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (bot_id, update_id)
);
CREATE INDEX bot_seen_updates_age_idx ON bot_seen_updates (seen_at);

-- Down Migration
DROP TABLE bot_seen_updates;
DROP TABLE bot_callback_tokens;
DROP TABLE bot_conversations;
DROP TABLE bot_users;
