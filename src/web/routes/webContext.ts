import type { RequestHandler } from 'express';
import type { OfficeProfile } from '../../domain/catalog/officeProfileSchema.js';
import type { Logger } from '../../logging/logger.js';
import type { Services } from '../../services/index.js';

/** What the public pages are built from: the service layer, the office, and the app's limits. */
export interface WebContext {
  services: Services;
  office: OfficeProfile;
  /** The Telegram bot's username (without @), for the "how to apply" link; unset: no link. */
  botUsername: string | undefined;
  logger: Logger;
  /** Requests per minute per client address (the API's public limit, as a separate count). */
  requestLimit: RequestHandler;
  /**
   * The API's failed-authentication limiter itself (one instance), so wrong access codes typed
   * on /lacak and sent to the API count against the same file from the same address.
   */
  guessLimit: RequestHandler;
}
