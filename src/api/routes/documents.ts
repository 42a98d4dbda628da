import { PassThrough } from 'node:stream';
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { ReceiptedUpload, UploadOrigin } from '../../services/index.js';
import type { ApiContext } from '../apiContext.js';
import { callerOf, markAuthFailed, serviceCaller } from '../middleware/auth.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { notFoundProblem, Problem } from '../problems/problem.js';
import { validationProblem } from '../problems/validationProblem.js';
import {
  accessCodeHeader,
  documentKindSchema,
  permitTypeCodeSchema,
  registrationNumberParams,
  sha256Schema,
  uploadTokenSchema,
} from '../schemas/common.js';

const storedSchema = z.object({
  kind: z.string(),
  sha256: sha256Schema,
  mimeType: z.string().describe('Found from the content (magic bytes), not from the declared type'),
  sizeBytes: z.int(),
  uploadToken: uploadTokenSchema.describe(
    'Name the upload by kind, sha256 and this token in the submission (or resubmission): without it ' +
      'nobody else can attach the document, even knowing its hash. Shown once; uploads never attached ' +
      'to a file are deleted after 24 hours',
  ),
});

const fieldsFirst = (fields: string) =>
  `Multipart form. Send the text field(s) ${fields} BEFORE the part "file": the limits of the ` +
  'document kind (type and size, from the catalog) are applied while the file streams in. The type ' +
  'is checked from the content (PDF, JPEG, PNG), and the file is stored under its SHA-256.';

/** Where an upload is going and whose it is; set before the body is read. */
interface UploadTarget {
  permitTypeCode: string | undefined;
  origin: UploadOrigin;
}

/**
 * An upload without an officer key counts against its client address's hourly byte cap;
 * officers at the counter (one address for a whole office) are not capped.
 */
function originOf(
  req: Request,
  caller: ReturnType<typeof callerOf>,
  registrationNumber?: string,
): UploadOrigin {
  return {
    ...(registrationNumber ? { registrationNumber } : {}),
    ...(caller.kind === 'officer' ? {} : { clientAddress: req.ip ?? 'unknown' }),
  };
}

/**
 * A multer storage engine that hands the file stream to the service's document store: the
 * catalog limits for the kind apply while streaming, so an oversized file is cut off early.
 */
function documentStorage(ctx: ApiContext): multer.StorageEngine {
  return {
    _handleFile(req: Request, file, callback) {
      const target = req.res?.locals.uploadTarget as UploadTarget | undefined;
      const fields = (req.body ?? {}) as Record<string, unknown>;
      const permitTypeCode =
        target?.permitTypeCode ??
        (typeof fields.permitTypeCode === 'string' ? fields.permitTypeCode : undefined);
      const kind = typeof fields.kind === 'string' ? fields.kind : undefined;
      if (!permitTypeCode || !kind) {
        file.stream.resume();
        callback(
          new Problem(400, 'invalid-request', {
            id: `Kirim isian ${target?.permitTypeCode ? '"kind"' : '"permitTypeCode" dan "kind"'} sebelum bagian "file".`,
            en: `Send the field(s) ${target?.permitTypeCode ? '"kind"' : '"permitTypeCode" and "kind"'} before the part "file".`,
          }),
        );
        return;
      }
      // The store stops reading at a limit and destroys what it reads: a pass-through, so that
      // busboy's own stream is drained instead and the store's refusal is the one answered.
      const content = file.stream.pipe(new PassThrough());
      Promise.resolve()
        .then(() => ctx.services.documents.storeUpload(permitTypeCode, kind, content, target?.origin ?? {}))
        .then(
          (stored) => callback(null, stored as unknown as Partial<Express.Multer.File>),
          (error: unknown) => {
            file.stream.unpipe(content);
            file.stream.resume();
            callback(error as Error);
          },
        );
    },
    // Content-addressed and possibly shared with another upload: nothing to remove.
    _removeFile(_req, _file, callback) {
      callback(null);
    },
  };
}

/** A new upload (no file yet): whose it is, before the body streams in. */
const anonymousOrigin: RequestHandler = (req, res, next) => {
  res.locals.uploadTarget = {
    permitTypeCode: undefined,
    origin: originOf(req, callerOf(res)),
  } satisfies UploadTarget;
  next();
};

function largestDocument(ctx: ApiContext): number {
  // One byte more than the largest kind allows: the store's own per-kind check fires first and
  // names the kind and its limit; this outer bound only stops a runaway stream.
  return (
    1 +
    Math.max(1, ...ctx.services.catalog.permitTypes().flatMap((t) => t.documents.map((d) => d.maxSizeBytes)))
  );
}

