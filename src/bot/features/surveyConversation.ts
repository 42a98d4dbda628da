import {
  answeredCount,
  isSurveyScore,
  MAX_SURVEY_COMMENT_LENGTH,
  SURVEY_ELEMENTS,
  SURVEY_SCORES,
  type SurveyAnswers,
  type SurveyElement,
  type SurveyScore,
} from '../../domain/survey/surveyElements.js';
import { BUTTON_TTL } from '../callbackActions.js';
import type { ButtonSpec } from '../callbackTokens.js';
import type { BotDependencies, ConversationContext, Language } from '../context.js';
import {
  type BotConversation,
  type ConversationScope,
  nextInput,
  openConversationScope,
} from '../conversationSteps.js';
import { type Translate, translator } from '../i18n.js';
import { outcomeOf } from '../replies.js';

export interface SurveyArgs {
  language: Language;
  registrationNumber: string;
  run: number;
}

/** The regulation's wording of one score of one element, e.g. "3 · Sesuai". */
const scoreLabel = (t: Translate, element: SurveyElement, score: SurveyScore) =>
  `${score} · ${t(`survey-score-${element}`, { score })}`;

/**
 * Buttons valid as long as the conversation waits (a week), so a survey left half-way can be
 * finished days later, across bot restarts.
 */
const surveyKeyboard = (s: ConversationScope, rows: ButtonSpec[][]) =>
  s.conversation.external(() => s.deps.tokens.keyboard(s.userId, rows, BUTTON_TTL.inbox));

/** One message per element with its four scores and "skip"; null when skipped. */
async function askElement(s: ConversationScope, element: SurveyElement, index: number) {
  const question = s.t('survey-step', {
    index: index + 1,
    total: SURVEY_ELEMENTS.length,
    element: s.t(`survey-element-${element}`),
    question: s.t(`survey-question-${element}`),
  });
  const rows: ButtonSpec[][] = [
    ...SURVEY_SCORES.map((score) => [
      {
        text: scoreLabel(s.t, element, score),
        action: { kind: 'survey.score' as const, run: s.run, element, score },
      },
    ]),
    [{ text: s.t('button-skip'), action: { kind: 'survey.score', run: s.run, element, score: null } }],
  ];
  await s.reply(question, await surveyKeyboard(s, rows));
  const input = await nextInput(s, {
    actions: ['survey.score'],
    matches: (action) => action.kind === 'survey.score' && action.element === element,
    hint: s.t('survey-use-buttons'),
  });
  const action = input.kind === 'action' && input.action.kind === 'survey.score' ? input.action : null;
  const score = isSurveyScore(action?.score) ? action.score : null;
  // The answered question keeps the choice and loses its buttons.
  const choice = score === null ? s.t('survey-skipped') : scoreLabel(s.t, element, score);
  await input.ctx.editMessageText(`${question}\n➜ ${choice}`).catch(() => {});
  return score;
}

/** An optional comment in one text message; undefined when the applicant sends none. */
async function askComment(s: ConversationScope): Promise<string | undefined> {
  const rows: ButtonSpec[][] = [
    [{ text: s.t('button-survey-no-comment'), action: { kind: 'survey.noComment', run: s.run } }],
  ];
  await s.reply(s.t('survey-ask-comment', { max: MAX_SURVEY_COMMENT_LENGTH }), await surveyKeyboard(s, rows));
  for (;;) {
    const input = await nextInput(s, {
      text: true,
      actions: ['survey.noComment'],
      hint: s.t('survey-comment-expected'),
    });
    if (input.kind === 'action') return undefined;
    if (input.kind !== 'text') continue;
    const comment = input.text.trim();
    if (comment.length === 0) continue;
    if ([...comment].length > MAX_SURVEY_COMMENT_LENGTH) {
      await s.reply(s.t('answer-too-long', { max: MAX_SURVEY_COMMENT_LENGTH }));
      continue;
    }
    return comment;
  }
}

/**
 * The satisfaction survey of a closed file: the nine elements one message each, each skippable,
 * then an optional comment. Kept in the stored conversation until sent, so it resumes after a
 * restart; sent to the survey service only at the end (never to Temporal, never logged).
 */
export function surveyConversation(deps: BotDependencies) {
  return async function survey(conversation: BotConversation, ctx: ConversationContext, args: SurveyArgs) {
    const { language, registrationNumber, run } = args;
    const t = translator(deps.i18n, language);
    const s = openConversationScope(conversation, ctx, deps, t, language, run);
    await s.reply(t('survey-intro', { registrationNumber, total: SURVEY_ELEMENTS.length }));

    const answers: SurveyAnswers = {};
    for (const [index, element] of SURVEY_ELEMENTS.entries()) {
      const score = await askElement(s, element, index);
      if (score !== null) answers[element] = score;
    }
    if (answeredCount(answers) === 0) {
      await s.reply(t('survey-all-skipped', { registrationNumber }));
      return;
    }
    const comment = await askComment(s);
    const outcome = await conversation.external(() =>
      outcomeOf(
        () =>
          deps.services.survey.submit(
            { telegramUserId: s.userId },
            registrationNumber,
            { answers, comment },
            'telegram',
          ),
        (result) =>
          t('survey-thanks', {
            registrationNumber,
            answered: result.answered,
            total: SURVEY_ELEMENTS.length,
          }),
        t,
        language,
      ),
    );
    await s.reply(outcome.text);
  };
}
