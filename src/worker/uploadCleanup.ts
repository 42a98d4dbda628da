import path from 'node:path';
import type { Pool } from '../db/pool.js';
import { DocumentStore } from '../services/documentStore.js';
import { type PeriodicJob, startPeriodicJob } from './periodicJob.js';

/** Uploads no submission or resubmission attached within this time are deleted. */
export const UNATTACHED_UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Every `intervalMs`, deletes uploads never attached to a file within 24 hours (their receipts,
 * then the bytes no receipt and no file names any more: DocumentStore.removeUnattached), so
 * that anonymous uploads are not kept forever. Several workers may run it: each content file
 * is removed under its lock, once.
 */
export function startUploadCleanup(
  deps: { pool: Pool; dataDir: string },
  options: {
    intervalMs?: number;
    onRemoved?: (removed: { receipts: number; contents: number }) => void;
    onError?: (error: unknown) => void;
  } = {},
): PeriodicJob {
  const store = new DocumentStore(deps.pool, path.join(deps.dataDir, 'documents'));
  return startPeriodicJob(
    async () => {
      const removed = await store.removeUnattached(UNATTACHED_UPLOAD_MAX_AGE_MS);
      if (removed.receipts > 0 || removed.contents > 0) options.onRemoved?.(removed);
    },
    { intervalMs: options.intervalMs ?? 15 * 60_000, runAtStart: true, onError: options.onError },
  );
}