function multipartOnly(): RequestHandler {
  return (req, _res, next) => {
    if (!req.is('multipart/form-data')) {
      throw new Problem(415, 'unsupported-media-type', {
        id: 'Unggah berkas sebagai multipart/form-data dengan bagian "file".',
        en: 'Upload the file as multipart/form-data with a part named "file".',
      });
    }
    next();
  };
}

function uploadedFile(req: Request, kind: string): z.input<typeof storedSchema> {
  const file = req.file as (Express.Multer.File & ReceiptedUpload) | undefined;
  if (!file?.sha256) {
    throw new Problem(400, 'invalid-request', {
      id: 'Bagian "file" tidak ada dalam unggahan.',
      en: 'The upload has no part named "file".',
    });
  }
  return {
    kind,
    sha256: file.sha256,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    uploadToken: file.uploadToken,
  };
}

export function documentRoutes(routes: ApiRoutes, ctx: ApiContext): void {
  const upload = multer({
    storage: documentStorage(ctx),
    // The per-kind limit applies while streaming; this is only the outer bound.
    limits: {
      fileSize: largestDocument(ctx),
      files: 1,
      fields: 4,
      fieldSize: 200,
      parts: 6,
      headerPairs: 40,
    },
  }).single('file');

  const newUploadFields = z.strictObject({ permitTypeCode: permitTypeCodeSchema, kind: documentKindSchema });
  routes.add(
    {
      method: 'post',
      path: '/api/v1/documents',
      operationId: 'uploadDocument',
      summary: 'Upload a document before submitting; reference it by kind, sha256 and uploadToken',
      tags: ['applications'],
      security: ['anonymous', 'officerKey'],
      body: {
        kind: 'multipart',
        fields: newUploadFields,
        description: fieldsFirst('"permitTypeCode" and "kind"'),
      },
      beforeBody: [anonymousOrigin],
      afterBody: [multipartOnly(), upload],
      responses: {
        201: { description: 'Stored', schema: storedSchema },
        413: { description: 'Larger than the kind allows' },
        415: { description: 'Not multipart, or the content is not a type the kind allows' },
        422: { description: 'Unknown permit type or document kind' },
        429: { description: 'upload-quota-exceeded: the hourly upload bytes of this address are used up' },
      },
    },
    (req, res) => {
      const fields = newUploadFields.safeParse(req.body);
      if (!fields.success) throw validationProblem('body', fields.error);
      res.status(201).json(uploadedFile(req, fields.data.kind));
    },
  );

  const fileUploadFields = z.strictObject({ kind: documentKindSchema });
  const mayUpload: RequestHandler = async (req, res, next) => {
    const registrationNumber = String(req.params.registrationNumber ?? '');
    const target = await ctx.services.documents.uploadTarget(serviceCaller(req, res), registrationNumber);
    if (!target) {
      markAuthFailed(res);
      throw notFoundProblem();
    }
    res.locals.uploadTarget = {
      permitTypeCode: target.permitTypeCode,
      origin: originOf(req, callerOf(res), registrationNumber),
    } satisfies UploadTarget;
    next();
  };
  routes.add(
    {
      method: 'post',
      path: '/api/v1/applications/{registrationNumber}/documents',
      operationId: 'uploadApplicationDocument',
      summary: 'Upload a document for an existing file (e.g. a correction); attach it by resubmission',
      description:
        "For the applicant (X-Access-Code) or an officer of the file's department. The upload is " +
        'stored; it becomes part of the file when a resubmission names it.',
      tags: ['applications'],
      security: ['accessCode', 'officerKey'],
      params: registrationNumberParams,
      headers: [accessCodeHeader],
      body: { kind: 'multipart', fields: fileUploadFields, description: fieldsFirst('"kind"') },
      beforeBody: [mayUpload],
      afterBody: [multipartOnly(), upload],
      responses: {
        201: { description: 'Stored', schema: storedSchema },
        404: {
          description:
            'No such file, or no right to add to it (no or a wrong access code): deliberately the same answer',
        },
        413: { description: 'Larger than the kind allows' },
        415: { description: 'Not multipart, or the content is not a type the kind allows' },
        422: { description: 'Unknown document kind' },
        429: { description: 'upload-quota-exceeded: the hourly upload bytes of this address are used up' },
      },
    },
    (req, res) => {
      const fields = fileUploadFields.safeParse(req.body);
      if (!fields.success) throw validationProblem('body', fields.error);
      res.status(201).json(uploadedFile(req, fields.data.kind));
    },
  );
}
