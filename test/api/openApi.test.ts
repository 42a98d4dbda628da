import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiApp } from '../../src/api/createApp.js';
import { type ApiTestStack, startApiTestStack } from './support/apiStack.js';
import { call } from './support/httpClient.js';

let api: ApiTestStack;
let document: { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };

beforeAll(async () => {
  api = await startApiTestStack('api_openapi', { worker: false });
  const res = await call<typeof document>(api.url, 'GET', '/api/v1/openapi.json');
  expect(res.status).toBe(200);
  document = res.body;
});
afterAll(async () => {
  await api?.stop();
});

/** Every method + path the express app really serves, read from its router stack. */
function servedRoutes(app: ApiApp): string[] {
  const found: string[] = [];
  const walk = (
    stack: { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[],
  ) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all')
            found.push(`${method.toUpperCase()} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack as typeof stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Parameters<typeof walk>[0] } }).router.stack);
  return found.sort();
}

test('the document is a valid OpenAPI 3.1 document', async () => {
  expect(document.openapi).toBe('3.1.0');
  // The parser dereferences in place: give it a copy.
  const result = await validate(structuredClone(document) as never);
  if (!result.valid) throw new Error(compileErrors(result));
  expect(result.valid).toBe(true);
});

test('the document lists exactly the routes the server serves', () => {
  const documented = Object.entries(document.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
  // The public pages (src/web/routes) are HTML for people, not API operations: outside /api/
  // only the documented routes (health, metrics) are held to the document.
  const documentedSet = new Set(documented);
  const served = servedRoutes(api.app).filter(
    (route) => route.split(' ')[1]?.startsWith('/api/') || documentedSet.has(route),
  );
  expect(served.length).toBeGreaterThanOrEqual(19);
  expect(documented).toEqual(served);
});

test('every endpoint of the issue is there', () => {
  const expected = [
    'GET /api/v1/permit-types',
    'GET /api/v1/permit-types/{code}',
    'POST /api/v1/applications',
    'POST /api/v1/applications/{registrationNumber}/documents',
    'GET /api/v1/applications/{registrationNumber}',
    'POST /api/v1/applications/{registrationNumber}/decisions',
    'POST /api/v1/applications/{registrationNumber}/resubmission',
    'POST /api/v1/applications/{registrationNumber}/withdrawal',
    'POST /api/v1/payments/callback',
    'GET /api/v1/inbox',
    'POST /api/v1/admin/officers',
    'GET /api/v1/admin/officers',
    'PATCH /api/v1/admin/officers/{id}',
    'GET /api/v1/stats',
    'GET /healthz',
    'GET /readyz',
    'GET /metrics',
    'GET /api/v1/openapi.json',
  ];
  expect(servedRoutes(api.app)).toEqual(expect.arrayContaining(expected));
});

test('the request schemas in the document are the ones that validate requests', async () => {
  const op = (document.paths['/api/v1/applications'] as Record<string, unknown>).post as {
    requestBody: {
      content: { 'application/json': { schema: { required: string[]; additionalProperties: boolean } } };
    };
    parameters: { name: string; in: string; required: boolean }[];
  };
  const schema = op.requestBody.content['application/json'].schema;
  expect(schema.required).toEqual(['permitTypeCode', 'formData']);
  expect(schema.additionalProperties).toBe(false);
  expect(op.parameters).toContainEqual(
    expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
  );
  // And the server indeed refuses what the document forbids.
  const res = await call(api.url, 'POST', '/api/v1/applications', {
    body: { permitTypeCode: 'TEST-FREE', formData: {}, extra: 1 },
    headers: { 'idempotency-key': 'a-valid-key-123' },
  });
  expect(res.status).toBe(400);
});
