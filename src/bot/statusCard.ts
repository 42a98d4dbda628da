import { formatRupiah } from '../domain/fees/rupiah.js';
import type { FileStatusView } from '../services/index.js';
import type { Language } from './context.js';
import { formatDateTime, type PermitTypeLookup, permitTypeName, stageName, statusLabel } from './format.js';
import type { Translate } from './i18n.js';

const HISTORY_SHOWN = 6;

/**
 * A file's status as a message: where it is, until when, what happened last (with reasons),
 * and, for its applicant, which officers opened it (by role and department).
 */
export function statusCard(
  status: FileStatusView,
  t: Translate,
  lookup: PermitTypeLookup,
  language: Language,
): string {
  const lines = [
    t('status-card', {
      registrationNumber: status.registrationNumber,
      permitType: permitTypeName(lookup, status.permitTypeCode, language),
      status: statusLabel(status.status, t),
      stage: stageName(lookup, status.permitTypeCode, status.stageKey, language),
      deadline: formatDateTime(status.deadline, language) ?? t('deadline-none'),
    }),
  ];
  if (status.paused) lines.push(t('status-paused'));
  if (status.permitNumber) lines.push(t('status-permit-number', { permitNumber: status.permitNumber }));
  if (status.feeAmount) lines.push(t('status-fee', { amount: formatRupiah(status.feeAmount, language) }));
  const history = status.history.slice(-HISTORY_SHOWN);
  if (history.length > 0) {
    lines.push('', t('status-history-title'));
    for (const item of history) {
      const when = formatDateTime(item.at, language) ?? '';
      const what = t(`action-${item.action.replace(/_/g, '-')}`);
      lines.push(item.reason ? `• ${when}: ${what} — ${item.reason}` : `• ${when}: ${what}`);
    }
  }
  if (status.openedBy && status.openedBy.length > 0) {
    lines.push('', t('status-opened-by-title'));
    for (const read of status.openedBy) {
      lines.push(
        t('status-opened-by', {
          role: read.role,
          department: read.department,
          times: read.times,
          lastAt: formatDateTime(read.lastAt, language) ?? '',
        }),
      );
    }
  }
  return lines.join('\n');
}
