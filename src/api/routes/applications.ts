import { z } from 'zod';
import type { FileStatusView } from '../../services/index.js';
import type { ApiContext } from '../apiContext.js';
import { callerOf, markAuthFailed, serviceCaller } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { preferredLanguage } from '../problems/language.js';
import { notFoundProblem, Problem } from '../problems/problem.js';
import {
  accessCodeHeader,
  documentReferenceSchema,
  idempotencyKeyHeader,
  idempotencyKeySchema,
  localizedTextSchema,
  permitTypeCodeSchema,
  registrationNumberParams,
} from '../schemas/common.js';
import { complaintListItemSchema } from '../schemas/complaint.js';

const submissionSchema = z.strictObject({
  permitTypeCode: permitTypeCodeSchema,
  formData: z
    .record(z.string().min(1).max(64), z.union([z.string().max(2000), z.number()]))
    .refine((data) => Object.keys(data).length <= 60, { message: 'at most 60 fields' })
    .describe('Field values by key, as the permit type defines them (NIK as 16 digits)'),
  documents: z
    .array(documentReferenceSchema)
    .max(30)
    .default([])
    .describe(
      'Uploaded documents (POST /api/v1/documents), by kind, sha256 and the uploadToken the upload ' +
        'answered with; an upload serves the one file that names it first',
    ),
});

const receiptSchema = z.object({
  registrationNumber: z.string(),
  accessCode: z
    .string()
    .nullable()
    .describe(
      'Shown once, in the first successful answer (stored only as a hash); null on a later replay. A retry after failed attempts gets a new one',
    ),
  accessCodeNotice: z
    .string()
    .optional()
    .describe('On a replay: why there is no access code (Accept-Language)'),
  replayed: z.boolean().describe('True when this answers a repeated Idempotency-Key'),
  status: z
    .string()
    .describe(
      'IN_REVIEW for a new file (its submission is recorded before the answer); on a replay, the current status',
    ),
  stage: z.string().nullable(),
  stageName: localizedTextSchema.nullable(),
  deadline: z
    .string()
    .nullable()
    .describe(
      "Deadline of the current stage (ISO 8601); for a new file, the first stage's, counted from submission",
    ),
});

const historyItemSchema = z.object({
  sequence: z.int(),
  at: z.string(),
  actorKind: z.string(),
  actorRole: z.string().nullable(),
  action: z.string(),
  reason: z.string().nullable(),
});

