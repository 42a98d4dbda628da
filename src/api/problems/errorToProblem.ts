import { MulterError } from 'multer';
import { ServiceError } from '../../services/index.js';
import { Problem } from './problem.js';
import { unavailableDependency } from './unavailableDependency.js';

const kebab = (reason: string) => reason.toLowerCase().replace(/_/g, '-');

/** HTTP status for each typed refusal of the stage machine (and the service's own). */
export function refusalStatus(reason: string): number {
  switch (reason) {
    case 'WRONG_ROLE':
    case 'WRONG_DEPARTMENT':
    case 'NOT_OFFICER':
    case 'NOT_APPLICANT':
    case 'NOT_PAYMENT_CONFIRMER':
    case 'NOT_SYSTEM':
    case 'NOT_MANAGER':
    case 'NOT_SIGNING_ROLE':
      return 403;
    case 'WRONG_STAGE':
    case 'CLOSED_FILE':
    case 'REVISION_LIMIT_REACHED':
    case 'DEEMED_APPROVAL_DISABLED':
    case 'STATUTORY_CLOCK_NOT_STARTED':
    case 'FILE_STILL_OPEN':
    case 'SURVEY_ANSWERED':
    case 'ALREADY_ANSWERED':
    case 'NOT_ANSWERED':
    case 'REOPENED_ALREADY':
    case 'REOPEN_WINDOW_CLOSED':
    case 'COMPLAINT_CLOSED':
      return 409;
    case 'NOT_FOUND':
      return 404;
    case 'TOO_MANY_ATTEMPTS':
      return 429;
    default:
      // MISSING_REASON, MISSING_NOTE, MISSING_REFERENCE, UNKNOWN_ACTION: the request lacks something.
      return 422;
  }
}

