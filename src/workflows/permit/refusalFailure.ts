import { ApplicationFailure } from '@temporalio/workflow';
import { ActionRefusedError } from '../../domain/stages/refusals.js';

/**
 * Runs a step of the file; a refusal of the stage machine leaves as a typed, non-retryable
 * failure, which the caller of an update reads (type = the refusal's reason, details = the refusal).
 */
export function refusedAsFailure<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof ActionRefusedError)) throw error;
    const { refusal } = error;
    throw ApplicationFailure.create({
      type: refusal.reason,
      message: refusal.message.en,
      nonRetryable: true,
      details: [refusal],
    });
  }
}
