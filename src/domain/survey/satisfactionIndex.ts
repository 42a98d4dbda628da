// The community satisfaction index (IKM) of Permenpan RB 14/2017 from the answers' totals.
//
// Rounding rule: each element's mean (NRR) is kept exact (a fraction), the IKM is
// 25 x the mean of the element means, still exact, and is then rounded half up to 2 decimals;
// the grade is read from that rounded IKM against the regulation's conversion intervals, which
// are given to 2 decimals (A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99). Exact
// arithmetic matters on a half: 40 respondents scoring 131 per element give 81.875, which the
// floating-point sum of the means makes 81.87499... and would round down. The published NRRs
// are rounded half up to 3 decimals for display only.
import { SURVEY_ELEMENTS, type SurveyAnswers, type SurveyElement } from './surveyElements.js';

/** One element's totals over a group of responses: the sum of its scores and how many gave one. */
export interface ElementTotals {
  sum: number;
  answers: number;
}

export type SurveyTotals = Record<SurveyElement, ElementTotals>;

export type GradeLetter = 'A' | 'B' | 'C' | 'D';

export interface Grade {
  letter: GradeLetter;
  /** The regulation's name of the grade (mutu pelayanan). */
  label: string;
}

/** The conversion intervals, lowest IKM of each grade in hundredths, best first. */
const GRADES: readonly (Grade & { fromHundredths: number })[] = [
  { letter: 'A', label: 'Sangat Baik', fromHundredths: 8831 },
  { letter: 'B', label: 'Baik', fromHundredths: 7661 },
  { letter: 'C', label: 'Kurang Baik', fromHundredths: 6500 },
  { letter: 'D', label: 'Tidak Baik', fromHundredths: 2500 },
];

export interface SatisfactionIndex {
  /** Each element's mean score (NRR, 3 decimals) and how many answered it; null when none did. */
  elements: Record<SurveyElement, { nrr: number | null; answers: number }>;
  /** 25 x the mean of the answered elements' NRRs, rounded half up to 2 decimals. */
  ikm: number | null;
  grade: Grade | null;
}

/** The grade of an IKM already rounded to 2 decimals (25.00-100.00). */
export function gradeOf(ikm: number): Grade {
  const hundredths = Math.round(ikm * 100);
  if (hundredths < 2500 || hundredths > 10000) {
    throw new RangeError(`An IKM lies between 25.00 and 100.00; got ${ikm}`);
  }
  const grade = GRADES.find((g) => hundredths >= g.fromHundredths)!;
  return { letter: grade.letter, label: grade.label };
}

export function emptyTotals(): SurveyTotals {
  return Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, { sum: 0, answers: 0 }])) as SurveyTotals;
}

/** The totals of a set of responses (skipped elements count for nothing). */
export function totalsOf(responses: readonly SurveyAnswers[]): SurveyTotals {
  const totals = emptyTotals();
  for (const response of responses) {
    for (const element of SURVEY_ELEMENTS) {
      const score = response[element];
      if (score === undefined) continue;
      totals[element].sum += score;
      totals[element].answers += 1;
    }
  }
  return totals;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** a / b rounded half up, for non-negative integers. */
const roundHalfUp = (a: bigint, b: bigint): bigint => (2n * a + b) / (2n * b);

export function satisfactionIndex(totals: SurveyTotals): SatisfactionIndex {
  const elements = {} as SatisfactionIndex['elements'];
  // The sum of the answered elements' means as an exact fraction num/den.
  let num = 0n;
  let den = 1n;
  let answeredElements = 0n;
  for (const element of SURVEY_ELEMENTS) {
    const { sum, answers } = totals[element];
    if (answers === 0) {
      elements[element] = { nrr: null, answers };
      continue;
    }
    const s = BigInt(sum);
    const n = BigInt(answers);
    elements[element] = { nrr: Number(roundHalfUp(s * 1000n, n)) / 1000, answers };
    num = num * n + s * den;
    den *= n;
    const divisor = gcd(num, den);
    num /= divisor;
    den /= divisor;
    answeredElements += 1n;
  }
  if (answeredElements === 0n) return { elements, ikm: null, grade: null };
  // IKM in hundredths = 100 x 25 x (num/den) / answeredElements.
  const ikm = Number(roundHalfUp(2500n * num, den * answeredElements)) / 100;
  return { elements, ikm, grade: gradeOf(ikm) };
}
