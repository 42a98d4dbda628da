import { GrammyError, HttpError } from 'grammy';

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
  if (error instanceof Error) return { type: error.name, message: error.message, stack: error.stack };
  return { type: typeof error };
}
