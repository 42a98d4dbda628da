import { createHmac, randomUUID } from 'node:crypto';
import { VALID_NIK } from '../../support/officerFixtures.js';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (for malformed JSON and wrong content types). */
  rawBody?: string | Buffer | FormData;
  headers?: Record<string, string>;
  bearer?: string;
  accessCode?: string;
}

/** One HTTP request over loopback; the answer's JSON is parsed when there is any. */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | Buffer | FormData | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.accessCode) headers['x-access-code'] = options.accessCode;
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {}
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

/** A tiny but real PDF (the magic bytes are what the server checks). */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

export function uploadForm(fields: Record<string, string>, file: Buffer, type = 'application/pdf'): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([file], { type }), 'document.pdf');
  return form;
}

/** An upload as its answer names it: a submission refers to it by both. */
export interface Uploaded {
  sha256: string;
  uploadToken: string;
}

/** Uploads a KTP before a submission; one upload serves one file (the one that names it first). */
export async function uploadKtp(
  baseUrl: string,
  permitTypeCode = 'TEST-FREE',
  bytes = PDF_BYTES,
  headers: Record<string, string> = {},
): Promise<Uploaded> {
  const res = await call<Uploaded>(baseUrl, 'POST', '/api/v1/documents', {
    rawBody: uploadForm({ permitTypeCode, kind: 'ktp' }, bytes),
    headers,
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text}`);
  return { sha256: res.body.sha256, uploadToken: res.body.uploadToken };
}

export function validSubmission(
  permitTypeCode: string,
  ktp: Uploaded,
  overrides: Record<string, unknown> = {},
) {
  return {
    permitTypeCode,
    formData: { applicantNik: VALID_NIK, fullName: 'Siti Rahmawati', phone: '081234567890' },
    documents: [{ kind: 'ktp', sha256: ktp.sha256, uploadToken: ktp.uploadToken }],
    ...overrides,
  };
}

export interface Submitted {
  registrationNumber: string;
  accessCode: string;
  status: string;
  stage: string;
  deadline: string | null;
}

/** Submits a valid application (its first step is recorded when the 201 arrives). */
export async function submitViaApi(
  baseUrl: string,
  permitTypeCode: string,
  ktp: Uploaded,
  options: { bearer?: string; key?: string } = {},
): Promise<Submitted> {
  const res = await call<Submitted>(baseUrl, 'POST', '/api/v1/applications', {
    body: validSubmission(permitTypeCode, ktp),
    headers: { 'idempotency-key': options.key ?? randomUUID() },
    ...(options.bearer ? { bearer: options.bearer } : {}),
  });
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${res.text}`);
  return res.body;
}

export function signed(
  secret: string,
  payload: unknown,
): { rawBody: string; headers: Record<string, string> } {
  const rawBody = JSON.stringify(payload);
  return {
    rawBody,
    headers: {
      'content-type': 'application/json',
      'x-signature': `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`,
    },
  };
}

/**
 * What an API request could change: rows of every table it writes, and each file's status and
 * stage. Events the workflows' own timers record (SLA reminders and breaches, by the system
 * actor) are left out, so a slow run cannot make a refused request look as if it changed state.
 */
export async function rowCounts(
  pool: import('../../../src/db/pool.js').Pool,
): Promise<Record<string, number | string>> {
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM applications) AS applications,
            (SELECT count(*) FROM audit_events WHERE actor_kind <> 'system') AS audit_events,
            (SELECT count(*) FROM officers) AS officers,
            (SELECT count(*) FROM admin_audit) AS admin_audit,
            (SELECT count(*) FROM notification_outbox WHERE template NOT LIKE 'sla\\_%') AS outbox,
            (SELECT count(*) FROM document_uploads) AS document_uploads,
            (SELECT count(*) FROM document_receipts WHERE attached) AS attached_uploads,
            (SELECT coalesce(string_agg(registration_number || ':' || status || ':' || coalesce(stage_key, ''), ','
                     ORDER BY registration_number), '') FROM applications) AS files`,
  );
  const row = rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'files' ? v : Number(v)]));
}
