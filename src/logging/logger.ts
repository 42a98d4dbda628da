import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Personal data and secrets are redacted by key wherever they appear, as a
 * safety net: code should already log masked values (maskNik) and never a token or access code.
 */
const redactedKeys = [
  'nik',
  'NIK',
  'accessCode',
  'apiKey',
  'token',
  'password',
  'authorization',
  'Authorization',
  'x-access-code',
  'databaseUrl',
  'migrationDatabaseUrl',
  'connectionString',
];

export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: 'perizinan-online', ...bindings },
    redact: {
      paths: [...redactedKeys, ...redactedKeys.map((k) => `*.${k}`), ...redactedKeys.map((k) => `*.*.${k}`)],
      censor: '[redacted]',
    },
  });
}
