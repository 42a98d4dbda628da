// The activities a permit file's steps call, each proxy with only the activities it is for.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { PermitActivities } from '../../activities/permit/permitActivities.js';
import type { createPermitDocumentActivities } from '../../activities/permit/permitDocumentActivities.js';

// Calendar arithmetic runs in local activities: the result is recorded in history, so a later
// change of the holiday data never breaks replay of a running file.
export const calendar = proxyLocalActivities<Pick<PermitActivities, 'planStageClock' | 'applicantDeadline'>>({
  startToCloseTimeout: '10 seconds',
});

// Recording a transition (audit event, read model, outbox notices: one short transaction) is a
// local activity, so a file's step is one workflow task on the server, not three. Notices are
// sent from the outbox by the worker's dispatcher, not from here. Database errors retry with
// back-off; past a minute the retries wait on server timers.
export const transitions = proxyLocalActivities<Pick<PermitActivities, 'recordTransition'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Business errors are thrown non-retryable; infrastructure errors retry with back-off.
export const permitNumbers = proxyActivities<Pick<PermitActivities, 'issuePermitNumber'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Rendering the permit PDF takes a moment and may meet a database outage: a normal activity,
// retried with back-off like the permit number. It is idempotent (the first document stays).
export const permitDocuments = proxyActivities<ReturnType<typeof createPermitDocumentActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
