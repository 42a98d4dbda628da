import type { Pool } from '../db/pool.js';
import { createStackProbeActivities } from './stackProbe.js';

export interface ActivityDependencies {
  pool: Pool;
}

/** All activities the worker registers, bound to their dependencies. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createStackProbeActivities(deps.pool),
  };
}
