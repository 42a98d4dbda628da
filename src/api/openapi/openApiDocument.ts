import { z } from 'zod';
import { problemSchema } from '../schemas/common.js';
import { type AuthScheme, JSON_BODY_LIMIT, type RouteSpec } from './routeRegistry.js';

type JsonObject = Record<string, unknown>;

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1) of a zod schema, inlined. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonObject;
  return rest;
}

const SECURITY_SCHEMES: Record<AuthScheme, JsonObject> = {
  officerKey: {
    type: 'http',
    scheme: 'bearer',
    description: "An officer's API key (created by an admin, shown once): `Authorization: Bearer po_...`.",
  },
  adminToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'The ADMIN_TOKEN of this installation: `Authorization: Bearer <ADMIN_TOKEN>`.',
  },
  accessCode: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Access-Code',
    description: "The applicant's access code, given once with the registration number.",
  },
  paymentSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Signature',
    description:
      'HMAC-SHA256 of the raw request body with PAYMENT_WEBHOOK_SECRET, as `sha256=<hex>`; compared in constant time.',
  },
};

/**
 * Error answers an operation may give besides its own, from what it is: the middleware in front
 * of /api/v1 (caller identification, rate limits), path parameters, and how its body is read.
 */
function commonErrors(spec: RouteSpec): Record<number, string> {
  const errors: Record<number, string> = {
    400: 'The request is malformed or does not match the schema (problem+json with `errors`).',
  };
  const underApi = spec.path.startsWith('/api/v1/');
  if (underApi) {
    errors[401] =
      "An Authorization header was sent that is neither an active officer's API key nor the admin " +
      'token. Where credentials are optional, send no Authorization header at all.';
  }
  if (spec.params) {
    errors[404] =
      'A path parameter is malformed, so it names nothing (the same answer as for nothing found).';
  }
  if (spec.body?.kind === 'json' || spec.body?.kind === 'rawJson') {
    const limit = spec.body.kind === 'rawJson' ? `${spec.body.maxBytes / 1024} KB` : JSON_BODY_LIMIT;
    errors[413] = `The JSON body is larger than ${limit}.`;
    errors[415] = 'The body is not JSON: send it with Content-Type: application/json.';
  }
  if (underApi)
    errors[429] = 'Too many requests or failed authentications from this address; see Retry-After.';
  errors[500] = 'An unexpected error; logged, no details are given.';
  errors[503] = 'PostgreSQL or Temporal cannot be reached; see Retry-After. Nothing was lost: retry.';
  return errors;
}

function problemResponse(description: string): JsonObject {
  return {
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

function operation(spec: RouteSpec): JsonObject {
  const parameters: JsonObject[] = [];
  if (spec.params) {
    for (const [name, schema] of Object.entries(spec.params.shape)) {
      parameters.push({ name, in: 'path', required: true, schema: jsonSchema(schema as z.ZodType, 'input') });
    }
  }
  for (const header of spec.headers ?? []) {
    parameters.push({
      name: header.name,
      in: 'header',
      required: header.required,
      description: header.description,
      schema: jsonSchema(header.schema, 'input'),
    });
  }
  const responses: JsonObject = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    const isProblem = Number(status) >= 400;
    if (isProblem && !response.schema) {
      responses[status] = problemResponse(response.description);
      continue;
    }
    responses[status] = {
      description: response.description,
      ...(response.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(response.headers).map(([name, description]) => [
                name,
                { description, schema: { type: 'string' } },
              ]),
            ),
          }
        : {}),
      ...(response.schema
        ? {
            content: {
              [response.contentType ?? 'application/json']: { schema: jsonSchema(response.schema, 'output') },
              ...Object.fromEntries(
                (response.alsoAs ?? []).map((type) => [type, { schema: { type: 'string' } }]),
              ),
            },
          }
        : response.contentType
          ? { content: { [response.contentType]: { schema: { type: 'string' } } } }
          : {}),
    };
  }
  for (const [status, description] of Object.entries(commonErrors(spec))) {
    responses[status] ??= problemResponse(description);
  }
  const op: JsonObject = {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    ...(parameters.length > 0 ? { parameters } : {}),
    security:
      spec.security && spec.security.length > 0
        ? spec.security.map((s) => (s === 'anonymous' ? {} : { [s]: [] }))
        : [],
    responses,
  };
  if (spec.body?.kind === 'json' || spec.body?.kind === 'rawJson') {
    op.requestBody = {
      required: spec.body.kind === 'rawJson' || spec.body.required !== false,
      content: { 'application/json': { schema: jsonSchema(spec.body.schema, 'input') } },
    };
  } else if (spec.body?.kind === 'multipart') {
    const fields = jsonSchema(spec.body.fields, 'input');
    op.requestBody = {
      required: true,
      description: spec.body.description,
      content: {
        'multipart/form-data': {
          schema: {
            ...fields,
            properties: {
              ...(fields.properties as JsonObject),
              file: { type: 'string', contentMediaType: 'application/octet-stream' },
            },
            required: [...((fields.required as string[]) ?? []), 'file'],
          },
          encoding: { file: { contentType: 'application/pdf, image/jpeg, image/png' } },
        },
      },
    };
  }
  return op;
}

/** The OpenAPI 3.1 document of every declared route, built from the schemas that validate them. */
export function buildOpenApiDocument(specs: readonly RouteSpec[], info: { version: string }): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const spec of specs) {
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Perizinan Online — DPMPTSP Kabupaten Serang',
      version: info.version,
      description:
        'Online permit applications with working-day SLAs. Errors are RFC 9457 problem+json; ' +
        '`detail` is Indonesian unless `Accept-Language` prefers English.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
