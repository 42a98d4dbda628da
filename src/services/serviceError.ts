// A refusal the service layer answers to a caller (bot or API) in both languages. The code is
// stable (adapters map it to HTTP statuses or bot replies); the message says what to do.

export type ServiceErrorCode =
  | 'UNKNOWN_PERMIT_TYPE'
  | 'INVALID_FORM'
  | 'MISSING_DOCUMENTS'
  | 'IDEMPOTENCY_CONFLICT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'REFUSED'
  /** An uploaded or referenced document that does not fit the catalog (type, size, not uploaded). */
  | 'INVALID_DOCUMENT'
  /** A payment confirmation that does not match the file (amount, no fee due). */
  | 'INVALID_PAYMENT'
  /** A payment confirmation for a file that does not (or no longer) await payment: to be refunded. */
  | 'PAYMENT_NOT_EXPECTED'
  /** A survey answer without every element it needs (details.missing names them). */
  | 'INCOMPLETE_SURVEY'
  /** A per-caller allowance is used up for now (uploaded bytes per address per hour). */
  | 'QUOTA_EXCEEDED';

export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ServiceErrorCode,
    readonly text: { id: string; en: string },
    readonly details: unknown = undefined,
  ) {
    super(text.en);
  }
}

export function unknownPermitType(code: string): ServiceError {
  return new ServiceError('UNKNOWN_PERMIT_TYPE', {
    id: `Jenis izin '${code}' tidak dikenal. Lihat daftar jenis izin yang tersedia.`,
    en: `Unknown permit type '${code}'. See the list of available permit types.`,
  });
}

export function applicationNotFound(): ServiceError {
  return new ServiceError('NOT_FOUND', {
    id: 'Permohonan tidak ditemukan. Periksa nomor registrasi.',
    en: 'Application not found. Check the registration number.',
  });
}
