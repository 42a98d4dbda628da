import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_OFFICE_PROFILE_PATH } from '../domain/catalog/loadOfficeProfile.js';

/**
 * The one place where the environment is read. Every variable has an embedded or safe default,
 * so `npm start` works on a fresh machine; a wrong value stops the start with a message that
 * names the variable and says what is expected.
 */

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalUrl = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => URL.canParse(v), { message: `expected ${what}` })
    .optional();

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'expected a TCP port number (1-65535)' })
    .int('expected a TCP port number (1-65535)')
    .min(1, 'expected a TCP port number (1-65535)')
    .max(65535, 'expected a TCP port number (1-65535)')
    .default(fallback);

const positiveCount = (what: string, fallback: number) =>
  z.coerce
    .number({ message: `expected a whole number of ${what}` })
    .int(`expected a whole number of ${what}`)
    .min(1, `expected a whole number of ${what}, at least 1`)
    .default(fallback);

/** An http(s) origin: scheme, host and optional port, nothing else. */
function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
}

const postgresUrl = () =>
  optionalUrl('a PostgreSQL connection URL such as postgres://user:pass@host:5432/db').refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    { message: 'expected a URL starting with postgres:// or postgresql://' },
  );

const envSchema = z.object({
  DATABASE_URL: postgresUrl(),
  // The owner of the tables runs the migrations; DATABASE_URL's user only gets what the app needs.
  MIGRATION_DATABASE_URL: postgresUrl(),
  TEMPORAL_ADDRESS: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'expected host:port of a Temporal frontend, e.g. localhost:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,255}$/, 'expected a Temporal namespace name (letters, digits, . _ -)')
    .default('default'),
  TEMPORAL_TASK_QUEUE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,200}$/, 'expected a task queue name (letters, digits, . _ -)')
    .default('permits'),
  TEMPORAL_API_KEY: z.string().trim().min(1).optional(),
  TEMPORAL_TLS: z
    .enum(['true', 'false'], { message: 'expected true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  TEMPORAL_UI_PORT: port(8233),
  PORT: port(3000),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'expected a bot token from @BotFather, like 123456:ABC-DEF...')
    .optional(),
  // Linked from the public home page ("apply through the bot"); unset, the page names no link.
  TELEGRAM_BOT_USERNAME: z
    .string()
    .trim()
    .transform((v) => v.replace(/^@/, ''))
    .pipe(
      z
        .string()
        .regex(
          /^[A-Za-z][A-Za-z0-9_]{3,30}[Bb][Oo][Tt]$/,
          "expected the bot's username, like PerizinanSerangBot",
        ),
    )
    .optional(),
  TELEGRAM_API_ROOT: optionalUrl('an http(s) URL of a Bot API server, e.g. https://api.telegram.org'),
  PUBLIC_URL: optionalUrl('the public https URL of this service, used for the Telegram webhook'),
  // Telegram echoes it in a header on every webhook call; unset, one is derived from the bot token.
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'expected 16-256 characters of letters, digits, _ or -')
    .optional(),
  ADMIN_TOKEN: z.string().min(24, 'expected a secret of at least 24 characters').optional(),
  PERMIT_CATALOG: z.string().trim().min(1).optional(),
  OFFICE_PROFILE: z.string().trim().min(1).optional(),
  // Where the QR code on a permit points: `<PUBLIC_BASE_URL>/verifikasi/<token>`.
  PUBLIC_BASE_URL: z
    .string()
    .trim()
    .refine(isOrigin, {
      message:
        'expected the http(s) origin the public reaches this service at, e.g. https://izin.serangkab.go.id (no path)',
    })
    .optional(),
  HOLIDAY_CALENDAR: z.string().trim().min(1).optional(),
  DATA_DIR: z.string().trim().min(1).default('var'),
  PAYMENT_WEBHOOK_SECRET: z
    .string()
    .min(32, 'expected the shared secret of the payment gateway, at least 32 characters')
    .optional(),
  CORS_ORIGINS: z
    .string()
    .trim()
    .refine((v) => v.split(',').every((origin) => isOrigin(origin.trim())), {
      message: 'expected a comma-separated list of origins such as https://izin.serangkab.go.id (no path)',
    })
    .optional(),
  TRUST_PROXY: z.coerce
    .number({ message: 'expected the number of reverse proxies in front of the API (0-10)' })
    .int('expected the number of reverse proxies in front of the API (0-10)')
    .min(0, 'expected the number of reverse proxies in front of the API (0-10)')
    .max(10, 'expected the number of reverse proxies in front of the API (0-10)')
    .default(0),
  API_RATE_LIMIT_PER_MINUTE: positiveCount('requests per minute per client address on public endpoints', 120),
  API_AUTH_FAILURES_PER_15_MINUTES: positiveCount(
    'failed authentications per 15 minutes per client address before refusing',
    20,
  ),
  // The cluster shape (`npm run start:cluster`): processes per app role and Temporal's history
  // shards, which are fixed once its database holds data.
  CLUSTER_PERMIT_WORKERS: positiveCount('permit worker processes', 2),
  CLUSTER_API_PROCESSES: positiveCount('API processes (on consecutive ports from PORT)', 2),
  TEMPORAL_HISTORY_SHARDS: positiveCount('history shards', 4),
  // Workflows a permit worker keeps in memory between their tasks (the SDK's sticky cache). The
  // SDK's default follows the heap limit (2,310 on this machine): ~0.25 MB of RSS each, a 1 GB
  // worker. 250 covers the files busy within seconds; see docs/benchmarks.md, "Open files".
  WORKER_MAX_CACHED_WORKFLOWS: positiveCount('workflows a permit worker keeps cached', 250),
  API_OFFICER_RATE_LIMIT_PER_MINUTE: positiveCount('requests per minute per officer key', 300),
  UPLOAD_MB_PER_ADDRESS_PER_HOUR: positiveCount(
    'MiB a client address may upload per hour without an officer key',
    100,
  ),
  // How long a built statistics report (/statistik, /api/v1/stats) is reused; 0: built per request.
  STATS_CACHE_SECONDS: z.coerce
    .number({ message: 'expected seconds to reuse the public statistics (0-300; 0: no cache)' })
    .int('expected seconds to reuse the public statistics (0-300; 0: no cache)')
    .min(0, 'expected seconds to reuse the public statistics (0-300; 0: no cache)')
    .max(300, 'expected seconds to reuse the public statistics (0-300; 0: no cache)')
    .default(15),
  LOG_LEVEL: z.enum(logLevels, { message: `expected one of ${logLevels.join(', ')}` }).default('info'),
});