function fromServiceError(error: ServiceError): Problem {
  const details = error.details as Record<string, unknown> | unknown[] | undefined;
  switch (error.code) {
    case 'UNKNOWN_PERMIT_TYPE':
      return new Problem(422, 'unknown-permit-type', error.text);
    case 'INVALID_FORM': {
      const errors = (Array.isArray(details) ? details : []) as {
        field: string;
        code: string;
        message: { id: string; en: string };
        reason?: string;
      }[];
      return new Problem(422, 'invalid-form', error.text, {
        errors: errors.map((e) => ({
          pointer: `#/formData/${e.field}`,
          code: e.code,
          detail: e.message,
          ...(e.reason ? { reason: e.reason } : {}),
        })),
      });
    }
    case 'MISSING_DOCUMENTS':
      return new Problem(422, 'missing-documents', error.text, {
        missingKinds: Array.isArray(details) ? details : [],
      });
    case 'IDEMPOTENCY_CONFLICT':
      return new Problem(409, 'idempotency-conflict', error.text);
    case 'NOT_FOUND':
      return new Problem(404, 'not-found', error.text);
    case 'CONFLICT':
      return new Problem(409, 'conflict', error.text);
    case 'INVALID_DOCUMENT': {
      const reason = String((details as { reason?: string } | undefined)?.reason ?? '');
      const status = reason === 'TOO_LARGE' ? 413 : reason === 'TYPE_NOT_ALLOWED' ? 415 : 422;
      return new Problem(status, 'invalid-document', error.text, { ...(details as object) });
    }
    case 'INVALID_PAYMENT':
      return new Problem(422, 'invalid-payment', error.text, { ...(details as object) });
    case 'PAYMENT_NOT_EXPECTED':
      return new Problem(409, 'payment-not-expected', error.text, { ...(details as object) });
    case 'INCOMPLETE_SURVEY': {
      const missing = ((details as { missing?: string[] } | undefined)?.missing ?? []) as string[];
      return new Problem(422, 'incomplete-survey', error.text, {
        errors: missing.map((element) => ({
          pointer: `#/answers/${element}`,
          code: 'required',
          detail: { id: `${element}: wajib dinilai 1-4`, en: `${element}: needs a score 1-4` },
        })),
      });
    }
    case 'QUOTA_EXCEEDED': {
      const seconds = Number(
        (details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60,
      );
      return new Problem(429, 'upload-quota-exceeded', error.text, {}, { 'Retry-After': String(seconds) });
    }
    case 'REFUSED': {
      const reason = String((details as { reason?: string } | undefined)?.reason ?? 'REFUSED');
      return new Problem(refusalStatus(reason), kebab(reason), error.text, { reason });
    }
  }
}

const malformedJson = () =>
  new Problem(400, 'malformed-json', {
    id: 'Isi permintaan bukan JSON yang sah. Periksa tanda kutip, koma, dan kurung.',
    en: 'The request body is not valid JSON. Check quotes, commas and brackets.',
  });

/** body-parser and multer report client mistakes as errors; they are 4xx, never 500. */
function fromParserError(error: { type?: string; status?: number; code?: string }): Problem | null {
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') {
      return new Problem(413, 'invalid-document', {
        id: 'Berkas terlalu besar untuk jenis dokumen ini.',
        en: 'The file is too large for this document kind.',
      });
    }
    return new Problem(400, 'invalid-request', {
      id: `Unggahan multipart tidak sesuai (${error.code}): kirim satu berkas pada bagian "file".`,
      en: `The multipart upload is not as expected (${error.code}): send one file in the part "file".`,
    });
  }
  switch (error.type) {
    case 'entity.parse.failed':
      return malformedJson();
    case 'entity.too.large':
      return new Problem(413, 'body-too-large', {
        id: 'Isi permintaan melebihi batas ukuran (JSON paling besar 1 MB).',
        en: 'The request body exceeds the size limit (JSON at most 1 MB).',
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new Problem(415, 'unsupported-media-type', {
        id: 'Gunakan JSON dengan pengodean UTF-8.',
        en: 'Use JSON encoded as UTF-8.',
      });
  }
  const status = error.status ?? (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new Problem(status === 413 ? 413 : 400, status === 413 ? 'body-too-large' : 'invalid-request', {
      id: 'Permintaan tidak dapat dibaca. Periksa alamat dan isi permintaan.',
      en: 'The request could not be read. Check the address and the body.',
    });
  }
  // busboy: a multipart body without a proper boundary or ending.
  if (
    error instanceof Error &&
    /^(Multipart|Unexpected end of form|Malformed part header)/i.test(error.message)
  ) {
    return new Problem(400, 'invalid-request', {
      id: 'Isi multipart rusak atau tidak lengkap.',
      en: 'The multipart body is malformed or incomplete.',
    });
  }
  return null;
}

export const RETRY_AFTER_SECONDS = 5;

/** Every error becomes a problem; `internal` is true only for the unexpected (logged) ones. */
export function errorToProblem(error: unknown): { problem: Problem; internal: boolean } {
  if (error instanceof Problem) return { problem: error, internal: false };
  if (error instanceof ServiceError) return { problem: fromServiceError(error), internal: false };
  const parser = fromParserError(error as { type?: string; status?: number });
  if (parser) return { problem: parser, internal: false };
  const dependency = unavailableDependency(error);
  if (dependency) {
    return {
      problem: new Problem(
        503,
        'service-unavailable',
        dependency === 'postgres'
          ? {
              id: 'Basis data sedang sibuk atau tidak dapat dihubungi. Coba lagi sebentar lagi dengan Idempotency-Key yang sama.',
              en: 'The database is busy or cannot be reached right now. Try again shortly with the same Idempotency-Key.',
            }
          : {
              id: 'Mesin alur kerja (Temporal) sedang tidak dapat dihubungi. Coba lagi sebentar lagi dengan Idempotency-Key yang sama.',
              en: 'The workflow engine (Temporal) cannot be reached right now. Try again shortly with the same Idempotency-Key.',
            },
        { dependency },
        { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      ),
      internal: false,
    };
  }
  return {
    problem: new Problem(500, 'internal-error', {
      id: 'Terjadi kesalahan internal. Kesalahan ini sudah dicatat; coba lagi nanti atau hubungi kantor DPMPTSP.',
      en: 'An internal error occurred. It has been logged; try again later or contact the DPMPTSP office.',
    }),
    internal: true,
  };
}
