import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import { createComplaintActivities } from './complaint/complaintActivities.js';
import { createPermitActivities } from './permit/permitActivities.js';
import {
  createPermitDocumentActivities,
  type PermitDocumentSettings,
} from './permit/permitDocumentActivities.js';
import { createStackProbeActivities } from './stackProbe.js';

export interface ActivityDependencies {
  pool: Pool;
  calendar: WorkingCalendar;
  /** Wakes the outbox dispatcher after a transition queued notices (absent: it polls). */
  onNoticesQueued?: (() => void) | undefined;
  /** What issuing a permit document needs: catalog, letterhead, verification base URL. */
  permitDocuments: PermitDocumentSettings;
}

/** All activities the worker registers, bound to their dependencies. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createStackProbeActivities(deps.pool),
    ...createPermitActivities(deps),
    ...createComplaintActivities(deps),
    ...createPermitDocumentActivities(deps),
  };
}
