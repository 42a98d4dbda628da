// Who a complaint goes to and how its deadline escalates. Pure module: imported by workflow code.

import { type ComplaintCategory, reachesSecondLevelAtOnce } from './complaintCategories.js';

/** The complaints section beside the permit catalog (see catalog's `complaints:`). */
export interface ComplaintPolicy {
  /** How long the office has to answer: working days, or an ISO duration (tests, drills). */
  responseDeadline: { workingDays: number } | { duration: string };
  /** Share of the deadline's clock time after which the managers are reminded. */
  reminderAt: number;
  /** The department that handles complaints not about a file (anonymous reports). */
  defaultDepartment: string;
  /** The role alerted when an answer is overdue, and at once for a pungli report. */
  secondLevelRole: string;
}

/** The department concerned: the file's, or the configured default for anonymous complaints. */
export function complaintDepartment(fileDepartment: string | null, policy: ComplaintPolicy): string {
  return fileDepartment ?? policy.defaultDepartment;
}

export type ComplaintRecipient =
  | { audience: 'managers'; department: string }
  | { audience: 'second_level'; role: string; department: string };

/** Who hears of a new complaint at once: the department's managers, and for pungli the second level. */
export function recipientsOfNewComplaint(
  category: ComplaintCategory,
  department: string,
  policy: Pick<ComplaintPolicy, 'secondLevelRole'>,
): ComplaintRecipient[] {
  const managers: ComplaintRecipient = { audience: 'managers', department };
  if (!reachesSecondLevelAtOnce(category)) return [managers];
  return [managers, { audience: 'second_level', role: policy.secondLevelRole, department }];
}

/** What each checkpoint of the answer deadline does: remind the managers, or escalate when missed. */
export function recipientOfCheckpoint(
  kind: 'reminder' | 'breach',
  department: string,
  policy: Pick<ComplaintPolicy, 'secondLevelRole'>,
): ComplaintRecipient {
  return kind === 'reminder'
    ? { audience: 'managers', department }
    : { audience: 'second_level', role: policy.secondLevelRole, department };
}
