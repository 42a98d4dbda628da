import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig', () => {
  test('an empty environment gives the embedded defaults', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.temporal.address).toBeUndefined();
    expect(config.temporal.namespace).toBe('default');
    expect(config.port).toBe(3000);
    expect(config.telegram.botToken).toBeUndefined();
    expect(config.telegram.apiRoot).toBe('https://api.telegram.org');
    expect(config.dataDir).toBe(path.resolve('var'));
    expect(config.permitCatalogPath).toBe(path.resolve('data/catalog/permit-types.yaml'));
    expect(config.officeProfilePath).toBe(path.resolve('data/catalog/office.yaml'));
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.logLevel).toBe('info');
    expect(config.statsCacheTtlMs).toBe(15_000);
    expect(config.worker.maxCachedWorkflows).toBe(250);
  });

  test('STATS_CACHE_SECONDS sets how long a statistics report is reused; 0 builds one per request', () => {
    expect(loadConfig({ STATS_CACHE_SECONDS: '60' }).statsCacheTtlMs).toBe(60_000);
    expect(loadConfig({ STATS_CACHE_SECONDS: '0' }).statsCacheTtlMs).toBe(0);
  });

  test("permits' verification links point at PUBLIC_BASE_URL, else at the local server's port", () => {
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://izin.serangkab.go.id' }).publicBaseUrl).toBe(
      'https://izin.serangkab.go.id',
    );
    expect(loadConfig({ OFFICE_PROFILE: '/etc/perizinan/office.yaml' }).officeProfilePath).toBe(
      '/etc/perizinan/office.yaml',
    );
  });

  test('every variable of the architecture notes is read', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/permits',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'serang',
      PORT: '8080',
      TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9000',
      TELEGRAM_BOT_USERNAME: '@PerizinanSerangBot',
      PUBLIC_URL: 'https://izin.serangkab.go.id',
      ADMIN_TOKEN: 'a'.repeat(32),
      PERMIT_CATALOG: '/etc/perizinan/catalog.yaml',
      DATA_DIR: '/srv/perizinan',
      LOG_LEVEL: 'debug',
      WORKER_MAX_CACHED_WORKFLOWS: '100',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/permits',
      temporal: { address: 'temporal:7233', namespace: 'serang' },
      port: 8080,
      telegram: {
        botToken: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        apiRoot: 'http://127.0.0.1:9000',
        publicUrl: 'https://izin.serangkab.go.id',
        botUsername: 'PerizinanSerangBot',
      },
      adminToken: 'a'.repeat(32),
      permitCatalogPath: '/etc/perizinan/catalog.yaml',
      dataDir: '/srv/perizinan',
      logLevel: 'debug',
      worker: { maxCachedWorkflows: 100 },
    });
  });

  test.each([
    ['PORT', 'eighty', /PORT: expected a TCP port number \(1-65535\) \(got "eighty"\)/],
    ['PORT', '70000', /PORT: expected a TCP port number/],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL: expected a URL starting with postgres:\/\//],
    ['TEMPORAL_ADDRESS', 'http://temporal', /TEMPORAL_ADDRESS: expected host:port/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent/],
    ['TELEGRAM_BOT_TOKEN', 'not-a-token', /TELEGRAM_BOT_TOKEN: expected a bot token/],
    ['PUBLIC_URL', 'izin serang', /PUBLIC_URL: expected the public https URL/],
    [
      'PUBLIC_BASE_URL',
      'https://izin.serangkab.go.id/verifikasi',
      /PUBLIC_BASE_URL: expected the http\(s\) origin/,
    ],
    ['PUBLIC_BASE_URL', 'izin.serangkab.go.id', /PUBLIC_BASE_URL: expected the http\(s\) origin/],
    ['TELEGRAM_BOT_USERNAME', 'https://t.me/x', /TELEGRAM_BOT_USERNAME: expected the bot's username/],
    ['ADMIN_TOKEN', 'short', /ADMIN_TOKEN: expected a secret of at least 24 characters/],
    ['STATS_CACHE_SECONDS', '-1', /STATS_CACHE_SECONDS: expected seconds to reuse the public statistics/],
    ['STATS_CACHE_SECONDS', '1.5', /STATS_CACHE_SECONDS: expected seconds to reuse the public statistics/],
    ['WORKER_MAX_CACHED_WORKFLOWS', '0', /WORKER_MAX_CACHED_WORKFLOWS: expected a whole number of workflows/],
  ])('a wrong %s stops the start with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  test('a wrong secret is named but its value is not echoed', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: 'leaky-value' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('leaky-value') }),
    );
  });

  test('migrations run as DATABASE_URL unless MIGRATION_DATABASE_URL names the tables’ owner', () => {
    const app = 'postgres://app:p@db:5432/permits';
    const owner = 'postgres://owner:p@db:5432/permits';
    expect(loadConfig({ DATABASE_URL: app }).migrationDatabaseUrl).toBe(app);
    expect(loadConfig({ DATABASE_URL: app, MIGRATION_DATABASE_URL: owner })).toMatchObject({
      databaseUrl: app,
      migrationDatabaseUrl: owner,
    });
    expect(loadConfig({}).migrationDatabaseUrl).toBeUndefined();
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: owner })).toThrow(
      /MIGRATION_DATABASE_URL: set DATABASE_URL too/,
    );
    expect(() => loadConfig({ DATABASE_URL: app, MIGRATION_DATABASE_URL: 'mysql://x@y/z' })).toThrow(
      /MIGRATION_DATABASE_URL: expected a URL starting with postgres:\/\//,
    );
  });

  test('all wrong variables are reported at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});
