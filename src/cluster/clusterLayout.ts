import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePortBetween } from '../devstack/freePort.js';
import { type ServicePorts, TEMPORAL_SERVICES, type TemporalService } from './temporalServerConfig.js';

/** Where a local cluster keeps its state, all under one (git-ignored) folder. */
export interface ClusterLayout {
  root: string;
  /** The embedded PostgreSQL, when no DATABASE_URL is given. */
  postgresDir: string;
  /** The generated server configuration (`cluster.yaml`) and dynamic config. */
  temporalConfigDir: string;
  /** One file per process, named after it. */
  logsDir: string;
  /** DATA_DIR of the app roles: the uploaded documents all workers and APIs share. */
  appDataDir: string;
}

export async function prepareClusterLayout(root: string): Promise<ClusterLayout> {
  const layout = {
    root,
    postgresDir: path.join(root, 'postgres'),
    temporalConfigDir: path.join(root, 'temporal'),
    logsDir: path.join(root, 'logs'),
    appDataDir: path.join(root, 'app'),
  };
  for (const dir of [layout.temporalConfigDir, layout.logsDir, layout.appDataDir]) {
    await mkdir(dir, { recursive: true });
  }
  return layout;
}

export type TemporalPorts = Record<TemporalService, ServicePorts>;

/**
 * The Temporal services' ports: free ones on the first start, then the same ones on every later
 * start. A service that comes back on its old address takes over its membership entry at once;
 * on a new one, the others would route to the dead entry until it expired.
 */
export async function temporalPortsFor(layout: ClusterLayout): Promise<TemporalPorts> {
  const file = path.join(layout.temporalConfigDir, 'ports.json');
  const saved = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as TemporalPorts,
    () => undefined,
  );
  if (saved && TEMPORAL_SERVICES.every((s) => saved[s]?.grpc && saved[s]?.membership)) return saved;
  const taken = new Set<number>();
  const next = async () => {
    // Temporal stores membership ports as a PostgreSQL smallint: at most 32767, below the
    // kernel's ephemeral range, so the kernel's choice of a free port does not fit.
    const port = await freePortBetween(20_000, 32_767, taken);
    taken.add(port);
    return port;
  };
  const ports = {} as TemporalPorts;
  for (const service of TEMPORAL_SERVICES) ports[service] = { grpc: await next(), membership: await next() };
  await writeFile(file, `${JSON.stringify(ports, null, 2)}\n`);
  return ports;
}
