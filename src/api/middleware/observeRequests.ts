import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { maskNikRuns } from '../../domain/identifiers/nik.js';
import type { Logger } from '../../logging/logger.js';
import type { ApiMetrics } from '../metrics/apiMetrics.js';

/** Any 16-digit run (a NIK a client put in a path by mistake) is masked before it is logged. */
const maskDigits = (path: string) => maskNikRuns(path);

/**
 * One log line per request with method, path (no query string), route template, status and
 * duration — never headers or bodies, which hold access codes, keys and personal data — and
 * the latency histogram.
 */
export function observeRequests(logger: Logger, metrics: ApiMetrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (res.locals.route as string | undefined) ?? 'unmatched';
      metrics.httpDuration.observe(
        { method: req.method, route, status_code: String(res.statusCode) },
        seconds,
      );
      logger.info(
        {
          requestId,
          method: req.method,
          path: maskDigits(req.path),
          route,
          status: res.statusCode,
          durationMs: Math.round(seconds * 10_000) / 10,
        },
        'request',
      );
    });
    next();
  };
}

/** Where a request came from, for audit records: the client address and this request's ID. */
export function requestOrigin(req: Request, res: Response): Record<string, string> {
  return { ip: req.ip ?? '', requestId: String(res.locals.requestId ?? '') };
}
