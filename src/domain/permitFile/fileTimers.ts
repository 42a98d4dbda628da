// What a file's main loop waits for when no action is queued: the next SLA checkpoint of the
// officer stage under review, or the applicant's deadline while the file waits on them.
import type { Checkpoint } from '../sla/slaPlan.js';
import type { PermitFile } from './permitFile.js';

export type Timer =
  | { kind: 'checkpoint'; checkpoint: Checkpoint }
  | { kind: 'applicantDeadline'; at: string };

export function nextTimer(file: PermitFile): Timer | null {
  const { status } = file.state;
  if (status === 'IN_REVIEW') {
    const next = file.clock?.plan?.checkpoints.find((c) => !file.clock?.fired.has(c.kind));
    return next ? { kind: 'checkpoint', checkpoint: next } : null;
  }
  if (status === 'AWAITING_REVISION' || status === 'AWAITING_PAYMENT') {
    return file.applicantDeadline ? { kind: 'applicantDeadline', at: file.applicantDeadline } : null;
  }
  return null;
}

/** The instant the timer is due (ISO 8601), as the calendar activity computed it. */
export function timerDueAt(timer: Timer): string {
  return timer.kind === 'checkpoint' ? timer.checkpoint.at : timer.at;
}
