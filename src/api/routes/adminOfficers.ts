import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AdminActor } from '../../services/index.js';
import type { ApiContext } from '../apiContext.js';
import { adminOnly, callerOf } from '../middleware/auth.js';
import { requestOrigin } from '../middleware/observeRequests.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { preferredLanguage } from '../problems/language.js';

const roleSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/)
  .describe('A role of the catalog (verifikator, tim_teknis, kepala, manager, kepala_kantor, ...)');
const departmentSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_-]{0,39}$/)
  .describe('A department code such as DPMPTSP or DINKES');

const officerFields = {
  name: z.string().trim().min(1).max(120),
  telegramUserId: z.int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
  roles: z.array(roleSchema).min(1).max(20),
  departments: z.array(departmentSchema).min(1).max(20),
  active: z.boolean(),
};

const createSchema = z.strictObject({
  ...officerFields,
  telegramUserId: officerFields.telegramUserId.optional(),
  active: officerFields.active.optional(),
});

const patchSchema = z
  .strictObject({
    name: officerFields.name.optional(),
    telegramUserId: officerFields.telegramUserId.optional(),
    roles: officerFields.roles.optional(),
    departments: officerFields.departments.optional(),
    active: officerFields.active.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' });

const officerSchema = z.object({
  id: z.string(),
  name: z.string(),
  telegramUserId: z.number().nullable(),
  roles: z.array(z.string()),
  departments: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const idParams = z.strictObject({ id: z.uuid() });

const API_KEY_NOTICE = {
  id: 'Simpan kunci API ini sekarang: kunci hanya ditampilkan sekali dan disimpan dalam bentuk hash.',
  en: 'Store this API key now: it is shown only once and stored only as a hash.',
};

/** The admin token holder, identified by a fingerprint of the token, with the request's origin. */
function adminActor(req: Request, res: Response): AdminActor {
  const caller = callerOf(res);
  return {
    kind: 'admin',
    id: caller.kind === 'admin' ? caller.actorId : 'unknown',
    meta: requestOrigin(req, res),
  };
}

export function adminOfficerRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  const admin = [adminOnly(ctx)];
  const common = {
    tags: ['administration'],
    security: ['adminToken' as const],
    beforeBody: admin,
  };
  routes.add(
    {
      ...common,
      method: 'post',
      path: '/api/v1/admin/officers',
      operationId: 'createOfficer',
      summary: 'Register an officer; the answer holds the API key, shown once',
      body: { kind: 'json', schema: createSchema },
      responses: {
        201: {
          description: 'Created',
          schema: z.object({ officer: officerSchema, apiKey: z.string(), apiKeyNotice: z.string() }),
        },
        401: { description: 'No valid admin token' },
        403: { description: 'ADMIN_TOKEN is not configured' },
        409: { description: 'The Telegram user ID belongs to another officer' },
      },
    },
    async (req, res, { body }) => {
      const created = await ctx.services.officers.createOfficer(adminActor(req, res), body);
      res
        .status(201)
        .location(`/api/v1/admin/officers/${created.officer.id}`)
        .json({ ...created, apiKeyNotice: API_KEY_NOTICE[preferredLanguage(req)] });
    },
  );
  routes.add(
    {
      ...common,
      method: 'get',
      path: '/api/v1/admin/officers',
      operationId: 'listOfficers',
      summary: 'Every officer (API keys are never shown again)',
      responses: {
        200: { description: 'Officers', schema: z.object({ officers: z.array(officerSchema) }) },
        401: { description: 'No valid admin token' },
        403: { description: 'ADMIN_TOKEN is not configured' },
      },
    },
    async (_req, res) => {
      res.json({ officers: await ctx.services.officers.listOfficers() });
    },
  );
  routes.add(
    {
      ...common,
      method: 'patch',
      path: '/api/v1/admin/officers/{id}',
      operationId: 'updateOfficer',
      summary: 'Change name, Telegram user ID, roles, departments or the active flag',
      params: idParams,
      body: { kind: 'json', schema: patchSchema },
      responses: {
        200: { description: 'Changed', schema: officerSchema },
        401: { description: 'No valid admin token' },
        403: { description: 'ADMIN_TOKEN is not configured' },
        404: { description: 'No such officer' },
        409: { description: 'The Telegram user ID belongs to another officer' },
      },
    },
    async (req, res, { params, body }) => {
      res.json(await ctx.services.officers.updateOfficer(adminActor(req, res), params.id, body));
    },
  );
  routes.add(
    {
      ...common,
      method: 'get',
      path: '/api/v1/admin/officers/{id}/audit',
      operationId: 'officerAdminAudit',
      summary: 'Who changed this officer record, when, and what changed',
      params: idParams,
      responses: {
        200: {
          description: 'Administrative history, oldest first',
          schema: z.object({
            entries: z.array(
              z.object({
                id: z.int(),
                occurredAt: z.string(),
                actorKind: z.string(),
                actorId: z.string(),
                action: z.string(),
                targetKind: z.string(),
                targetId: z.string(),
                changes: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
        },
        401: { description: 'No valid admin token' },
        403: { description: 'ADMIN_TOKEN is not configured' },
      },
    },
    async (_req, res, { params }) => {
      res.json({ entries: await ctx.services.officers.adminAudit(params.id) });
    },
  );
}
