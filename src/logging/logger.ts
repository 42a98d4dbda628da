import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Personal data and secrets are redacted by key wherever they appear (up
 * to four levels deep), as a safety net: code should already log masked values (maskNik) and
 * never a token, an access code or a form. Whole forms go: any of their fields may hold a NIK
 * or an address, whatever the catalog calls it.
 */
const redactedKeys = [
  'nik',
  'NIK',
  'applicantNik',
  'formData',
  'form_data',
  'changedFields',
  'accessCode',
  'apiKey',
  'token',
  'uploadToken',
  'password',
  'authorization',
  'Authorization',
  'x-access-code',
  'databaseUrl',
  'migrationDatabaseUrl',
  'connectionString',
];

const DEPTH = ['', '*.', '*.*.', '*.*.*.'];

export function createLogger(
  level: string,
  bindings: Record<string, unknown> = {},
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base: { service: 'perizinan-online', ...bindings },
    redact: {
      paths: DEPTH.flatMap((prefix) => redactedKeys.map((key) => `${prefix}${key}`)),
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
