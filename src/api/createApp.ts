import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import type { Pool } from '../db/pool.js';
import { healthRoutes } from './routes/health.js';

export interface ApiDependencies {
  pool: Pool;
  temporal: Client;
}

export function createApp(deps: ApiDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes(deps));
  return app;
}
