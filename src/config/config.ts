import path from 'node:path';
import { z } from 'zod';

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

const envSchema = z.object({
  DATABASE_URL: optionalUrl('a PostgreSQL connection URL such as postgres://user:pass@host:5432/db').refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    { message: 'expected a URL starting with postgres:// or postgresql://' },
  ),
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
  TELEGRAM_API_ROOT: optionalUrl('an http(s) URL of a Bot API server, e.g. https://api.telegram.org'),
  PUBLIC_URL: optionalUrl('the public https URL of this service, used for the Telegram webhook'),
  ADMIN_TOKEN: z.string().min(24, 'expected a secret of at least 24 characters').optional(),
  PERMIT_CATALOG: z.string().trim().min(1).optional(),
  HOLIDAY_CALENDAR: z.string().trim().min(1).optional(),
  DATA_DIR: z.string().trim().min(1).default('var'),
  LOG_LEVEL: z.enum(logLevels, { message: `expected one of ${logLevels.join(', ')}` }).default('info'),
});

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
      apiRoot: env.TELEGRAM_API_ROOT ?? 'https://api.telegram.org',
      publicUrl: env.PUBLIC_URL,
    },
    adminToken: env.ADMIN_TOKEN,
    permitCatalogPath: path.resolve(projectRoot, env.PERMIT_CATALOG ?? 'data/catalog/permit-types.yaml'),
    holidayCalendarPath: path.resolve(projectRoot, env.HOLIDAY_CALENDAR ?? 'data/holidays-id.yaml'),
    dataDir,
    logLevel: env.LOG_LEVEL,
  };
}

/** Reads and validates the environment; throws a ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
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
