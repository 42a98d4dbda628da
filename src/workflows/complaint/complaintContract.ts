// What crosses between a complaint's workflow, its callers and its activities: ids, category,
// department and the deadline policy — never the complaint's text or who filed it.
import { defineSignal } from '@temporalio/workflow';
import type { ComplaintCategory } from '../../domain/complaints/complaintCategories.js';
import type { ComplaintPolicy } from '../../domain/complaints/complaintRouting.js';

export interface ComplaintWorkflowInput {
  ticket: string;
  category: ComplaintCategory;
  department: string;
  /** ISO instant the complaint was filed: the answer deadline counts from it. */
  filedAt: string;
  policy: Pick<ComplaintPolicy, 'responseDeadline' | 'reminderAt' | 'secondLevelRole'>;
}

/** The office answered (the answer is stored in PostgreSQL before this is sent). */
export const complaintAnsweredSignal = defineSignal<[{ round: number }]>('complaintAnswered');

/** The complainant reopened the complaint at `at`: a new answer deadline counts from then. */
export const complaintReopenedSignal = defineSignal<[{ at: string }]>('complaintReopened');

export const complaintWorkflowId = (ticket: string): string => `complaint-${ticket}`;
