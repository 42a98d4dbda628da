// A complaint's life: open → answered → (reopened once, within 14 days of the answer →
// answered) → closed. The service checks each step against the stored row; the workflow only
// follows. Pure module: imported by workflow code.

export const COMPLAINT_STATUSES = ['open', 'answered', 'reopened', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Days after an answer during which the complainant may reopen (once). */
export const REOPEN_WINDOW_DAYS = 14;
export const REOPEN_WINDOW_MS = REOPEN_WINDOW_DAYS * 24 * 60 * 60 * 1000;
/** A complaint may be reopened this many times. */
export const MAX_REOPENS = 1;

export interface ComplaintStanding {
  status: ComplaintStatus;
  reopens: number;
  /** ISO instant of the latest answer, null before the first. */
  lastAnsweredAt: string | null;
}

export type ComplaintRefusal =
  | 'ALREADY_ANSWERED'
  | 'NOT_ANSWERED'
  | 'REOPENED_ALREADY'
  | 'REOPEN_WINDOW_CLOSED'
  | 'COMPLAINT_CLOSED';

export type Step<T> = { ok: true; next: T } | { ok: false; refusal: ComplaintRefusal };

/** Whether the complaint waits on an answer from the office (its deadline clock runs). */
export function awaitsAnswer(status: ComplaintStatus): boolean {
  return status === 'open' || status === 'reopened';
}

export function answer(standing: ComplaintStanding, at: string): Step<ComplaintStanding> {
  if (standing.status === 'closed') return { ok: false, refusal: 'COMPLAINT_CLOSED' };
  if (!awaitsAnswer(standing.status)) return { ok: false, refusal: 'ALREADY_ANSWERED' };
  return { ok: true, next: { ...standing, status: 'answered', lastAnsweredAt: at } };
}

/** The instant the reopen window of the latest answer ends. */
export function reopenWindowEnd(lastAnsweredAt: string): string {
  return new Date(Date.parse(lastAnsweredAt) + REOPEN_WINDOW_MS).toISOString();
}

export function reopen(standing: ComplaintStanding, at: string): Step<ComplaintStanding> {
  if (standing.status === 'closed') return { ok: false, refusal: 'COMPLAINT_CLOSED' };
  if (standing.status !== 'answered' || standing.lastAnsweredAt === null) {
    return { ok: false, refusal: 'NOT_ANSWERED' };
  }
  if (standing.reopens >= MAX_REOPENS) return { ok: false, refusal: 'REOPENED_ALREADY' };
  if (Date.parse(at) > Date.parse(reopenWindowEnd(standing.lastAnsweredAt))) {
    return { ok: false, refusal: 'REOPEN_WINDOW_CLOSED' };
  }
  return { ok: true, next: { ...standing, status: 'reopened', reopens: standing.reopens + 1 } };
}

/**
 * What follows an answer, by the reopens used so far: with the reopen used up the complaint
 * closes at once; otherwise it closes when the reopen window ends without a reopen.
 */
export function closesAfterAnswer(reopens: number): 'now' | 'afterReopenWindow' {
  return reopens >= MAX_REOPENS ? 'now' : 'afterReopenWindow';
}
