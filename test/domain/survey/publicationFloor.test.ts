import { describe, expect, it } from 'vitest';
import { publishedSatisfaction } from '../../../src/domain/survey/publicationFloor.js';
import { satisfactionIndex, totalsOf } from '../../../src/domain/survey/satisfactionIndex.js';
import {
  SURVEY_ELEMENTS,
  type SurveyAnswers,
  type SurveyScore,
} from '../../../src/domain/survey/surveyElements.js';

const all = (score: SurveyScore): SurveyAnswers =>
  Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, score])) as SurveyAnswers;

const withoutU4 = (score: SurveyScore): SurveyAnswers => {
  const answers = all(score);
  delete answers.u4;
  return answers;
};

describe('the anonymity floor of the published survey figures', () => {
  it('withholds every figure of a group with fewer respondents than the floor, one below it included', () => {
    for (const answers of [[all(1)], [all(4), all(2)], [all(4), all(3), all(3), all(2)]]) {
      expect(publishedSatisfaction(totalsOf(answers), answers.length, 5)).toEqual({
        withheld: 'too_few_respondents',
        index: null,
      });
    }
  });

  it('publishes a group at the floor exactly as the IKM rule computes it', () => {
    const answers = [all(4), all(4), all(3), all(3), all(3)];
    const published = publishedSatisfaction(totalsOf(answers), 5, 5);
    expect(published.withheld).toBeNull();
    expect(published.index).toEqual(satisfactionIndex(totalsOf(answers)));
    // Means 3.4 everywhere: 3.4 x 25 = 85, a B.
    expect(published.index?.ikm).toBe(85);
    expect(published.index?.grade?.letter).toBe('B');
  });

  it('leaves an element answered by too few out of its means and out of the IKM, its count kept', () => {
    // Six respondents; only two scored u4 (cost), both 1: published, that mean would be theirs.
    const answers = [all(1), all(1), withoutU4(4), withoutU4(4), withoutU4(4), withoutU4(4)];
    const published = publishedSatisfaction(totalsOf(answers), 6, 5);
    expect(published.index?.elements.u4).toEqual({ nrr: null, answers: 2 });
    expect(published.index?.elements.u1).toEqual({ nrr: 3, answers: 6 });
    // The IKM of the eight other elements alone (each 3): 75, a C; with u4's 1 it would be 69.44.
    expect(published.index?.ikm).toBe(75);
    expect(published.index?.grade?.letter).toBe('C');
    expect(satisfactionIndex(totalsOf(answers)).ikm).toBe(69.44);
  });

  it('with a floor of 1 publishes what the IKM rule computes for any respondent', () => {
    const answers = [all(2)];
    expect(publishedSatisfaction(totalsOf(answers), 1, 1)).toEqual({
      withheld: null,
      index: satisfactionIndex(totalsOf(answers)),
    });
  });
});
