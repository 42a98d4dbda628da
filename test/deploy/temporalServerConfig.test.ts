import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { COMPOSE_TEMPORAL_SHAPE } from '../../src/cluster/composeTemporalConfig.js';
import {
  DB_PASSWORD_ENV,
  renderTemporalServerConfig,
  TEMPORAL_SERVICES,
  type TemporalClusterShape,
} from '../../src/cluster/temporalServerConfig.js';

const localShape: TemporalClusterShape = {
  ...COMPOSE_TEMPORAL_SHAPE,
  database: { ...COMPOSE_TEMPORAL_SHAPE.database, host: '127.0.0.1', port: 45000, user: 'postgres' },
  historyShards: 4,
  ports: Object.fromEntries(
    TEMPORAL_SERVICES.map((service, i) => [service, { grpc: 21001 + 2 * i, membership: 21002 + 2 * i }]),
  ) as TemporalClusterShape['ports'],
  bind: 'loopback',
  frontendAddress: '127.0.0.1:21001',
  dynamicConfigFile: '/tmp/cluster/temporal/dynamicconfig.yaml',
  logLevel: 'warn',
};

/** What the server does before parsing: the template's env call, with sprig's replace. */
function rendered(text: string, password: string) {
  const line = text.split('\n').find((l) => l.includes('enable-template'));
  expect(line, 'the file must ask the server to render it').toBeDefined();
  return parse(
    text.replaceAll(`{{ env "${DB_PASSWORD_ENV}" | replace "'" "''" }}`, password.replaceAll("'", "''")),
  );
}

function keyPaths(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keyPaths(value, `${prefix}/${key}`));
}

describe('the Temporal server configuration', () => {
  test('holds no password: every service reads it from the environment, quotes and all', () => {
    const text = renderTemporalServerConfig(localShape);
    const password = `it's "odd" {}: #1`;
    const config = rendered(text, password);
    expect(config.persistence.datastores.default.sql.password).toBe(password);
    expect(config.persistence.datastores.visibility.sql.password).toBe(password);
  });

  test('describes the four services, each on its own ports, and two databases on one server', () => {
    const config = rendered(renderTemporalServerConfig(localShape), 'pw');
    expect(Object.keys(config.services)).toEqual([...TEMPORAL_SERVICES]);
    const ports = TEMPORAL_SERVICES.flatMap((s) => [
      config.services[s].rpc.grpcPort,
      config.services[s].rpc.membershipPort,
    ]);
    expect(new Set(ports).size).toBe(8);
    const { default: main, visibility } = config.persistence.datastores;
    expect([main.sql.databaseName, visibility.sql.databaseName]).toEqual(['temporal', 'temporal_visibility']);
    expect(main.sql.connectAddr).toBe(visibility.sql.connectAddr);
    expect(config.persistence.numHistoryShards).toBe(4);
    expect(config.publicClient.hostPort).toBe('127.0.0.1:21001');
  });

  test('the local and the docker-compose shapes differ only in addresses, sizes and binding', () => {
    const local = rendered(renderTemporalServerConfig(localShape), 'pw');
    const compose = rendered(renderTemporalServerConfig(COMPOSE_TEMPORAL_SHAPE), 'pw');
    const bindingKeys = (path: string) => /bindOnLocalHost|broadcastAddress/.test(path);
    expect(keyPaths(compose)).toEqual(keyPaths(local).filter((path) => !bindingKeys(path)));
    expect(TEMPORAL_SERVICES.every((s) => local.services[s].rpc.bindOnLocalHost === true)).toBe(true);
    expect(local.global.membership.broadcastAddress).toBe('127.0.0.1');
  });
});
