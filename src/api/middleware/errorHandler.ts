import type { ErrorRequestHandler } from 'express';
import { maskNikRuns } from '../../domain/identifiers/nik.js';
import type { Logger } from '../../logging/logger.js';
import { errorToProblem } from '../problems/errorToProblem.js';
import { sendProblem } from '../problems/problem.js';

/** A 16-digit run in an error text may be a NIK (e.g. quoted by a database error). */
const maskDigits = (text: string | undefined) => (text === undefined ? undefined : maskNikRuns(text));

/** Last handler: every error becomes problem+json; only unexpected ones are logged with a stack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { problem, internal } = errorToProblem(error);
    const where = {
      requestId: res.locals.requestId,
      method: req.method,
      route: res.locals.route ?? 'unmatched',
    };
    if (internal) {
      const e = error instanceof Error ? error : new Error(String(error));
      logger.error(
        { ...where, error: { name: e.name, message: maskDigits(e.message), stack: maskDigits(e.stack) } },
        'unexpected error',
      );
    } else if (problem.status === 503) {
      logger.warn({ ...where, dependency: problem.extra.dependency }, 'dependency unavailable');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    sendProblem(req, res, problem);
  };
}
