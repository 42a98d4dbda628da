// View models for the page tests, with hostile text wherever a value can come from outside
// (form input, officer notes, catalog text an admin typed).

import { jakartaWallTime } from '../../src/domain/calendar/jakartaTime.js';
import { loadCatalog } from '../../src/domain/catalog/loadCatalog.js';
import { loadOfficeProfile } from '../../src/domain/catalog/loadOfficeProfile.js';
import { publishedSatisfaction } from '../../src/domain/survey/publicationFloor.js';
import { totalsOf } from '../../src/domain/survey/satisfactionIndex.js';
import { SURVEY_ELEMENTS, type SurveyAnswers } from '../../src/domain/survey/surveyElements.js';
import { serviceStandardView } from '../../src/web/views/serviceStandard.js';
import type {
  HomePageView,
  StatisticsPageView,
  SurveyQuarterView,
  TrackedFileView,
  VerificationPageView,
} from '../../src/web/views/viewModels.js';

export const HOSTILE = `<script>alert("x")</script>"><img src=x onerror=alert(1)>&amp;`;

export const office = loadOfficeProfile('data/catalog/office.yaml');
export const catalog = loadCatalog('data/catalog/permit-types.yaml');

export function homeView(): HomePageView {
  return {
    office,
    botUrl: 'https://t.me/PerizinanSerangBot',
    services: catalog.permitTypes.map(serviceStandardView),
  };
}

export function trackedFile(overrides: Partial<TrackedFileView> = {}): TrackedFileView {
  return {
    registrationNumber: 'REG-2026-000123',
    permitType: { id: 'Surat Izin Praktik Dokter', en: "Doctor's Practice Permit" },
    status: 'AWAITING_REVISION',
    submittedAt: jakartaWallTime('2026-11-20 09:12'),
    currentStage: { id: 'Pemeriksaan kelengkapan berkas', en: 'Completeness check' },
    deadline: jakartaWallTime('2026-11-23 16:00'),
    permitNumber: null,
    history: [
      { at: jakartaWallTime('2026-11-20 09:12'), action: 'submitted', stage: null, note: null },
      {
        at: jakartaWallTime('2026-11-20 13:40'),
        action: 'revision_requested',
        stage: { id: 'Pemeriksaan kelengkapan berkas', en: 'Completeness check' },
        note: `Pas foto buram ${HOSTILE}`,
      },
      { at: jakartaWallTime('2026-11-21 08:00'), action: 'sla_reminder', stage: null, note: null },
    ],
    ...overrides,
  };
}

const scores = (...values: (1 | 2 | 3 | 4)[]): SurveyAnswers =>
  Object.fromEntries(SURVEY_ELEMENTS.map((element, index) => [element, values[index]]));

/**
 * Five respondents' answers, u1–u9 each. Element means: 3.6, 3.0, 3.4, 4.0, 3.2, 3.4, 3.8, 2.4,
 * 3.4; their mean 30.2 / 9 x 25 = 83.888… → IKM 83.89, a B (Baik).
 */
export const KNOWN_SURVEY_ANSWERS: readonly SurveyAnswers[] = [
  scores(4, 4, 4, 4, 4, 4, 4, 4, 4),
  scores(4, 3, 4, 4, 3, 4, 4, 3, 4),
  scores(3, 3, 3, 4, 3, 3, 4, 2, 3),
  scores(4, 3, 3, 4, 3, 3, 3, 2, 3),
  scores(3, 2, 3, 4, 3, 3, 4, 1, 3),
];

/** The shipped anonymity floor (data/catalog/permit-types.yaml). */
export const MINIMUM_RESPONDENTS = catalog.survey.minimumRespondents;

/** A quarter's view as the page gets it, computed from answers by the same rule as the API. */
export function surveyQuarter(quarter: string, answers: readonly SurveyAnswers[]): SurveyQuarterView {
  const published = publishedSatisfaction(totalsOf(answers), answers.length, MINIMUM_RESPONDENTS);
  return {
    quarter,
    respondents: answers.length,
    withheld: published.withheld !== null,
    elementMeans: Object.fromEntries(
      SURVEY_ELEMENTS.map((element) => [element, published.index?.elements[element].nrr ?? null]),
    ) as SurveyQuarterView['elementMeans'],
    ikm: published.index?.ikm ?? null,
    grade: published.index?.grade?.letter ?? null,
  };
}

export function statisticsView(): StatisticsPageView {
  const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
  const more = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
  return {
    officeName: office.shortName,
    generatedAt: jakartaWallTime('2026-11-30 08:00'),
    permitTypes: [
      {
        code: 'SIP-DOKTER',
        name: { id: `Surat Izin Praktik Dokter ${HOSTILE}`, en: "Doctor's Practice Permit" },
        pastDeadlineNow: 2,
        months: [
          {
            month: '2026-10',
            received: 41,
            decided: 38,
            onTimeShare: 0.921,
            medianWorkingDays: 3.5,
            pausesPerFile: 0.42,
            deemedApprovals: 1,
          },
          {
            month: '2026-11',
            received: 12,
            decided: 0,
            onTimeShare: null,
            medianWorkingDays: null,
            pausesPerFile: null,
            deemedApprovals: 0,
          },
        ],
      },
      {
        code: 'PBG',
        name: { id: 'Persetujuan Bangunan Gedung', en: 'Building Approval' },
        pastDeadlineNow: 0,
        months: [],
      },
    ],
    onTimeLast12Months: [...months, ...more].map((month, index) => ({
      month,
      share: index === 11 ? null : 0.5 + index * 0.04,
    })),
    survey: {
      minimumRespondents: MINIMUM_RESPONDENTS,
      permitTypes: [
        {
          code: 'SIP-DOKTER',
          name: { id: `Surat Izin Praktik Dokter ${HOSTILE}`, en: "Doctor's Practice Permit" },
          // Two respondents in the third quarter: under the floor, only their number shows.
          quarters: [
            surveyQuarter('2026-Q3', KNOWN_SURVEY_ANSWERS.slice(0, 2)),
            surveyQuarter('2026-Q4', KNOWN_SURVEY_ANSWERS),
          ],
        },
      ],
    },
    complaints: [
      {
        month: '2026-10',
        category: 'pungli',
        received: 3,
        answered: 2,
        onTimeShare: 0.5,
        medianResponseHours: 26.5,
      },
      {
        month: '2026-11',
        category: 'delay',
        received: 1,
        answered: 0,
        onTimeShare: null,
        medianResponseHours: null,
      },
    ],
  };
}

export function verificationView(overrides: Partial<VerificationPageView> = {}): VerificationPageView {
  return {
    officeName: office.shortName,
    token: 'q3Jb7xW0pVnE2rT9yK5mLs8dHfA4cZ1uGiO6eB',
    status: 'VALID',
    permitNumber: '503/SIP-DOKTER/00042/DPMPTSP/2026',
    permitType: { id: 'Surat Izin Praktik Dokter', en: "Doctor's Practice Permit" },
    holderMasked: 'dr. Siti N. A.',
    issuedAt: jakartaWallTime('2026-11-30 14:05'),
    validity: { years: 5 },
    validUntil: '2031-11-29',
    office: { id: office.shortName, en: 'DPMPTSP of Serang Regency' },
    sha256: 'a'.repeat(64),
    revocation: null,
    check: null,
    ...overrides,
  };
}
