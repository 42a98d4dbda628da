import type { Pool } from '../db/pool.js';
import { seesWholeNik } from '../domain/access/fileAccess.js';
import { formForOfficer, maskNikInText } from '../domain/access/personalDataMasking.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { seesComplaintsOfFile } from '../domain/complaints/complaintCategories.js';
import { isManager } from '../domain/officers/managerRole.js';
import {
  type ApplicationSummary,
  applicationsOfTelegramUser,
  filesAwaitingRoles,
  filesWithDeadlineIn,
  type ReviewQueueEntry,
} from '../repositories/applicationListRepository.js';
import { type ApplicationStatus, findApplicationStatus } from '../repositories/applicationRepository.js';
import { latestRevisionNote } from '../repositories/auditRepository.js';
import { type ComplaintListItem, complaintsAboutFile } from '../repositories/complaintRepository.js';
import { type LevyPayment, levyPaymentOf } from '../repositories/levyAssessmentRepository.js';
import { type OpenedBy, officerReadsOfFile } from '../repositories/officerFileReadRepository.js';
import type { Caller, CallerAccess } from './callerAccess.js';
import { type PublicStatsReport, publicStatsReport } from './publicStats.js';

// Reads the read model only: status pages, inboxes and statistics never scan Temporal.

export interface FileQueryServiceDependencies {
  pool: Pool;
  catalog: PermitCatalog;
  calendar: WorkingCalendar;
  access: CallerAccess;
}

/** A file's status as a caller sees it; its applicant also sees which officers opened it. */
export type FileStatusView = ApplicationStatus & {
  /** The levy: its SKRD's billing code and due date, and once paid the gateway's reference and time. */
  payment: LevyPayment | null;
  openedBy?: OpenedBy[];
  /** Complaints about the file (no text): for its department's managers only. */
  complaints?: ComplaintListItem[];
};

export interface InboxItem {
  registrationNumber: string;
  permitTypeCode: string;
  stageKey: string;
  role: string;
  department: string;
  deadline: string | null;
  deadlineUncovered: boolean;
  /** Office time (or elapsed time for duration SLAs) left before the deadline; negative once breached. */
  timeLeftMs: number | null;
  breached: boolean;
}

export interface SlaOverview {
  breached: InboxItem[];
  atRisk: InboxItem[];
}

/** Office time under which a file counts as at risk: half a working day. */
export const AT_RISK_MS = 4 * 60 * 60 * 1000;

function timeLeft(calendar: WorkingCalendar, entry: ReviewQueueEntry, now: Date): number | null {
  const { deadline } = entry;
  if (!deadline) return null;
  if (deadline <= now) return deadline.getTime() - now.getTime();
  return entry.deadlineClock === 'workingTime'
    ? calendar.remainingWorkingTime(now, deadline).ms
    : deadline.getTime() - now.getTime();
}

function toInboxItem(calendar: WorkingCalendar, entry: ReviewQueueEntry, now: Date): InboxItem {
  const left = timeLeft(calendar, entry, now);
  return {
    registrationNumber: entry.registrationNumber,
    permitTypeCode: entry.permitTypeCode,
    stageKey: entry.stageKey ?? '',
    role: entry.assignedRole ?? '',
    department: entry.assignedDepartment ?? '',
    deadline: entry.deadline?.toISOString() ?? null,
    deadlineUncovered: entry.deadlineUncovered,
    timeLeftMs: left,
    breached: left !== null && left <= 0,
  };
}

export function createFileQueryService(deps: FileQueryServiceDependencies) {
  const nikFieldsOf = (permitTypeCode: string) =>
    new Set(
      findPermitType(deps.catalog, permitTypeCode)
        ?.fields.filter((f) => f.type === 'nik')
        .map((f) => f.key) ?? [],
    );
  return {
    /**
     * The file as the caller may see it, or null when they may not open it (or it does not
     * exist: the two are answered alike). An officer sees a NIK field whole only when the file
     * is with their department, and never a NIK written into a free text (a form value, a note).
     * An officer's read is recorded (who, which file, by which role and department; not the
     * data), and the applicant sees those reads by role and department.
     */
    async status(caller: Caller, registrationNumber: string): Promise<FileStatusView | null> {
      const viewer = await deps.access.viewerOf(caller, registrationNumber);
      if (!viewer) return null;
      const found = await findApplicationStatus(deps.pool, registrationNumber);
      if (!found) return null;
      // Only a file with a levy pays for the second query (the status is polled).
      const payment = (found.feeAmount ?? 0) > 0 ? await levyPaymentOf(deps.pool, registrationNumber) : null;
      const file = { ...found, payment };
      if (viewer.kind === 'applicant') {
        return { ...file, openedBy: await officerReadsOfFile(deps.pool, registrationNumber) };
      }
      await deps.access.recordRead(viewer, registrationNumber);
      const officer = await deps.access.officerOf(caller);
      const manager = officer !== null && isManager(officer);
      return {
        ...(seesComplaintsOfFile({ manager })
          ? { complaints: await complaintsAboutFile(deps.pool, registrationNumber) }
          : {}),
        ...file,
        formData: formForOfficer(
          file.formData,
          nikFieldsOf(file.permitTypeCode),
          seesWholeNik(viewer, file.assignedDepartment),
        ),
        history: file.history.map((item) => ({ ...item, reason: maskNikInText(item.reason) })),
      };
    },

    /**
     * The file as its applicant sees it, with the officer's latest revision note, or null when
     * the caller is not its applicant (or it does not exist).
     */
    async applicantFile(
      caller: Caller,
      registrationNumber: string,
    ): Promise<{ status: ApplicationStatus; revisionNote: string | null } | null> {
      if (!(await deps.access.isApplicant(caller, registrationNumber))) return null;
      const status = await findApplicationStatus(deps.pool, registrationNumber);
      if (!status) return null;
      return { status, revisionNote: await latestRevisionNote(deps.pool, registrationNumber) };
    },

    /** The files a Telegram user applied for, newest first. */
    applicationsOfTelegramUser(telegramUserId: number): Promise<ApplicationSummary[]> {
      return applicationsOfTelegramUser(deps.pool, telegramUserId);
    },

    /** Files waiting on the officer's roles in their departments, oldest deadline first. */
    async inbox(caller: Caller, now: Date = new Date()): Promise<InboxItem[]> {
      const officer = await deps.access.requireOfficer(caller);
      const entries = await filesAwaitingRoles(deps.pool, officer.roles, officer.departments);
      return entries.map((entry) => toInboxItem(deps.calendar, entry, now));
    },

    /** For managers: breached and at-risk files in their departments. */
    async slaOverview(caller: Caller, now: Date = new Date()): Promise<SlaOverview> {
      const manager = await deps.access.requireManager(caller);
      const entries = await filesWithDeadlineIn(deps.pool, manager.departments);
      const items = entries.map((entry) => toInboxItem(deps.calendar, entry, now));
      return {
        breached: items.filter((i) => i.breached),
        atRisk: items.filter((i) => !i.breached && i.timeLeftMs !== null && i.timeLeftMs <= AT_RISK_MS),
      };
    },

    /**
     * Aggregate timeliness per permit type and month, with the on-time share of the last 12 months,
     * read at `now`: no personal data, safe to publish. Published through `statistics.report`.
     */
    statsReport(now: Date = new Date()): Promise<PublicStatsReport> {
      return publicStatsReport(deps.pool, now);
    },
  };
}

export type FileQueryService = ReturnType<typeof createFileQueryService>;
