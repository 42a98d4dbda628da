import type { RequestHandler } from 'express';

/** Names the route for the request log and the latency metric, as the API's registry does. */
export function routeName(name: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.route = name;
    next();
  };
}
