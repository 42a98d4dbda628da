import type { ComplaintView } from '../services/index.js';
import type { Language } from './context.js';
import { formatDateTime } from './format.js';
import type { Translate } from './i18n.js';

/**
 * A complaint as its complainant follows it in the bot: category, file (or anonymous), where it
 * stands, the answer deadline of the current round and the managers' answers, oldest first.
 */
export function complaintCard(view: ComplaintView, t: Translate, language: Language): string {
  const lines = [
    t('complaint-card', {
      ticket: view.ticket,
      category: t(`complaint-category-${view.category}`),
      file: view.registrationNumber ?? t('complaint-anonymous'),
      status: t(`complaint-state-${view.status}`),
      filedAt: formatDateTime(view.filedAt, language) ?? '-',
      deadline: formatDateTime(view.deadline, language) ?? t('deadline-none'),
    }),
  ];
  if (view.answers.length === 0) lines.push(t('complaint-card-no-answer'));
  for (const answer of view.answers) {
    lines.push(
      t('complaint-card-answer', {
        at: formatDateTime(answer.answeredAt, language) ?? '-',
        note: answer.note,
      }),
    );
  }
  return lines.join('\n');
}
