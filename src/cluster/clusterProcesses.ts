import path from 'node:path';
import type { ClusterLayout } from './clusterLayout.js';
import type { ClusterRole, ProcessSpec } from './managedProcess.js';
import { DB_PASSWORD_ENV, type TemporalService } from './temporalServerConfig.js';

/** The file name the server looks for under its config folder: `<env>.yaml`. */
export const SERVER_CONFIG_ENV = 'cluster';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** One Temporal service from the cluster's shared configuration. */
export function temporalServiceSpec(options: {
  binary: string;
  service: TemporalService;
  layout: ClusterLayout;
  dbPassword: string;
}): ProcessSpec {
  const name = `temporal-${options.service}`;
  return {
    name,
    role: name as ClusterRole,
    command: options.binary,
    args: [
      '--root',
      options.layout.temporalConfigDir,
      '--config',
      '.',
      '--env',
      SERVER_CONFIG_ENV,
      // No authorizer: the services listen on loopback only (see docs/cluster.md for TLS and
      // authorization when they spread over machines).
      '--allow-no-auth',
      'start',
      '--service',
      options.service,
    ],
    env: { ...process.env, [DB_PASSWORD_ENV]: options.dbPassword },
    logFile: path.join(options.layout.logsDir, `${name}.log`),
    // History hands its shards over on a graceful stop; give it time before SIGKILL.
    stopGraceMs: 20_000,
  };
}

export interface AppRoleEnvironment {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  layout: ClusterLayout;
  /** Extra variables for every app role (catalog, secrets, Telegram settings). */
  extra: Record<string, string>;
}

// Settings that name other servers than this cluster's; the roles get the cluster's instead.
const REPLACED = ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_API_KEY', 'TEMPORAL_TLS', 'PORT', 'DATA_DIR'];

function appEnv(base: AppRoleEnvironment, own: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REPLACED) delete env[name];
  return {
    ...env,
    DATABASE_URL: base.databaseUrl,
    TEMPORAL_ADDRESS: base.temporalAddress,
    TEMPORAL_NAMESPACE: base.namespace,
    TEMPORAL_TASK_QUEUE: base.taskQueue,
    DATA_DIR: base.layout.appDataDir,
    ...base.extra,
    ...own,
  };
}

const ENTRY_POINTS = {
  'permit-worker': 'worker.ts',
  api: 'api.ts',
  bot: 'bot.ts',
} as const;

const NODE_FLAGS: Record<keyof typeof ENTRY_POINTS, string[]> = {
  'permit-worker': ['--max-semi-space-size=4'],
  api: ['--v8-pool-size=1'],
  bot: [],
};

/** An app role as `npm run start:<role>` runs it, pointed at the cluster. */
export function appRoleSpec(
  role: keyof typeof ENTRY_POINTS,
  name: string,
  base: AppRoleEnvironment,
  own: Record<string, string> = {},
): ProcessSpec {
  // The flags match the npm scripts: one V8 helper thread is enough for a request handler; a
  // worker's young generation capped at 4 MB per semi-space keeps its RSS peaks ~70 MB lower
  // (docs/benchmarks.md, "Open files with live SLA timers").
  const flags = NODE_FLAGS[role];
  return {
    name,
    role,
    command: process.execPath,
    args: [...flags, '--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'entrypoints', ENTRY_POINTS[role])],
    env: appEnv(base, own),
    // tsx and the app's relative defaults (catalog, calendar) resolve from the project folder.
    cwd: PROJECT_ROOT,
    logFile: path.join(base.layout.logsDir, `${name}.log`),
    // As docker-compose: HTTP requests finish, the worker drains, the client's calls settle.
    stopGraceMs: 30_000,
  };
}
