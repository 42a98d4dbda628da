// Checks an adapter makes while it collects an application piece by piece (the bot asks one field
// and one document at a time): the same rules as the whole-form validation at submission, so an
// answer accepted here is never refused later.

import type { DocumentDef, LocalizedText, PermitType } from '../domain/catalog/catalogSchema.js';
import { formatDocumentSize } from '../domain/catalog/documentSize.js';
import { type FormValue, validateApplicationForm } from '../domain/catalog/formValidation.js';
import { computeFee, type FeeAssessment } from '../domain/fees/computeFee.js';

export type FieldCheck =
  | { ok: true; value: FormValue | undefined }
  | { ok: false; code: string; message: LocalizedText; reason?: string };

/** Validates one answer as the submission will: the permit type narrowed to that one field. */
export function checkFormField(permitType: PermitType, fieldKey: string, raw: string): FieldCheck {
  const field = permitType.fields.find((f) => f.key === fieldKey);
  if (!field) throw new RangeError(`${permitType.code} has no field '${fieldKey}'`);
  const result = validateApplicationForm({ ...permitType, fields: [field] }, { [fieldKey]: raw });
  if (result.ok) return { ok: true, value: result.values[fieldKey] };
  const error = result.errors[0]!;
  return {
    ok: false,
    code: error.code,
    message: error.message,
    ...(error.reason ? { reason: error.reason } : {}),
  };
}

export type DocumentCheck =
  | { ok: true }
  | { ok: false; code: 'WRONG_TYPE' | 'TOO_LARGE'; message: LocalizedText };

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/** An upload against the catalog's allowed types and size limit for that document kind. */
export function checkDocumentUpload(
  document: DocumentDef,
  upload: { mimeType: string; sizeBytes: number },
): DocumentCheck {
  if (!(document.mimeTypes as readonly string[]).includes(upload.mimeType)) {
    const allowed = document.mimeTypes.map((m) => TYPE_NAMES[m] ?? m).join(', ');
    return {
      ok: false,
      code: 'WRONG_TYPE',
      message: {
        id: `${document.label.id} harus berupa berkas ${allowed}.`,
        en: `${document.label.en} must be a ${allowed} file.`,
      },
    };
  }
  if (upload.sizeBytes > document.maxSizeBytes) {
    return {
      ok: false,
      code: 'TOO_LARGE',
      message: {
        id: `${document.label.id} paling besar ${formatDocumentSize(document.maxSizeBytes, 'id')}; berkas ini ${formatDocumentSize(upload.sizeBytes, 'id')}.`,
        en: `${document.label.en} may be at most ${formatDocumentSize(document.maxSizeBytes, 'en')}; this file is ${formatDocumentSize(upload.sizeBytes, 'en')}.`,
      },
    };
  }
  return { ok: true };
}

/** The fee the file will be assessed at submission, for the applicant's review summary. */
export function quoteFee(permitType: PermitType, values: Record<string, FormValue>): FeeAssessment | null {
  try {
    return computeFee(permitType, values);
  } catch {
    // A formula input still missing: the summary shows no amount rather than a wrong one.
    return null;
  }
}
