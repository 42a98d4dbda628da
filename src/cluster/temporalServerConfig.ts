import { stringify } from 'yaml';

/**
 * One Temporal server configuration for every service process of a cluster (frontend, history,
 * matching and the internal worker each run `temporal-server start --service <name>` with the same
 * file). The local launcher and docker-compose render it from the same function, so the two
 * shapes cannot drift apart; only hosts, ports and sizes differ.
 */

export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export interface ServicePorts {
  grpc: number;
  membership: number;
}

export interface TemporalDatabase {
  host: string;
  port: number;
  user: string;
  /** Main store (workflow histories, timers, task queues). */
  database: string;
  /** Visibility store (listing and searching workflows), a database of its own. */
  visibilityDatabase: string;
  /** Connections per service process to the main store; history needs most. */
  maxConns: number;
}

export interface TemporalClusterShape {
  database: TemporalDatabase;
  /**
   * Fixed for the life of the cluster: the unit history work is split into and spread over
   * history processes. It cannot be changed once the database holds data.
   */
  historyShards: number;
  ports: Record<TemporalService, ServicePorts>;
  /**
   * 'loopback': every service on 127.0.0.1 (one machine, distinct ports). 'host-address': each
   * service binds the address other machines reach it on (one container or machine per service).
   */
  bind: 'loopback' | 'host-address';
  /** host:port of the frontend, for the internal worker and the cluster's own record. */
  frontendAddress: string;
  dynamicConfigFile: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/** The environment variable the database password is read from when a service starts. */
export const DB_PASSWORD_ENV = 'TEMPORAL_DB_PASSWORD';

// The server renders a config file as a Go template when a comment names "enable-template"; the
// password is read from the environment then, so no file holds it. Quotes are doubled because
// the value sits in a single-quoted YAML string.
const TEMPLATE_MARKER = '# enable-template: the database password comes from the environment';
const PASSWORD_PLACEHOLDER = 'DB_PASSWORD_PLACEHOLDER';
const PASSWORD_TEMPLATE = `{{ env "${DB_PASSWORD_ENV}" | replace "'" "''" }}`;

function datastore(db: TemporalDatabase, database: string, maxConns: number) {
  return {
    sql: {
      pluginName: 'postgres12',
      databaseName: database,
      connectAddr: `${db.host}:${db.port}`,
      connectProtocol: 'tcp',
      user: db.user,
      password: PASSWORD_PLACEHOLDER,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  };
}

export function renderTemporalServerConfig(shape: TemporalClusterShape, header: string[] = []): string {
  const rpc = (service: TemporalService) => ({
    grpcPort: shape.ports[service].grpc,
    membershipPort: shape.ports[service].membership,
    ...(shape.bind === 'loopback' ? { bindOnLocalHost: true } : {}),
  });
  const config = {
    log: { stdout: true, level: shape.logLevel },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: shape.historyShards,
      datastores: {
        default: datastore(shape.database, shape.database.database, shape.database.maxConns),
        // Visibility takes few connections: one row per workflow state change.
        visibility: datastore(
          shape.database,
          shape.database.visibilityDatabase,
          Math.max(2, Math.ceil(shape.database.maxConns / 5)),
        ),
      },
    },
    global: {
      membership: {
        maxJoinDuration: '30s',
        ...(shape.bind === 'loopback' ? { broadcastAddress: '127.0.0.1' } : {}),
      },
    },
    services: Object.fromEntries(TEMPORAL_SERVICES.map((service) => [service, { rpc: rpc(service) }])),
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: shape.frontendAddress,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    publicClient: { hostPort: shape.frontendAddress },
    dynamicConfigClient: { filepath: shape.dynamicConfigFile, pollInterval: '10s' },
  };
  const body = stringify(config, { lineWidth: 0 }).replaceAll(PASSWORD_PLACEHOLDER, `'${PASSWORD_TEMPLATE}'`);
  return [TEMPLATE_MARKER, ...header.map((line) => `# ${line}`), body].join('\n');
}

export interface DynamicSettings {
  /** Partitions per task queue: more lets more matching processes and pollers share one queue. */
  taskQueuePartitions: number;
  /** Workflow executions whose state history keeps in memory, per history process. */
  historyCacheSize: number;
}

/** Settings the server re-reads while running (every 10 s), in its dynamic-config format. */
export function renderDynamicConfig(settings: DynamicSettings, header: string[] = []): string {
  const value = (v: number) => [{ value: v, constraints: {} }];
  const body = stringify(
    {
      'matching.numTaskqueueReadPartitions': value(settings.taskQueuePartitions),
      'matching.numTaskqueueWritePartitions': value(settings.taskQueuePartitions),
      'history.hostLevelCacheMaxSize': value(settings.historyCacheSize),
    },
    { lineWidth: 0 },
  );
  return [...header.map((line) => `# ${line}`), body].join('\n');
}
