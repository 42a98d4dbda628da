import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import type { z } from 'zod';
import { notFoundProblem, Problem } from '../problems/problem.js';
import { validationProblem } from '../problems/validationProblem.js';

/** How a caller proves who they are; each maps to an OpenAPI security scheme. */
export type AuthScheme = 'officerKey' | 'adminToken' | 'accessCode' | 'paymentSignature';
/** `anonymous` in a route's security list: credentials are optional there. */
export type SecurityOption = AuthScheme | 'anonymous';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
  /** Other media types the same answer comes in when the client asks for them (Accept). */
  alsoAs?: string[];
  headers?: Record<string, string>;
}

export interface HeaderSpec {
  name: string;
  required: boolean;
  description: string;
  schema: z.ZodType;
}

export type BodySpec =
  | { kind: 'json'; schema: z.ZodType; required?: boolean }
  /** Kept as bytes until `afterBody` handlers (e.g. a signature check) ran, then parsed as JSON. */
  | { kind: 'rawJson'; schema: z.ZodType; maxBytes: number }
  | { kind: 'multipart'; fields: z.ZodObject; description: string };

export interface RouteSpec {
  method: 'get' | 'post' | 'patch';
  /** OpenAPI path template, e.g. `/api/v1/applications/{registrationNumber}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Alternatives (any one suffices); omitted or empty: public. */
  security?: SecurityOption[];
  params?: z.ZodObject;
  headers?: HeaderSpec[];
  body?: BodySpec;
  responses: Record<number, ResponseSpec>;
  /** Runs before the body is read (authentication, rate limits). */
  beforeBody?: RequestHandler[];
  /** Runs after the body is read, before it is validated (e.g. the HMAC signature of raw bytes). */
  afterBody?: RequestHandler[];
}

export interface ValidatedInput<S extends RouteSpec> {
  params: S['params'] extends z.ZodObject ? z.output<S['params']> : Record<string, never>;
  body: S['body'] extends { schema: z.ZodType } ? z.output<S['body']['schema']> : undefined;
}

export type RouteHandler<S extends RouteSpec> = (
  req: Request,
  res: Response,
  input: ValidatedInput<S>,
) => Promise<void> | void;

/** JSON bodies are limited to 1 MB (uploads have their own, per document kind). */
export const JSON_BODY_LIMIT = '1mb';

const jsonParser = express.json({
  limit: JSON_BODY_LIMIT,
  strict: true,
  type: ['application/json', 'application/*+json'],
});

const unsupportedMediaType = () =>
  new Problem(415, 'unsupported-media-type', {
    id: 'Kirim isi permintaan sebagai JSON dengan Content-Type: application/json.',
    en: 'Send the request body as JSON with Content-Type: application/json.',
  });

const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

function bodyReaders(body: BodySpec | undefined): RequestHandler[] {
  if (!body || body.kind === 'multipart') return [];
  if (body.kind === 'json') {
    return [
      (req, _res, next) => {
        if (hasBody(req) && !req.is(['application/json', 'application/*+json'])) throw unsupportedMediaType();
        next();
      },
      jsonParser,
    ];
  }
  return [
    (req, _res, next) => {
      if (!req.is('application/json')) throw unsupportedMediaType();
      next();
    },
    express.raw({ type: 'application/json', limit: body.maxBytes }),
  ];
}

function validator(spec: RouteSpec): RequestHandler {
  return (req, res, next) => {
    const input: { params: unknown; body: unknown } = { params: {}, body: undefined };
    if (spec.params) {
      const parsed = spec.params.safeParse(req.params);
      // Path parameters name things: a malformed one names nothing, so it is simply not found.
      if (!parsed.success) throw notFoundProblem();
      input.params = parsed.data;
    }
    if (spec.body && spec.body.kind !== 'multipart') {
      let raw: unknown = req.body;
      if (spec.body.kind === 'rawJson') {
        try {
          raw = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
        } catch {
          throw new Problem(400, 'malformed-json', {
            id: 'Isi permintaan bukan JSON yang sah.',
            en: 'The request body is not valid JSON.',
          });
        }
      }
      const absent = raw === undefined && !hasBody(req);
      if (absent && spec.body.kind === 'json' && spec.body.required !== false) {
        throw new Problem(400, 'invalid-request', {
          id: 'Isi permintaan (JSON) wajib dikirim.',
          en: 'A JSON request body is required.',
        });
      }
      if (!absent) {
        const parsed = spec.body.schema.safeParse(raw);
        if (!parsed.success) throw validationProblem('body', parsed.error);
        input.body = parsed.data;
      }
    }
    res.locals.input = input;
    res.locals.route = spec.path;
    next();
  };
}

const expressPath = (openApiPath: string) => openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');

/**
 * The one place routes are declared: each declaration mounts the express handler with its
 * validation and is kept for the OpenAPI document, so the document and the server cannot
 * disagree about what exists and what a request must look like.
 */
export class ApiRoutes {
  readonly router = Router();
  readonly specs: RouteSpec[] = [];

  add<S extends RouteSpec>(spec: S, handler: RouteHandler<S>): void {
    this.specs.push(spec);
    this.router[spec.method](
      expressPath(spec.path),
      (_req, res, next) => {
        res.locals.route = spec.path;
        next();
      },
      ...(spec.beforeBody ?? []),
      ...bodyReaders(spec.body),
      ...(spec.afterBody ?? []),
      validator(spec),
      (req, res) => handler(req, res, res.locals.input as ValidatedInput<S>),
    );
  }

  /** Documents a route another router serves (the public pages' JSON answers), without mounting it. */
  describe(spec: RouteSpec): void {
    this.specs.push(spec);
  }
}
