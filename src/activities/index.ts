import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import type { NotificationChannel } from '../notifications/notificationChannel.js';
import { createPermitActivities } from './permit/permitActivities.js';
import { createStackProbeActivities } from './stackProbe.js';

export interface ActivityDependencies {
  pool: Pool;
  calendar: WorkingCalendar;
  channel?: NotificationChannel | undefined;
}

/** All activities the worker registers, bound to their dependencies. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createStackProbeActivities(deps.pool),
    ...createPermitActivities(deps),
  };
}
