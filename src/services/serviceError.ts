// A refusal the service layer answers to a caller (bot or API) in both languages. The code is
// stable (adapters map it to HTTP statuses or bot replies); the message says what to do.

export type ServiceErrorCode =
  | 'UNKNOWN_PERMIT_TYPE'
  | 'INVALID_FORM'
  | 'MISSING_DOCUMENTS'
  | 'IDEMPOTENCY_CONFLICT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'REFUSED';

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
