import { describe, expect, it } from 'vitest';
import {
  gradeOf,
  type SurveyTotals,
  satisfactionIndex,
  totalsOf,
} from '../../../src/domain/survey/satisfactionIndex.js';
import {
  missingElements,
  SURVEY_ELEMENTS,
  type SurveyAnswers,
  type SurveyScore,
} from '../../../src/domain/survey/surveyElements.js';

/** `n` respondents who gave every element the same scores, `sum` of them in all per element. */
function respondents(n: number, sum: number): SurveyAnswers[] {
  const base = Math.floor(sum / n);
  const higher = sum - base * n; // this many answer base + 1, the rest base
  return Array.from({ length: n }, (_, i) => {
    const score = (i < higher ? base + 1 : base) as SurveyScore;
    return Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, score])) as SurveyAnswers;
  });
}

/** Every element with the same totals. */
const uniform = (sum: number, answers: number): SurveyTotals =>
  Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, { sum, answers }])) as SurveyTotals;

describe('the IKM and its grade from known answers', () => {
  it('three respondents, one of whom skipped two elements: element means, IKM and grade', () => {
    const all = (score: SurveyScore): SurveyAnswers =>
      Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, score])) as SurveyAnswers;
    const skipper: SurveyAnswers = { ...all(2) };
    delete skipper.u4;
    delete skipper.u9;
    const index = satisfactionIndex(totalsOf([all(4), all(3), skipper]));
    expect(index.elements.u1).toEqual({ nrr: 3, answers: 3 });
    // (4 + 3) / 2: the skipped answer counts for nothing, not as a zero.
    expect(index.elements.u4).toEqual({ nrr: 3.5, answers: 2 });
    expect(index.elements.u9).toEqual({ nrr: 3.5, answers: 2 });
    // Means: seven elements 3, two 3.5; their mean 28/9 = 3.1111...; x 25 = 77.777... -> 77.78.
    expect(index.ikm).toBe(77.78);
    expect(index.grade).toEqual({ letter: 'B', label: 'Baik' });
  });

  it('NRRs are published to 3 decimals, rounded half up', () => {
    const index = satisfactionIndex(totalsOf([{ u1: 4 }, { u1: 4 }, { u1: 3 }]));
    expect(index.elements.u1.nrr).toBe(3.667);
    expect(index.elements.u2).toEqual({ nrr: null, answers: 0 });
    // Only the answered element counts toward the IKM: 25 x 11/3 = 91.666... -> 91.67.
    expect(index.ikm).toBe(91.67);
  });

  it('no answers at all have no IKM', () => {
    expect(satisfactionIndex(totalsOf([]))).toMatchObject({ ikm: null, grade: null });
  });

  // Each row: respondents and the total score per element that put the IKM exactly on a grade's edge.
  it.each([
    { n: 1, sum: 4, ikm: 100, letter: 'A' },
    { n: 2500, sum: 8831, ikm: 88.31, letter: 'A' },
    { n: 250, sum: 883, ikm: 88.3, letter: 'B' },
    { n: 2500, sum: 7661, ikm: 76.61, letter: 'B' },
    { n: 250, sum: 766, ikm: 76.6, letter: 'C' },
    { n: 5, sum: 13, ikm: 65, letter: 'C' },
    { n: 2500, sum: 6499, ikm: 64.99, letter: 'D' },
    { n: 1, sum: 1, ikm: 25, letter: 'D' },
  ])('$n respondents scoring $sum per element: IKM $ikm, grade $letter', ({ n, sum, ikm, letter }) => {
    const index = satisfactionIndex(totalsOf(respondents(n, sum)));
    expect(index.ikm).toBe(ikm);
    expect(index.grade?.letter).toBe(letter);
  });

  // Exactly halfway between two hundredths: the IKM is computed exactly and rounded half up.
  it.each([
    { sum: 17661, ikm: 88.31, letter: 'A' },
    { sum: 15321, ikm: 76.61, letter: 'B' },
    { sum: 12999, ikm: 65, letter: 'C' },
  ])('5000 respondents scoring $sum per element: the half rounds up to $ikm ($letter)', (row) => {
    const index = satisfactionIndex(uniform(row.sum, 5000));
    expect(index.ikm).toBe(row.ikm);
    expect(index.grade?.letter).toBe(row.letter);
  });

  it('a half that floating point would round down is rounded up', () => {
    // 25 x 131/40 = 81.875; summing the nine means in floating point gives 81.87499...
    expect(satisfactionIndex(totalsOf(respondents(40, 131))).ikm).toBe(81.88);
  });

  it('just under a half rounds down', () => {
    // 25 x 17660.9 / 5000 would be 88.3045; with integers: 176609 over 50000 answers.
    expect(satisfactionIndex(uniform(176609, 50000)).ikm).toBe(88.3);
  });
});

describe('grade boundaries of the regulation', () => {
  it.each([
    [100, 'A', 'Sangat Baik'],
    [88.31, 'A', 'Sangat Baik'],
    [88.3, 'B', 'Baik'],
    [76.61, 'B', 'Baik'],
    [76.6, 'C', 'Kurang Baik'],
    [65.0, 'C', 'Kurang Baik'],
    [64.99, 'D', 'Tidak Baik'],
    [25.0, 'D', 'Tidak Baik'],
  ])('%s is %s (%s)', (ikm, letter, label) => {
    expect(gradeOf(ikm)).toEqual({ letter, label });
  });

  it('an IKM outside 25-100 is a programming error', () => {
    expect(() => gradeOf(24.99)).toThrow(RangeError);
    expect(() => gradeOf(100.01)).toThrow(RangeError);
  });
});

describe('survey elements', () => {
  it('names the elements still missing', () => {
    expect(missingElements({ u1: 4, u2: 3, u3: 2, u4: 1, u5: 4, u6: 4, u7: 4, u8: 4 })).toEqual(['u9']);
    expect(missingElements({})).toEqual([...SURVEY_ELEMENTS]);
  });
});
