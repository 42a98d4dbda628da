// The service layer's public surface: what the adapters (src/api, src/bot) and the runtime may
// use. Everything else under src/services, and the repositories below it, stays internal.

export type { ApplicationSummary } from '../repositories/applicationListRepository.js';
export type { ApplicationStatus, HistoryItem } from '../repositories/applicationRepository.js';
export type { DailyAuditHead } from '../repositories/auditChainRepository.js';
export type { StoredUpload } from '../repositories/documentRepository.js';
export type { OpenedBy } from '../repositories/officerFileReadRepository.js';
export type { AdminAuditEntry, Officer, OfficerInput } from '../repositories/officerRepository.js';
export type { ReissuedAccessCode, ReissueRequest } from './accessCodeReissue.js';
export type { Caller } from './callerAccess.js';
export type {
  Complainant,
  ComplaintFiling,
  ComplaintListItem,
  ComplaintMonthFigures,
  ComplaintView,
} from './complaintService.js';
export type { ReceiptedUpload, UploadOrigin } from './documentStore.js';
export type { FileStatusView, InboxItem, SlaOverview } from './fileQueryService.js';
export type { DocumentCheck, FieldCheck } from './intakeChecks.js';
export type { SubmissionRequest } from './intakeService.js';
export type { PaymentReceipt, SkrdDownload } from './levyService.js';
export { apiKeyPrefix } from './officerApiKeys.js';
export type { AdminActor } from './officerService.js';
export type { PaymentOutcome } from './paymentService.js';
export { type PermitPdf, permitDocumentReader } from './permitDocumentService.js';
export type { PermitVerification } from './permitVerificationService.js';
export type { PublicStatistics } from './publicStatisticsService.js';
export type { MonthStats, PermitTypeStats, PublicStatsReport } from './publicStats.js';
export type { ResubmissionChanges } from './resubmission.js';
export { ServiceError, type ServiceErrorCode } from './serviceError.js';
export { createServices, type ServiceDependencies, type Services } from './services.js';
export type { SubmittedApplication } from './submitApplication.js';
export type { SurveyComment, SurveyFigures, SurveyStandingName, SurveySubmission } from './surveyService.js';
export type { UploadReference } from './uploadReferences.js';