const statusSchema = z.object({
  registrationNumber: z.string(),
  permitTypeCode: z.string(),
  status: z.string(),
  stage: z.string().nullable(),
  stageName: localizedTextSchema.nullable(),
  assignedRole: z.string().nullable(),
  assignedDepartment: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineUncovered: z.boolean().describe('True when the deadline lies beyond the loaded holiday calendar'),
  paused: z.boolean(),
  pausedWorkingMs: z.number().describe('Working time the stage clock was stopped (waiting on the applicant)'),
  pauseCount: z.int(),
  permitNumber: z.string().nullable(),
  channel: z.string(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  feeAmount: z.number().nullable(),
  payment: z
    .object({
      amount: z.number().describe('The levy assessed (and, once paid, the amount paid: the same)'),
      billingCode: z
        .string()
        .nullable()
        .describe(
          "The SKRD's kode bayar (GET .../skrd), the only reference to pay under; null before it is issued",
        ),
      dueAt: z.string().nullable().describe('End of the payment deadline'),
      reference: z.string().nullable().describe("The payment gateway's reference once paid"),
      paidAt: z
        .string()
        .nullable()
        .describe('When it was paid, as the gateway confirmed it; GET .../receipt then answers the receipt'),
    })
    .nullable()
    .describe('The levy and its payment; null for a file without a levy or before its payment stage'),
  formData: z.record(z.string(), z.unknown()).describe('NIK masked unless the caller may see it'),
  documents: z.array(
    z.object({ kind: z.string(), sha256: z.string(), mimeType: z.string(), sizeBytes: z.number() }),
  ),
  history: z.array(historyItemSchema),
  openedBy: z
    .array(
      z.object({
        role: z.string(),
        department: z.string(),
        times: z.int(),
        lastAt: z.string(),
      }),
    )
    .optional()
    .describe(
      'For the applicant only: the officers who opened the file, by role and department (no names), with how often and when last',
    ),
  complaints: z
    .array(complaintListItemSchema)
    .optional()
    .describe(
      "For the department's managers only: complaints about the file (ticket, category, status; no text)",
    ),
});

function stageName(ctx: ApiContext, permitTypeCode: string, stageKey: string | null) {
  if (!stageKey) return null;
  return (
    ctx.services.catalog.permitType(permitTypeCode)?.stages.find((s) => s.key === stageKey)?.name ?? null
  );
}

function statusView(ctx: ApiContext, s: FileStatusView): z.input<typeof statusSchema> {
  const { stageKey, ...rest } = s;
  return {
    ...rest,
    stage: stageKey,
    stageName: stageName(ctx, s.permitTypeCode, stageKey),
    documents: s.documents.map((d) => ({
      kind: d.kind,
      sha256: d.sha256,
      mimeType: d.mimeType,
      sizeBytes: d.sizeBytes,
    })),
  };
}

const REPLAY_NOTICE = {
  id: 'Permohonan ini sudah diterima sebelumnya dengan Idempotency-Key yang sama. Kode akses hanya ditampilkan sekali, pada jawaban berhasil yang pertama, karena hanya disimpan dalam bentuk hash.',
  en: 'This application was already received with the same Idempotency-Key. The access code is shown only once, in the first successful answer, because only its hash is stored.',
};

export function applicationRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  routes.add(
    {
      method: 'post',
      path: '/api/v1/applications',
      operationId: 'submitApplication',
      summary: 'Submit an application and start its workflow',
      description:
        'Validates the form against the catalog, creates the file with a registration number and an ' +
        'access code (shown once) and starts its workflow. With an officer key the file is entered at ' +
        'the counter on behalf of a walk-in applicant (channel "counter", recorded with the officer). ' +
        'Repeating the same Idempotency-Key and body answers the same registration number with ' +
        '`replayed: true` and `accessCode: null`; the same key with another body gives 409.',
      tags: ['applications'],
      security: ['anonymous', 'officerKey'],
      headers: [idempotencyKeyHeader(true)],
      body: { kind: 'json', schema: submissionSchema },
      responses: {
        201: {
          description: 'Submitted (or replayed)',
          schema: receiptSchema,
          headers: { Location: 'The status URL', 'Idempotent-Replayed': 'true on a replay' },
        },
        409: { description: 'The Idempotency-Key was used for another body' },
        415: { description: 'Not JSON' },
        422: {
          description: 'Unknown permit type, invalid form (per field), documents missing or not uploaded',
        },
      },
    },
    async (req, res, { body }) => {
      const key = idempotencyKeySchema.safeParse(req.get('idempotency-key'));
      if (!key.success) {
        throw new Problem(400, 'idempotency-key-required', {
          id: 'Header Idempotency-Key wajib (8–200 karakter ASCII, misalnya UUID) agar pengiriman ulang aman.',
          en: 'The Idempotency-Key header is required (8-200 ASCII characters, e.g. a UUID) so that a retry is safe.',
        });
      }
      const caller = callerOf(res);
      const submitted = await ctx.services.intake.submit({
        permitTypeCode: body.permitTypeCode,
        formData: body.formData,
        documents: body.documents,
        channel: 'api',
        // Namespaced so an API key can never collide with a key of another adapter.
        idempotencyKey: `api:${key.data}`,
        ...(caller.kind === 'officer' ? { submittedByOfficerId: caller.officer.id } : {}),
      });
      const permitTypeCode =
        ctx.services.catalog.permitType(body.permitTypeCode)?.code ?? body.permitTypeCode;
      if (!submitted.replayed)
        ctx.metrics.workflowStarts.inc({ permit_type: permitTypeCode, channel: submitted.channel });
      const stage = submitted.stageKey;
      res
        .status(201)
        .location(`/api/v1/applications/${submitted.registrationNumber}`)
        .setHeader('Idempotent-Replayed', String(submitted.replayed));
      res.json({
        registrationNumber: submitted.registrationNumber,
        accessCode: submitted.accessCode,
        ...(submitted.accessCode === null ? { accessCodeNotice: REPLAY_NOTICE[preferredLanguage(req)] } : {}),
        replayed: submitted.replayed,
        status: submitted.status,
        stage,
        stageName: stageName(ctx, permitTypeCode, stage),
        deadline: submitted.deadline,
      } satisfies z.input<typeof receiptSchema>);
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/applications/{registrationNumber}',
      operationId: 'getApplication',
      summary: 'Status, stage, deadline, paused time and history of a file',
      description:
        'For the applicant (X-Access-Code) or an officer (bearer key) whose role and department the file ' +
        'is or was at a stage of, or a manager of one of its departments; each officer read is recorded ' +
        'and listed to the applicant in `openedBy` (by role and department). Anyone else, officers ' +
        'included, gets 404, the same as for a number that does not exist. A NIK is shown whole only ' +
        "to the applicant and to officers of the file's current department.",
      tags: ['applications'],
      security: ['accessCode', 'officerKey'],
      params: registrationNumberParams,
      headers: [accessCodeHeader],
      responses: {
        200: { description: 'The file', schema: statusSchema },
        404: {
          description:
            'No such file, or the caller may not see it (no or a wrong access code): deliberately the same ' +
            'answer, so a guess learns nothing about which registration numbers exist',
        },
      },
    },
    async (req, res, { params }) => {
      const status = await ctx.services.fileQueries.status(
        serviceCaller(req, res),
        params.registrationNumber,
      );
      if (!status) {
        // A missing or wrong access code counts as a failed authentication; 404 either way, so
        // a guess learns nothing.
        if (callerOf(res).kind !== 'officer') markAuthFailed(res);
        throw notFoundProblem();
      }
      res.json(statusView(ctx, status));
    },
  );
}
