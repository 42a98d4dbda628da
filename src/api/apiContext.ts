import type { Client } from '@temporalio/client';
import type { Logger } from '../logging/logger.js';
import type { Services } from '../services/index.js';
import type { ApiMetrics } from './metrics/apiMetrics.js';

/** What the HTTP adapter is configured with; every field has a safe default (see apiSettings). */
export interface ApiSettings {
  /** Bearer token of the administrator; unset: the admin endpoints answer "not configured". */
  adminToken: string | undefined;
  /** Shared secret of the payment gateway's HMAC signatures; unset: callbacks answer 503. */
  paymentWebhookSecret: string | undefined;
  /** Origins allowed by CORS; empty: no CORS headers at all. */
  corsOrigins: string[];
  /** Reverse proxies in front of the API, so rate limits see the client address, not the proxy's. */
  trustProxyHops: number;
  rateLimits: { publicPerMinute: number; authFailuresPer15Minutes: number; officerPerMinute: number };
  /**
   * Bound on the Temporal calls of one request (start, update, signal). Without it a request
   * would wait out the SDK's retries (~40 s) while Temporal is down; with it the caller gets a
   * 503 and retries with the same Idempotency-Key. Updates that outlive it are still applied.
   */
  temporalDeadlineMs: number;
  /** Node.js process metrics (CPU, memory, event loop) on /metrics. */
  processMetrics: boolean;
  version: string;
  /** The Telegram bot's username (without @), linked from the public home page; unset: no link. */
  botUsername: string | undefined;
}

export const defaultApiSettings: ApiSettings = {
  adminToken: undefined,
  paymentWebhookSecret: undefined,
  corsOrigins: [],
  trustProxyHops: 0,
  rateLimits: { publicPerMinute: 120, authFailuresPer15Minutes: 20, officerPerMinute: 300 },
  temporalDeadlineMs: 10_000,
  processMetrics: false,
  version: '0.1.0',
  botUsername: undefined,
};

/** Lifecycle flags the roles set: a draining instance answers /readyz with 503. */
export interface ApiLifecycle {
  draining: boolean;
}

export interface ApiContext {
  temporal: Client;
  services: Services;
  settings: ApiSettings;
  metrics: ApiMetrics;
  logger: Logger;
  lifecycle: ApiLifecycle;
}
