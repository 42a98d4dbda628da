// What each public page shows, as plain typed data. The routes build these from the catalog,
// the office profile and the read model; the views only render them. No view model has a field
// for a NIK or an access code, so no page can show one.

import type { LocalizedText, Validity } from '../../domain/catalog/catalogSchema.js';
import type { OfficeProfile } from '../../domain/catalog/officeProfileSchema.js';
import type { ComplaintCategory } from '../../domain/complaints/complaintCategories.js';
import type { PermitVerification } from '../../domain/permits/verificationStatus.js';
import type { FileStatus } from '../../domain/stages/fileState.js';
import type { GradeLetter } from '../../domain/survey/satisfactionIndex.js';
import type { SurveyElement } from '../../domain/survey/surveyElements.js';
import type { Language } from '../webLocale.js';

/** Where the page is and in which language it is shown. */
export interface PageContext {
  language: Language;
  /** The path without a query (e.g. `/lacak`), for the language switch and form actions. */
  path: string;
}

export type OfficeView = Pick<OfficeProfile, 'name' | 'shortName' | 'address' | 'serviceDesk' | 'complaints'>;

// ---- `/`: service standards -------------------------------------------------------------

export interface RequirementView {
  label: LocalizedText;
  required: boolean;
}

export type StageTimeView =
  | { kind: 'workingDays'; days: number }
  | { kind: 'applicantCalendarDays'; days: number }
  | { kind: 'duration'; iso: string };

export interface ProcedureStepView {
  name: LocalizedText;
  /** An officer role and its department, or the applicant. */
  actor: { kind: 'officer'; role: string; department: string } | { kind: 'applicant' };
  time: StageTimeView;
}

export type FeeView =
  | { kind: 'free' }
  | { kind: 'fixed'; amount: number }
  | { kind: 'per_m2'; ratePerM2: number; minimum: number; areaLabel: LocalizedText }
  | { kind: 'per_m2_duration'; rate: number; unit: 'month' | 'year'; minimum: number };

export interface ServiceStandardView {
  code: string;
  name: LocalizedText;
  description: LocalizedText | null;
  fields: RequirementView[];
  documents: RequirementView[];
  procedure: ProcedureStepView[];
  /** Officer working days from a complete file to the decision; null when a stage is timed otherwise. */
  totalWorkingDays: number | null;
  fee: FeeView;
  legalBasis: readonly string[];
  validity: Validity;
  deemedApproval: boolean;
}

export interface HomePageView {
  office: OfficeView;
  /** `https://t.me/<bot>` when the bot's username is known. */
  botUrl: string | null;
  services: ServiceStandardView[];
}

// ---- `/lacak` -----------------------------------------------------------------------------

export interface TimelineEntryView {
  at: Date;
  /** Audit action ('submitted', 'stage_approved', 'revision_requested', …). */
  action: string;
  stage: LocalizedText | null;
  /** The officer's note or reason given to the applicant, when there is one. */
  note: string | null;
}

export interface TrackedFileView {
  registrationNumber: string;
  permitType: LocalizedText;
  status: FileStatus;
  submittedAt: Date;
  currentStage: LocalizedText | null;
  deadline: Date | null;
  permitNumber: string | null;
  history: TimelineEntryView[];
}

export interface TrackingPageView {
  officeName: string;
  /** The registration number typed, shown again in the form; the access code never is. */
  registrationNumber: string;
  result: { kind: 'none' } | { kind: 'notFound' } | { kind: 'found'; file: TrackedFileView };
}

// ---- `/statistik` -------------------------------------------------------------------------

export interface MonthStatisticsView {
  /** `YYYY-MM` */
  month: string;
  received: number;
  decided: number;
  /** 0–1, or null when nothing was decided that month. */
  onTimeShare: number | null;
  medianWorkingDays: number | null;
  pausesPerFile: number | null;
  deemedApprovals: number;
}

export interface PermitTypeStatisticsView {
  code: string;
  name: LocalizedText;
  pastDeadlineNow: number;
  months: MonthStatisticsView[];
}

export interface OnTimePoint {
  month: string;
  share: number | null;
}

/** One permit type's satisfaction survey in one quarter. */
export interface SurveyQuarterView {
  /** `YYYY-Qn` */
  quarter: string;
  respondents: number;
  /** Fewer respondents than the anonymity floor: only their number is shown. */
  withheld: boolean;
  /** Each element's mean score (NRR, 1–4); null when withheld or answered by too few. */
  elementMeans: Record<SurveyElement, number | null>;
  ikm: number | null;
  grade: GradeLetter | null;
}

export interface PermitTypeSurveyView {
  code: string;
  name: LocalizedText;
  /** Oldest quarter first. */
  quarters: SurveyQuarterView[];
}

export interface SurveySectionView {
  /** The anonymity floor the figures were published under (respondents, answers per element). */
  minimumRespondents: number;
  /** Permit types with answers, in catalog order. */
  permitTypes: PermitTypeSurveyView[];
}

/** Complaints of one category filed in one month. */
export interface ComplaintMonthView {
  /** `YYYY-MM` */
  month: string;
  category: ComplaintCategory;
  received: number;
  answered: number;
  /** Answered before the first deadline, of those answered; null when none was answered. */
  onTimeShare: number | null;
  medianResponseHours: number | null;
}

export interface StatisticsPageView {
  officeName: string;
  generatedAt: Date;
  permitTypes: PermitTypeStatisticsView[];
  /** All permit types together, oldest month first. */
  onTimeLast12Months: OnTimePoint[];
  /** The survey in the quarters of the chart's months; null when no one answered in them. */
  survey: SurveySectionView | null;
  /** The chart's months, oldest first, each category in its fixed order. */
  complaints: ComplaintMonthView[];
}

// ---- `/verifikasi/{token}` ----------------------------------------------------------------

export interface VerificationPageView extends Omit<PermitVerification, 'decision'> {
  officeName: string;
  token: string;
  /** The outcome of an uploaded copy (POST), absent on a plain visit. */
  check: { genuine: boolean; sha256: string } | null;
}
