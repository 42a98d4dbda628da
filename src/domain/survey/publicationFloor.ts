// The anonymity floor of the published survey figures. With one or two respondents in a permit
// type's quarter the published element means ARE their answers, so a group answered by fewer
// than the floor is published with its number of respondents and nothing else.
//
// The floor holds per element too: the bot lets an element be skipped, so a quarter with enough
// respondents may still have an element two of them answered. Such an element gets no mean, and
// it is left out of the IKM exactly as an element no one answered is: were it counted, its mean
// could be solved for from the IKM and the other eight published means. Pure module.

import {
  emptyTotals,
  type SatisfactionIndex,
  type SurveyTotals,
  satisfactionIndex,
} from './satisfactionIndex.js';
import { SURVEY_ELEMENTS } from './surveyElements.js';

export type WithheldReason = 'too_few_respondents';

export type PublishedSatisfaction =
  | { withheld: null; index: SatisfactionIndex }
  | { withheld: WithheldReason; index: null };

/**
 * What may be published of a group of `respondents` whose answers sum to `totals`, under a
 * floor of `minimumRespondents` (a positive whole number).
 */
export function publishedSatisfaction(
  totals: SurveyTotals,
  respondents: number,
  minimumRespondents: number,
): PublishedSatisfaction {
  if (respondents < minimumRespondents) return { withheld: 'too_few_respondents', index: null };
  const publishable = emptyTotals();
  const thin = SURVEY_ELEMENTS.filter((element) => totals[element].answers < minimumRespondents);
  for (const element of SURVEY_ELEMENTS) {
    if (!thin.includes(element)) publishable[element] = { ...totals[element] };
  }
  const index = satisfactionIndex(publishable);
  // The published count of answers stays true even where the mean is withheld.
  for (const element of thin) index.elements[element] = { nrr: null, answers: totals[element].answers };
  return { withheld: null, index };
}
