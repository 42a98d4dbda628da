import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from '../db/pool.js';
import type { DocumentDef, PermitType } from '../domain/catalog/catalogSchema.js';
import { findUploads, recordUpload, type StoredUpload } from '../repositories/documentRepository.js';
import type { DocumentRef } from '../workflows/permit/permitContract.js';
import { detectDocumentType } from './documentSignature.js';
import { ServiceError } from './serviceError.js';

/** Bytes needed to recognise every supported type by its signature. */
const SNIFF_BYTES = 8;

/** A reference to an upload by its kind and digest; a Telegram file ID is kept when known. */
export interface UploadReference {
  kind: string;
  sha256: string;
  telegramFileId?: string;
}

export type DocumentProblem = 'UNKNOWN_KIND' | 'TOO_LARGE' | 'TYPE_NOT_ALLOWED' | 'EMPTY' | 'NOT_UPLOADED';

const mib = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MiB`;

function documentError(
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

/** Counts, hashes and sniffs a byte stream on its way to disk; stops at the size limit. */
class Inspector {
  readonly hash = createHash('sha256');
  size = 0;
  head = Buffer.alloc(0);
  constructor(private readonly def: DocumentDef) {}

  async *run(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      this.size += chunk.length;
      if (this.size > this.def.maxSizeBytes) {
        throw documentError(
          'TOO_LARGE',
          this.def.kind,
          {
            id: `${this.def.label.id} terlalu besar: paling besar ${mib(this.def.maxSizeBytes)}.`,
            en: `${this.def.label.en} is too large: at most ${mib(this.def.maxSizeBytes)}.`,
          },
          { maxSizeBytes: this.def.maxSizeBytes },
        );
      }
      if (this.head.length < SNIFF_BYTES)
        this.head = Buffer.concat([this.head, chunk]).subarray(0, SNIFF_BYTES);
      this.hash.update(chunk);
      yield chunk;
    }
  }
}

/**
 * Uploaded documents, content-addressed: the file is `<dir>/<sha256>` and a row in
 * document_uploads records its checked type and size. Identical uploads share one file.
 * A document is attached to an application only by a submission or resubmission that names
 * its sha256, so an upload alone never changes a file under review.
 */
export class DocumentStore {
  constructor(
    private readonly pool: Pool,
    private readonly dir: string,
  ) {}

  /** Stores one upload if it fits the catalog's limits for its kind (type by magic bytes, size). */
  async store(source: Readable, def: DocumentDef): Promise<StoredUpload> {
    const tmpDir = path.join(this.dir, '.incoming');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomBytes(12).toString('hex'));
    const inspector = new Inspector(def);
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
      const sha256 = inspector.hash.digest('hex');
      const target = path.join(this.dir, sha256);
      if (await exists(target)) await unlink(tmp);
      else await rename(tmp, target);
      await recordUpload(this.pool, { sha256, mimeType, sizeBytes: inspector.size });
      return { sha256, mimeType, sizeBytes: inspector.size };
    } catch (error) {
      await unlink(tmp).catch(() => {});
      throw error;
    }
  }

  /** The stored copy of an upload, or null when this instance does not hold it. */
  async read(sha256: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError('not a sha256 hex digest');
    return readFile(path.join(this.dir, sha256)).catch(() => null);
  }

  /**
   * Turns references ({kind, sha256}) into DocumentRefs with the stored type and size, checking
   * each against its kind's limits in this permit type: a document uploaded for a 10 MiB kind
   * cannot be passed off as a 1 MiB photo.
   */
  async resolve(permitType: PermitType, refs: readonly UploadReference[]): Promise<DocumentRef[]> {
    if (refs.length === 0) return [];
    const stored = await findUploads(this.pool, [...new Set(refs.map((r) => r.sha256.toLowerCase()))]);
    return refs.map((ref) => {
      const def = documentDefinition(permitType, ref.kind);
      const row = stored.get(ref.sha256.toLowerCase());
      if (!row) {
        throw documentError(
          'NOT_UPLOADED',
          ref.kind,
          {
            id: `Dokumen ${def.label.id} (${ref.sha256.slice(0, 12)}…) belum diunggah. Unggah berkasnya dahulu.`,
            en: `The document ${def.label.en} (${ref.sha256.slice(0, 12)}…) has not been uploaded. Upload the file first.`,
          },
          { sha256: ref.sha256 },
        );
      }
      const { sizeBytes, mimeType } = row;
      if (
        !def.mimeTypes.includes(mimeType as DocumentDef['mimeTypes'][number]) ||
        sizeBytes > def.maxSizeBytes
      ) {
        throw documentError(
          sizeBytes > def.maxSizeBytes ? 'TOO_LARGE' : 'TYPE_NOT_ALLOWED',
          ref.kind,
          {
            id: `Berkas ${ref.sha256.slice(0, 12)}… tidak memenuhi syarat ${def.label.id} (jenis atau ukuran).`,
            en: `The file ${ref.sha256.slice(0, 12)}… does not meet the limits for ${def.label.en} (type or size).`,
          },
          { sha256: ref.sha256 },
        );
      }
      return {
        kind: def.kind,
        sha256: row.sha256,
        mimeType,
        sizeBytes,
        ...(ref.telegramFileId ? { telegramFileId: ref.telegramFileId } : {}),
      };
    });
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
