import type { Request, Response } from 'express';
import { type Bilingual, preferredLanguage } from './language.js';

/** Stable problem type URIs (RFC 9457): clients may switch on them; they never change meaning. */
export const PROBLEM_TYPE_BASE = 'https://perizinan.serangkab.go.id/problems/';

/** One title per problem type, as RFC 9457 asks: the detail varies, the title does not. */
const TITLES: Record<string, Bilingual> = {
  'invalid-request': { id: 'Permintaan tidak valid', en: 'Invalid request' },
  'malformed-json': { id: 'JSON tidak dapat dibaca', en: 'Malformed JSON' },
  'body-too-large': { id: 'Isi permintaan terlalu besar', en: 'Request body too large' },
  'unsupported-media-type': { id: 'Jenis isi tidak didukung', en: 'Unsupported media type' },
  'idempotency-key-required': { id: 'Idempotency-Key wajib', en: 'Idempotency-Key required' },
  'idempotency-conflict': { id: 'Idempotency-Key sudah dipakai', en: 'Idempotency-Key already used' },
  'unknown-permit-type': { id: 'Jenis izin tidak dikenal', en: 'Unknown permit type' },
  'invalid-form': { id: 'Isian formulir tidak valid', en: 'Invalid form' },
  'missing-documents': { id: 'Dokumen wajib belum lengkap', en: 'Required documents missing' },
  'invalid-document': { id: 'Dokumen tidak memenuhi syarat', en: 'Document not accepted' },
  'not-found': { id: 'Tidak ditemukan', en: 'Not found' },
  unauthorized: { id: 'Perlu autentikasi', en: 'Authentication required' },
  'applicant-only': { id: 'Khusus pemohon', en: 'Applicant only' },
  'officer-only': { id: 'Khusus petugas', en: 'Officers only' },
  'wrong-role': { id: 'Peran tidak sesuai', en: 'Wrong role' },
  'wrong-department': { id: 'Bidang tidak sesuai', en: 'Wrong department' },
  'not-officer': { id: 'Bukan petugas', en: 'Not an officer' },
  'not-applicant': { id: 'Bukan pemohon', en: 'Not the applicant' },
  'wrong-stage': { id: 'Tahap tidak sesuai', en: 'Wrong stage' },
  'closed-file': { id: 'Berkas sudah selesai', en: 'File closed' },
  'revision-limit-reached': { id: 'Batas perbaikan tercapai', en: 'Revision limit reached' },
  'missing-reason': { id: 'Alasan wajib diisi', en: 'Reason required' },
  'missing-note': { id: 'Catatan wajib diisi', en: 'Note required' },
  'action-refused': { id: 'Tindakan ditolak', en: 'Action refused' },
  'invalid-signature': { id: 'Tanda tangan tidak valid', en: 'Invalid signature' },
  'invalid-payment': { id: 'Pembayaran tidak sesuai', en: 'Payment does not match' },
  'payment-not-expected': { id: 'Berkas tidak menunggu pembayaran', en: 'Payment not expected' },
  conflict: { id: 'Konflik data', en: 'Conflict' },
  'incomplete-survey': { id: 'Survei belum lengkap', en: 'Survey incomplete' },
  'survey-answered': { id: 'Survei sudah diisi', en: 'Survey already answered' },
  'file-still-open': { id: 'Berkas belum selesai', en: 'File still open' },
  'comment-too-long': { id: 'Komentar terlalu panjang', en: 'Comment too long' },
  'not-manager': { id: 'Khusus atasan', en: 'Managers only' },
  'rate-limited': { id: 'Terlalu banyak permintaan', en: 'Too many requests' },
  'upload-quota-exceeded': { id: 'Batas unggahan tercapai', en: 'Upload limit reached' },
  'service-unavailable': { id: 'Layanan sedang tidak tersedia', en: 'Service unavailable' },
  'not-configured': { id: 'Fitur belum dikonfigurasi', en: 'Feature not configured' },
  'internal-error': { id: 'Kesalahan internal', en: 'Internal error' },
};

export type ProblemSlug = keyof typeof TITLES | (string & {});

export function problemTitle(slug: string): Bilingual {
  return TITLES[slug] ?? TITLES['action-refused']!;
}

/** An HTTP problem answer; thrown anywhere in a request and rendered by the error handler. */
export class Problem extends Error {
  override readonly name = 'Problem';
  constructor(
    readonly status: number,
    readonly slug: ProblemSlug,
    readonly detail: Bilingual,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail.en);
  }
}

/** Replaces every `{ id, en }` text inside `value` by the text in `language`. */
export function localize(value: unknown, language: 'id' | 'en'): unknown {
  if (Array.isArray(value)) return value.map((v) => localize(v, language));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const text = value as Record<string, unknown>;
    if (keys.length === 2 && typeof text.id === 'string' && typeof text.en === 'string')
      return text[language];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v, language)]));
  }
  return value;
}

/** Writes an application/problem+json answer in the caller's language; never a stack trace. */
export function sendProblem(req: Request, res: Response, problem: Problem): void {
  const language = preferredLanguage(req);
  const body = {
    type: `${PROBLEM_TYPE_BASE}${problem.slug}`,
    title: problemTitle(String(problem.slug))[language],
    status: problem.status,
    detail: problem.detail[language],
    instance: `urn:uuid:${res.locals.requestId ?? '00000000-0000-0000-0000-000000000000'}`,
    ...(localize(problem.extra, language) as Record<string, unknown>),
  };
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res
    .status(problem.status)
    .setHeader('Content-Type', 'application/problem+json; charset=utf-8')
    .setHeader('Content-Language', language)
    .vary('Accept-Language')
    .send(JSON.stringify(body));
}

export const notFoundProblem = () =>
  new Problem(404, 'not-found', {
    id: 'Sumber yang diminta tidak ditemukan. Periksa alamat, nomor registrasi, dan kode akses.',
    en: 'The requested resource was not found. Check the address, registration number and access code.',
  });
