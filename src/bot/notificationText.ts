import { formatRupiah } from '../domain/fees/rupiah.js';
import { formatBillingCode } from '../domain/identifiers/billingCode.js';
import { parseRegistrationNumber } from '../domain/identifiers/registrationNumber.js';
import type { OutgoingDigest, OutgoingNotification } from '../notifications/notificationChannel.js';
import type { ButtonSpec } from './callbackTokens.js';
import type { Language } from './context.js';
import { formatDateTime, type PermitTypeLookup, permitTypeName, stageName } from './format.js';
import type { Translate } from './i18n.js';
import { officerFileButtons } from './officerButtons.js';

/** Every template the outbox carries; each has a `notify-<template>` message per language. */
export const NOTIFICATION_TEMPLATES = [
  'submitted',
  'stage_assigned',
  'stage_approved',
  'payment_requested',
  'paid',
  // Not from the workflow: queued with the SKRD, before the payment deadline.
  'payment_reminder',
  'issued',
  'rejected',
  'revision_requested',
  'resubmitted',
  'resubmitted_to_officer',
  'withdrawn',
  'expired',
  'deemed_approved',
  'sla_reminder',
  'sla_breach',
  'sla_second_level',
  'survey_invitation',
  // Not from the workflow: the front desk's reissue of a lost access code, a permit's revocation.
  'access_code_reissued',
  // From a complaint's workflow and the complaint service.
  'complaint_filed',
  'complaint_pungli',
  'complaint_reminder',
  'complaint_overdue',
  'complaint_reopened',
  'complaint_answered',
  'permit_revoked',
] as const;

const KNOWN: ReadonlySet<string> = new Set(NOTIFICATION_TEMPLATES);

/** Complaint notices to the managers, which come with a button to answer. */
const WITH_COMPLAINT_ANSWER_BUTTON: ReadonlySet<string> = new Set([
  'complaint_filed',
  'complaint_reminder',
  'complaint_reopened',
]);

/** Officer notices that come with the file's decision buttons. */
const WITH_DECISION_BUTTONS: ReadonlySet<string> = new Set([
  'stage_assigned',
  'resubmitted_to_officer',
  'sla_reminder',
]);

export const notificationKey = (template: string) =>
  KNOWN.has(template) ? `notify-${template.replace(/_/g, '-')}` : 'notify-generic';

export interface RenderedNotification {
  text: string;
  buttons: ButtonSpec[][];
}

/**
 * The text of a notification in the recipient's language: what happened, why, what to do next
 * and by when. Buttons are only for a person's private chat (a positive chat ID).
 */
export function renderNotification(
  notification: OutgoingNotification,
  language: Language,
  t: Translate,
  lookup: PermitTypeLookup,
): RenderedNotification {
  const p = notification.params;
  const registrationNumber = String(p.registrationNumber ?? '');
  const text = t(notificationKey(notification.template), noticeArguments(notification, language, t, lookup));
  const ticket = String(p.ticket ?? '');
  const personal = notification.chatId > 0;
  let buttons: ButtonSpec[][] = [];
  if (personal && notification.template === 'revision_requested' && notification.audience === 'applicant') {
    buttons = [
      [{ text: t('button-send-corrections'), action: { kind: 'revision.start', registrationNumber } }],
    ];
  } else if (personal && notification.template === 'complaint_answered' && p.reopenable === true) {
    buttons = [[{ text: t('button-complaint-reopen'), action: { kind: 'complaint.reopen', ticket } }]];
  } else if (
    personal &&
    notification.audience === 'managers' &&
    WITH_COMPLAINT_ANSWER_BUTTON.has(notification.template)
  ) {
    buttons = [[{ text: t('button-complaint-answer'), action: { kind: 'complaint.answer', ticket } }]];
  } else if (personal && notification.template === 'survey_invitation') {
    buttons = [[{ text: t('button-survey-start'), action: { kind: 'survey.start', registrationNumber } }]];
  } else if (
    personal &&
    notification.audience === 'role' &&
    WITH_DECISION_BUTTONS.has(notification.template)
  ) {
    buttons = officerFileButtons(t, registrationNumber);
  }
  return { text, buttons };
}

/** The values a notice's text may use, formatted for `language`. */
function noticeArguments(
  notification: Pick<OutgoingNotification, 'params' | 'template'>,
  language: Language,
  t: Translate,
  lookup: PermitTypeLookup,
) {
  const p = notification.params;
  const registrationNumber = String(p.registrationNumber ?? '');
  const code = parseRegistrationNumber(registrationNumber)?.permitTypeCode ?? '';
  return {
    registrationNumber,
    permitType: permitTypeName(lookup, code, language),
    stage: stageName(lookup, code, typeof p.stage === 'string' ? p.stage : null, language),
    deadline:
      formatDateTime(typeof p.deadline === 'string' ? p.deadline : null, language) ?? t('deadline-none'),
    note: String(p.note ?? '-'),
    reason: String(p.reason ?? '-'),
    permitNumber: String(p.permitNumber ?? '-'),
    amount: typeof p.amount === 'number' ? formatRupiah(p.amount, language) : '-',
    billingCode: typeof p.billingCode === 'string' ? formatBillingCode(p.billingCode) : '-',
    reference: String(p.reference ?? '-'),
    ticket: String(p.ticket ?? '-'),
    category: typeof p.category === 'string' ? t(`complaint-category-${p.category}`) : '-',
    dueAt: formatDateTime(typeof p.dueAt === 'string' ? p.dueAt : null, language) ?? t('deadline-none'),
    template: notification.template,
  };
}

/**
 * One message for several officers' notices (domain/notifications/noticeDigest): a line per
 * notice, then where to act. Without buttons: each file's decision buttons are in /inbox.
 */
export function renderDigest(
  digest: OutgoingDigest,
  language: Language,
  t: Translate,
  lookup: PermitTypeLookup,
): string {
  const lines = digest.notices.map((notice) =>
    t(`notify-digest-${notice.template.replace(/_/g, '-')}`, noticeArguments(notice, language, t, lookup)),
  );
  const footers = [
    ...(digest.notices.some((n) => n.audience === 'role') ? [t('notify-digest-footer-officer')] : []),
    ...(digest.notices.some((n) => n.audience === 'managers') ? [t('notify-digest-footer-manager')] : []),
  ];
  return [t('notify-digest-header', { count: digest.notices.length }), ...lines, ...footers].join('\n');
}
