import { GrammyError, HttpError } from 'grammy';
import { maskNikRuns } from '../domain/identifiers/nik.js';

/**
 * An error as it may be logged. grammY errors carry the request payload (a message text can hold
 * an access code, a NIK or a note); only the method and Telegram's answer are kept.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) {
    return {
      type: 'GrammyError',
      method: error.method,
      errorCode: error.error_code,
      description: error.description,
    };
  }
  if (error instanceof HttpError) return { type: 'HttpError', message: error.message };
  // A 16-digit run in an error text may be a NIK the user typed.
  if (error instanceof Error) {
    return {
      type: error.name,
      message: maskNikRuns(error.message),
      stack: error.stack && maskNikRuns(error.stack),
    };
  }
  return { type: typeof error };
}
