-- Up Migration

-- Wrong access codes typed into the bot, per Telegram user, in a fixed window: past the limit
-- even the right code is refused until the window ends (as the API limits failed
-- authentications per address). Kept in the database so every bot process shares the count
-- and a restart does not reset it.
CREATE TABLE telegram_code_failures (
  telegram_user_id bigint PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  failures integer NOT NULL
);

-- Down Migration
DROP TABLE telegram_code_failures;
