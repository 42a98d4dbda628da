// Shapes that cross between the permit workflow and its activities (plain JSON).
import type { ResponseDeadline } from '../../domain/catalog/catalogSchema.js';
import type { FileStatus } from '../../domain/stages/fileState.js';

export type { PauseRecord, PlanStageClockInput, StageClockPlan } from '../../domain/sla/stageClockPlan.js';

export type Audience = 'applicant' | 'role' | 'managers' | 'second_level';

export interface NotificationRequest {
  /** Unique per notification: a retried activity adds no second row and sends nothing twice. */
  eventKey: string;
  audience: Audience;
  /** applicant: {}; role/second_level: { role, department }; managers: { department }. */
  recipient: { role?: string; department?: string };
  template: string;
  params: Record<string, string | number | boolean | null>;
}

export interface ReadModelUpdate {
  status: FileStatus;
  stageKey: string | null;
  stageIndex: number;
  assignedRole: string | null;
  assignedDepartment: string | null;
  deadline: string | null;
  deadlineClock: 'workingTime' | 'elapsed' | null;
  deadlineUncovered: boolean;
  paused: boolean;
  pausedWorkingMs: number;
  pauseCount: number;
  clockStartedAt: string | null;
  decidedAt: string | null;
  decidedWithinSla: boolean | null;
  permitNumber: string | null;
}

export interface TransitionRecord {
  workflowId: string;
  sequence: number;
  occurredAt: string;
  actor: { kind: string; id?: string; role?: string };
  action: string;
  fromStatus: FileStatus | null;
  toStatus: FileStatus;
  stageKey: string | null;
  reason?: string;
  details: Record<string, unknown>;
  readModel: ReadModelUpdate;
  notifications: NotificationRequest[];
}

export interface ApplicantDeadlineInput {
  from: string;
  deadline: ResponseDeadline;
}
