import { expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

test('the API settings have safe defaults: CORS off, no proxy trusted, limits on', () => {
  expect(loadConfig({}).api).toEqual({
    paymentWebhookSecret: undefined,
    corsOrigins: [],
    trustProxyHops: 0,
    rateLimits: { publicPerMinute: 120, authFailuresPer15Minutes: 20, officerPerMinute: 300 },
  });
});

test('the API settings are read from the environment', () => {
  const config = loadConfig({
    PAYMENT_WEBHOOK_SECRET: 's'.repeat(40),
    CORS_ORIGINS: 'https://izin.serangkab.go.id, http://localhost:5173',
    TRUST_PROXY: '1',
    API_RATE_LIMIT_PER_MINUTE: '300',
    API_AUTH_FAILURES_PER_15_MINUTES: '10',
    API_OFFICER_RATE_LIMIT_PER_MINUTE: '600',
  });
  expect(config.api).toEqual({
    paymentWebhookSecret: 's'.repeat(40),
    corsOrigins: ['https://izin.serangkab.go.id', 'http://localhost:5173'],
    trustProxyHops: 1,
    rateLimits: { publicPerMinute: 300, authFailuresPer15Minutes: 10, officerPerMinute: 600 },
  });
});

test.each([
  [
    'PAYMENT_WEBHOOK_SECRET',
    'short',
    /PAYMENT_WEBHOOK_SECRET: expected the shared secret .* at least 32 characters$/m,
  ],
  [
    'CORS_ORIGINS',
    'https://izin.serangkab.go.id/form',
    /CORS_ORIGINS: expected a comma-separated list of origins/,
  ],
  ['CORS_ORIGINS', '*', /CORS_ORIGINS: expected a comma-separated list of origins/],
  ['TRUST_PROXY', 'yes', /TRUST_PROXY: expected the number of reverse proxies/],
  ['API_RATE_LIMIT_PER_MINUTE', '0', /API_RATE_LIMIT_PER_MINUTE: expected a whole number .* at least 1/],
])('a wrong %s stops the start with a message naming it', (name, value, message) => {
  expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
  expect(() => loadConfig({ [name]: value })).toThrow(message);
});

test('the payment secret is never echoed', () => {
  expect(() => loadConfig({ PAYMENT_WEBHOOK_SECRET: 'leaky' })).toThrow(
    expect.objectContaining({ message: expect.not.stringContaining('leaky') }),
  );
});
