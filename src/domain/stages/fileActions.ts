// Who can act on a file and what they can do. Plain data: these cross the Temporal boundary
// as Update arguments.

export type Actor =
  | { kind: 'officer'; officerId: string; roles: readonly string[]; departments: readonly string[] }
  | { kind: 'applicant' }
  | { kind: 'system' }
  | { kind: 'payment_gateway' };

export type FileAction =
  | { type: 'approve'; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'revise'; note: string }
  | { type: 'resubmit' }
  | { type: 'withdraw' }
  | { type: 'pay'; reference: string }
  | { type: 'lapse' }
  | { type: 'deadline_missed' };

export type FileActionType = FileAction['type'];

export const FILE_ACTION_TYPES: readonly FileActionType[] = [
  'approve',
  'reject',
  'revise',
  'resubmit',
  'withdraw',
  'pay',
  'lapse',
  'deadline_missed',
];

export type Transition =
  | 'stage_approved' // an officer stage approved; the next officer stage starts
  | 'payment_requested' // an officer stage approved; the next stage waits for the applicant's payment
  | 'issued'
  | 'rejected'
  | 'revision_requested'
  | 'resubmitted'
  | 'withdrawn'
  | 'paid'
  | 'expired'
  | 'deemed_approved';