// MIGRATION_DATABASE_URL alone would migrate one server while the app embeds another.
const checkedEnvSchema = envSchema.refine(
  (env) => env.MIGRATION_DATABASE_URL === undefined || env.DATABASE_URL !== undefined,
  {
    path: ['MIGRATION_DATABASE_URL'],
    message: 'set DATABASE_URL too (the user the app runs as), or unset both to use the embedded PostgreSQL',
  },
);

export type AppConfig = ReturnType<typeof toConfig>;

/** Thrown when the environment is invalid; the message is meant for the operator as it is. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

// Relative paths are taken from the working directory, as every command-line tool does.
const projectRoot = process.cwd();

function toConfig(env: z.infer<typeof envSchema>) {
  const dataDir = path.resolve(projectRoot, env.DATA_DIR);
  return {
    databaseUrl: env.DATABASE_URL,
    /** Who runs migrations (and owns the tables): DATABASE_URL's user unless set apart. */
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL,
    temporal: {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      apiKey: env.TEMPORAL_API_KEY,
      tls: env.TEMPORAL_TLS || env.TEMPORAL_API_KEY !== undefined,
      uiPort: env.TEMPORAL_UI_PORT,
    },
    port: env.PORT,
    telegram: {
      botToken: env.TELEGRAM_BOT_TOKEN,
      // grammY refuses a root with a trailing slash.
      apiRoot: (env.TELEGRAM_API_ROOT ?? 'https://api.telegram.org').replace(/\/+$/, ''),
      publicUrl: env.PUBLIC_URL,
      webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
      botUsername: env.TELEGRAM_BOT_USERNAME,
    },
    adminToken: env.ADMIN_TOKEN,
    permitCatalogPath: path.resolve(projectRoot, env.PERMIT_CATALOG ?? 'data/catalog/permit-types.yaml'),
    officeProfilePath: path.resolve(projectRoot, env.OFFICE_PROFILE ?? DEFAULT_OFFICE_PROFILE_PATH),
    /** Printed into every permit's QR code, so it must stay stable once permits are issued. */
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`,
    holidayCalendarPath: path.resolve(projectRoot, env.HOLIDAY_CALENDAR ?? 'data/holidays-id.yaml'),
    dataDir,
    uploadBytesPerAddressPerHour: env.UPLOAD_MB_PER_ADDRESS_PER_HOUR * 1_048_576,
    statsCacheTtlMs: env.STATS_CACHE_SECONDS * 1000,
    logLevel: env.LOG_LEVEL,
    cluster: {
      permitWorkers: env.CLUSTER_PERMIT_WORKERS,
      apiProcesses: env.CLUSTER_API_PROCESSES,
      historyShards: env.TEMPORAL_HISTORY_SHARDS,
    },
    worker: { maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS },
    api: {
      paymentWebhookSecret: env.PAYMENT_WEBHOOK_SECRET,
      /** Empty: CORS stays off (no Access-Control-* headers), as for a same-origin web form. */
      corsOrigins: env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : [],
      trustProxyHops: env.TRUST_PROXY,
      rateLimits: {
        publicPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
        authFailuresPer15Minutes: env.API_AUTH_FAILURES_PER_15_MINUTES,
        officerPerMinute: env.API_OFFICER_RATE_LIMIT_PER_MINUTE,
      },
    },
  };
}

/** Reads and validates the environment; throws a ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = checkedEnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '(environment)');
      const value = present[name];
      const shown = value === undefined || isSecret(name) ? '' : ` (got "${value}")`;
      return `  ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return toConfig(parsed.data);
}

function isSecret(name: string): boolean {
  return /TOKEN|KEY|SECRET|DATABASE_URL/.test(name);
}
