import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createApp } from '../../../src/api/createApp.js';
import { serve } from '../../support/httpServer.js';
import { ADMIN_TOKEN, type ApiTestStack, NO_LIMITS, startApiTestStack } from './apiStack.js';

export interface LoggedApi {
  api: ApiTestStack;
  url: string;
  /** Every log line the app wrote (debug and up), to show what never reaches a log. */
  logLines: string[];
  stop(): Promise<void>;
}

/** A test file's stack with an app whose every log line is kept. */
export async function startLoggedApi(name: string): Promise<LoggedApi> {
  const api = await startApiTestStack(name);
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const app = createApp({
    temporal: api.stack.client,
    services: api.services,
    settings: { adminToken: ADMIN_TOKEN, rateLimits: NO_LIMITS },
    logger: pino({ level: 'debug' }, sink),
  });
  const served = await serve(app);
  return {
    api,
    url: served.url,
    logLines,
    async stop() {
      await served.close();
      await api.stop();
    },
  };
}
