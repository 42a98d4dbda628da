import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inTransaction, type Pool } from '../db/pool.js';
import type { DocumentDef } from '../domain/catalog/catalogSchema.js';
import {
  deleteOrphanedContent,
  deleteUnattachedReceipts,
  lockDocumentContent,
  orphanedContents,
  recordUpload,
  type StoredUpload,
} from '../repositories/documentRepository.js';
import { documentError, mib } from './documentProblems.js';
import { detectDocumentType } from './documentSignature.js';

/** Bytes needed to recognise every supported type by its signature. */
const SNIFF_BYTES = 8;

/** Who an upload belongs to until a file names it (see document_receipts). */
export interface UploadOrigin {
  /** The existing file it is uploaded for (a correction), when there is one. */
  registrationNumber?: string;
  /** The client address an upload is counted against (capped callers only). */
  clientAddress?: string;
}

/** A stored upload and the secret that proves it is the caller's: name it in the submission. */
export interface ReceiptedUpload extends StoredUpload {
  uploadToken: string;
}

/** How an upload token is kept: its SHA-256 (the token is 24 random bytes, beyond guessing). */
export const uploadTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Counts, hashes and sniffs a byte stream on its way to disk; stops at the size limits. */
class Inspector {
  readonly hash = createHash('sha256');
  size = 0;
  head = Buffer.alloc(0);
  /** Why the inspector stopped the stream: the pipeline may report its own abort instead. */
  refusal: Error | undefined;
  constructor(
    private readonly def: DocumentDef,
    /** What the caller may still upload now; past it, `overQuota` is thrown. */
    private readonly quota: { bytes: number; overQuota: () => Error } | undefined,
  ) {}

  async *run(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      this.size += chunk.length;
      if (this.size > this.def.maxSizeBytes) {
        throw this.refuse(
          documentError(
            'TOO_LARGE',
            this.def.kind,
            {
              id: `${this.def.label.id} terlalu besar: paling besar ${mib(this.def.maxSizeBytes)}.`,
              en: `${this.def.label.en} is too large: at most ${mib(this.def.maxSizeBytes)}.`,
            },
            { maxSizeBytes: this.def.maxSizeBytes },
          ),
        );
      }
      if (this.quota && this.size > this.quota.bytes) throw this.refuse(this.quota.overQuota());
      if (this.head.length < SNIFF_BYTES)
        this.head = Buffer.concat([this.head, chunk]).subarray(0, SNIFF_BYTES);
      this.hash.update(chunk);
      yield chunk;
    }
  }

  private refuse(error: Error): Error {
    this.refusal = error;
    return error;
  }
}

/**
 * Uploaded documents, content-addressed: the file is `<dir>/<sha256>` and a row in
 * document_uploads records its checked type and size. Identical uploads share one file; each
 * upload adds a receipt (whose it is: uploadReferences.ts). A document is attached to an
 * application only by a submission or resubmission that names an upload the caller holds, so
 * an upload alone never changes a file under review.
 */
export class DocumentStore {
  constructor(
    private readonly pool: Pool,
    private readonly dir: string,
  ) {}

  /**
   * Stores one upload if it fits the catalog's limits for its kind (type by magic bytes, size)
   * and the caller's remaining `quota`, and records its receipt.
   */
  async store(
    source: Readable,
    def: DocumentDef,
    origin: UploadOrigin = {},
    quota?: { bytes: number; overQuota: () => Error },
  ): Promise<ReceiptedUpload> {
    const tmpDir = path.join(this.dir, '.incoming');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomBytes(12).toString('hex'));
    const inspector = new Inspector(def, quota);
    try {
      await pipeline(source, (s: AsyncIterable<Buffer>) => inspector.run(s), createWriteStream(tmp));
      if (inspector.size === 0) {
        throw documentError('EMPTY', def.kind, {
          id: `Berkas ${def.label.id} kosong.`,
          en: `The file for ${def.label.en} is empty.`,
        });
      }
      const mimeType = detectDocumentType(inspector.head);
      if (!mimeType || !def.mimeTypes.includes(mimeType)) {
        const allowed = def.mimeTypes.map((m) => m.replace(/^.*\//, '').toUpperCase()).join(', ');
        throw documentError(
          'TYPE_NOT_ALLOWED',
          def.kind,
          {
            id: `${def.label.id} harus berupa berkas ${allowed}; isi berkas yang dikirim bukan salah satunya.`,
            en: `${def.label.en} must be a ${allowed} file; the content sent is none of these.`,
          },
          { allowed: def.mimeTypes },
        );
      }
      const stored = { sha256: inspector.hash.digest('hex'), mimeType, sizeBytes: inspector.size };
      const uploadToken = `up_${randomBytes(24).toString('base64url')}`;
      const target = path.join(this.dir, stored.sha256);
      // Under the content's lock, so the clean-up never removes a file an upload just kept.
      await inTransaction(this.pool, async (client) => {
        await lockDocumentContent(client, stored.sha256);
        await recordUpload(client, stored, {
          tokenHash: uploadTokenHash(uploadToken),
          kind: def.kind,
          registrationNumber: origin.registrationNumber ?? null,
          clientAddress: origin.clientAddress ?? null,
        });
        if (await exists(target)) await unlink(tmp);
        else await rename(tmp, target);
      });
      return { ...stored, uploadToken };
    } catch (error) {
      await unlink(tmp).catch(() => {});
      throw inspector.refusal ?? error;
    }
  }

  /** The stored copy of an upload, or null when this instance does not hold it. */
  async read(sha256: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError('not a sha256 hex digest');
    return readFile(path.join(this.dir, sha256)).catch(() => null);
  }

  /**
   * Deletes the receipts of uploads no file attached within `maxAgeMs`, then the stored bytes
   * no receipt and no file names any more (row and file, under the content's lock).
   */
  async removeUnattached(maxAgeMs: number, batchSize = 200): Promise<{ receipts: number; contents: number }> {
    const before = new Date(Date.now() - maxAgeMs);
    const receipts = await deleteUnattachedReceipts(this.pool, before);
    let contents = 0;
    for (;;) {
      const orphans = await orphanedContents(this.pool, before, batchSize);
      for (const sha256 of orphans) {
        const removed = await inTransaction(this.pool, async (client) => {
          await lockDocumentContent(client, sha256);
          if (!(await deleteOrphanedContent(client, sha256, before))) return false;
          await unlink(path.join(this.dir, sha256)).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          });
          return true;
        });
        if (removed) contents += 1;
      }
      if (orphans.length < batchSize) return { receipts, contents };
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
