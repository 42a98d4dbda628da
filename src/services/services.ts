import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { loadOfficeProfile } from '../domain/catalog/loadOfficeProfile.js';
import type { OfficeProfile } from '../domain/catalog/officeProfileSchema.js';
import { AccessCodeVerifier } from './accessCodeVerifier.js';
import { createAuditTrailService } from './auditTrailService.js';
import { CallerAccess } from './callerAccess.js';
import { createCatalogService } from './catalogService.js';
import { createComplaintService } from './complaintService.js';
import { createDocumentService } from './documentService.js';
import { DocumentStore } from './documentStore.js';
import { createFileActionService } from './fileActionService.js';
import { createFileQueryService } from './fileQueryService.js';
import { createIntakeService } from './intakeService.js';
import { createLevyService } from './levyService.js';
import { createOfficerService } from './officerService.js';
import { createOperationsService } from './operationsService.js';
import { createPaymentService } from './paymentService.js';
import { createPermitDocumentService } from './permitDocumentService.js';
import { createPermitVerificationService } from './permitVerificationService.js';
import { createPublicStatisticsService } from './publicStatisticsService.js';
import { createSurveyService } from './surveyService.js';
import { createTelegramIdentityService } from './telegramIdentityService.js';

export interface ServiceDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
  calendar: WorkingCalendar;
  taskQueue: string;
  /** DATA_DIR: uploaded documents are kept under DATA_DIR/documents. */
  dataDir: string;
  /** Bytes a client address may upload per hour (callers without an officer key); 0: no cap. */
  uploadBytesPerAddressPerHour?: number;
  /** How long a built public statistics report is reused; absent or 0: built on every call. */
  statsCacheTtlMs?: number;
  /** The issuing office (letterhead, public pages); the shipped data/catalog/office.yaml when absent. */
  office?: OfficeProfile;
}

/**
 * Builds the service layer both adapters (HTTP API and Telegram bot) call, one service per
 * capability. They share one access-code cache (so a reissue makes this process forget the old
 * code's proofs at once) and one document store.
 */
export function createServices(deps: ServiceDependencies) {
  const accessCodes = new AccessCodeVerifier(deps.pool);
  const access = new CallerAccess(deps.pool, deps.catalog, accessCodes);
  const documents = new DocumentStore(deps.pool, path.join(deps.dataDir, 'documents'));
  const office = deps.office ?? loadOfficeProfile();
  const fileQueries = createFileQueryService({ ...deps, access });
  const auditTrail = createAuditTrailService(deps);
  const survey = createSurveyService({ ...deps, access });
  const complaints = createComplaintService({ ...deps, access });
  return {
    catalog: createCatalogService(deps.catalog),
    intake: createIntakeService(deps),
    fileActions: createFileActionService({ ...deps, access }),
    fileQueries,
    officers: createOfficerService({ ...deps, access, accessCodes }),
    telegramIdentity: createTelegramIdentityService(deps),
    documents: createDocumentService({ ...deps, access, store: documents }),
    payments: createPaymentService(deps),
    levy: createLevyService({ ...deps, access, office }),
    operations: createOperationsService(deps),
    auditTrail,
    survey,
    complaints,
    statistics: createPublicStatisticsService({
      fileQueries,
      auditTrail,
      survey,
      complaints,
      ...(deps.statsCacheTtlMs === undefined ? {} : { ttlMs: deps.statsCacheTtlMs }),
    }),
    permitDocuments: createPermitDocumentService({ ...deps, access }),
    permitVerification: createPermitVerificationService({ ...deps, office }),
  };
}

export type Services = ReturnType<typeof createServices>;
