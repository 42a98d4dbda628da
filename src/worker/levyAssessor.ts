import type { Pool } from '../db/pool.js';
import { issueSkrd, paymentRequestOf, type SkrdIssuerDependencies } from '../notifications/skrdIssuer.js';
import { paymentRequestsWithoutAssessment } from '../repositories/levyAssessmentRepository.js';
import { type PeriodicJob, startPeriodicJob } from './periodicJob.js';

export interface LevyAssessorDependencies extends SkrdIssuerDependencies {
  pool: Pool;
}

/**
 * One pass: issues the SKRD of every file awaiting payment that has none yet, from its
 * `payment_requested` notice, so that the assessment exists whether or not any channel delivers
 * notices (a deployment without a bot token, an applicant who applied by API). The notice's
 * delivery then finds and attaches the stored SKRD. A file that cannot be assessed is reported
 * and does not hold up the others.
 */
export async function assessPendingLevies(
  deps: LevyAssessorDependencies,
  options: { batchSize?: number; onFileFailed?: (error: unknown, registrationNumber: string) => void } = {},
): Promise<{ issued: string[] }> {
  const issued: string[] = [];
  const pending = await paymentRequestsWithoutAssessment(deps.pool, options.batchSize ?? 100);
  for (const { registrationNumber, params } of pending) {
    const request = paymentRequestOf(registrationNumber, params);
    if (!request) continue;
    try {
      await issueSkrd(deps.pool, deps, request);
      issued.push(registrationNumber);
    } catch (error) {
      options.onFileFailed?.(error, registrationNumber);
    }
  }
  return { issued };
}

/** Runs `assessPendingLevies` every `intervalMs` beside the worker, and when notices are queued. */
export function startLevyAssessor(
  deps: LevyAssessorDependencies,
  options: {
    intervalMs?: number;
    onIssued?: (registrationNumbers: string[]) => void;
    onFileFailed?: (error: unknown, registrationNumber: string) => void;
    onError?: (error: unknown) => void;
  } = {},
): PeriodicJob {
  return startPeriodicJob(
    async () => {
      const { issued } = await assessPendingLevies(deps, { onFileFailed: options.onFileFailed });
      if (issued.length > 0) options.onIssued?.(issued);
    },
    { intervalMs: options.intervalMs ?? 60_000, runAtStart: true, onError: options.onError },
  );
}
