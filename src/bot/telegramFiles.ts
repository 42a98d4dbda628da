import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Api } from 'grammy';
import type { ReceiptedUpload } from '../services/index.js';
import type { BotDependencies } from './context.js';

/**
 * Fetches a file an applicant sent (getFile, then the file URL of the configured Bot API root)
 * and streams it into the document store, which checks its real type and size and keeps a copy
 * under DATA_DIR/documents/<sha256>. The URL holds the bot token: it is never logged.
 */
export async function downloadTelegramFile(
  deps: Pick<BotDependencies, 'apiRoot' | 'botToken' | 'services'>,
  api: Api,
  fileId: string,
  document: { permitTypeCode: string; kind: string; registrationNumber?: string },
): Promise<ReceiptedUpload> {
  const file = await api.getFile(fileId);
  if (!file.file_path) throw new Error('the Bot API gave no file path (file too big to download?)');
  const response = await fetch(`${deps.apiRoot}/file/bot${deps.botToken}/${file.file_path}`);
  if (!response.ok || !response.body) throw new Error(`file download failed with HTTP ${response.status}`);
  const stream = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  // A Telegram upload is tied to its sender's conversation (by its upload token) or to the file
  // it corrects; Telegram's own limits pace it, so no address cap applies.
  const origin = document.registrationNumber ? { registrationNumber: document.registrationNumber } : {};
  return deps.services.documents.storeUpload(document.permitTypeCode, document.kind, stream, origin);
}
