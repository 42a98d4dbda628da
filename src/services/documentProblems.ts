import type { DocumentDef, PermitType } from '../domain/catalog/catalogSchema.js';
import { ServiceError } from './serviceError.js';

export type DocumentProblem = 'UNKNOWN_KIND' | 'TOO_LARGE' | 'TYPE_NOT_ALLOWED' | 'EMPTY' | 'NOT_UPLOADED';

export const mib = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MiB`;

export function documentError(
  reason: DocumentProblem,
  kind: string,
  text: { id: string; en: string },
  extra: Record<string, unknown> = {},
) {
  return new ServiceError('INVALID_DOCUMENT', text, { reason, kind, ...extra });
}

/** The catalog's definition of a document kind, or a bilingual refusal naming the kinds there are. */
export function documentDefinition(permitType: PermitType, kind: unknown): DocumentDef {
  const def = permitType.documents.find((d) => d.kind === kind);
  if (!def) {
    const kinds = permitType.documents.map((d) => d.kind).join(', ');
    throw documentError('UNKNOWN_KIND', String(kind ?? ''), {
      id: `Jenis dokumen '${String(kind ?? '')}' tidak dikenal untuk izin ${permitType.code}. Pilih salah satu: ${kinds}.`,
      en: `Unknown document kind '${String(kind ?? '')}' for permit ${permitType.code}. Use one of: ${kinds}.`,
    });
  }
  return def;
}

/** Refused when an upload would pass the per-address hourly cap; retry after the given time. */
export function uploadQuotaExceeded(capBytes: number, retryAfterSeconds: number): ServiceError {
  return new ServiceError(
    'QUOTA_EXCEEDED',
    {
      id: `Batas unggahan dari alamat ini (${mib(capBytes)} per jam) tercapai. Coba lagi nanti.`,
      en: `The upload limit from this address (${mib(capBytes)} per hour) is reached. Try again later.`,
    },
    { retryAfterSeconds },
  );
}
