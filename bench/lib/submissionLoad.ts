import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import { NOOP_TASK_QUEUE } from './benchStack.js';
import { request } from './http.js';

const { temporal } = proto;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const PDF_KINDS = ['ktp', 'ijazah', 'str', 'rekomendasi_organisasi_profesi', 'surat_keterangan_fasyankes'];

interface Upload {
  sha256: string;
  uploadToken: string;
}

async function upload(apiUrl: string, kind: string, bytes: Buffer, type: string): Promise<Upload> {
  const form = new FormData();
  form.append('permitTypeCode', 'SIP-DOKTER');
  form.append('kind', kind);
  form.append('file', new Blob([bytes], { type }), 'document');
  const res = await fetch(`${apiUrl}/api/v1/documents`, { method: 'POST', body: form });
  if (res.status !== 201) throw new Error(`upload of ${kind} failed: ${res.status} ${await res.text()}`);
  const { sha256, uploadToken } = (await res.json()) as Upload;
  return { sha256, uploadToken };
}

/**
 * Bodies of complete SIP-DOKTER applications (the real catalog), `count` of them. An upload
 * serves the one file that names it first (its upload token), so each body has uploads of its
 * own: a PDF for the five PDF kinds and a photo. They are made before the measured phase, which
 * times `POST /applications` alone, as the dev benchmark always has.
 */
export async function preparedSubmissions(
  apiUrls: string[],
  count: number,
  concurrency = 16,
): Promise<string[]> {
  const bodies: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const apiUrl = apiUrls[next++ % apiUrls.length]!;
      const pdf = await upload(apiUrl, 'ktp', PDF, 'application/pdf');
      const photo = await upload(apiUrl, 'pas_foto', PNG, 'image/png');
      bodies.push(
        JSON.stringify({
          permitTypeCode: 'SIP-DOKTER',
          formData: {
            applicantNik: '3604015708900001',
            fullName: 'dr. Siti Rahmawati',
            phone: '081234567890',
            doctorCategory: 'dokter-umum',
            strNumber: 'STR-1234567890',
            practicePermitOrdinal: '1',
            facilityName: 'Klinik Pratama Sehat',
            practiceAddress: 'Jl. Raya Serang No. 1, Ciruas',
          },
          documents: [...PDF_KINDS.map((kind) => ({ kind, ...pdf })), { kind: 'pas_foto', ...photo }],
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return bodies;
}

export interface FiledApplication {
  rn: string;
  code: string;
}

/**
 * One submission per call, from the prepared bodies, spread round-robin over the API processes;
 * the first `keep` answers are kept (the lookups read them).
 */
export function submitter(apiUrls: string[], bodies: string[], filed: FiledApplication[], keep = 2_000) {
  return async (sequence: number) => {
    const body = bodies.pop();
    if (body === undefined) throw new Error('no prepared submission left');
    const apiUrl = apiUrls[sequence % apiUrls.length]!;
    const res = await request(`${apiUrl}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${res.body.slice(0, 300)}`);
    if (filed.length < keep) {
      const answer = JSON.parse(res.body) as { registrationNumber: string; accessCode: string };
      filed.push({ rn: answer.registrationNumber, code: answer.accessCode });
    }
  };
}

/** A bare start of the no-op workflow, which the baseline's worker runs. */
export function bareStarter(client: Client) {
  return async () => {
    await client.workflow.start('benchNoopWorkflow', {
      taskQueue: NOOP_TASK_QUEUE,
      workflowId: `noop-${randomUUID()}`,
    });
  };
}

async function settle(what: string, pending: () => Promise<number>): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if ((await pending()) === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} still pending after 120 s`);
}

/**
 * Resolves once the permit queue's backlog is empty: new files' first workflow tasks wait there
 * until a worker takes them, and the server reports it.
 */
export function firstTasksDone(client: Client, queue: string, namespace = 'default'): Promise<void> {
  return settle('first workflow tasks of the new files', async () => {
    const { stats } = await client.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: queue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      reportStats: true,
    });
    return Number(stats?.approximateBacklogCount ?? 0);
  });
}

/** Resolves once no no-op workflow is running any more. */
export function noopsDone(client: Client): Promise<void> {
  return settle('trivial workflows', async () => {
    const { count } = await client.workflow.count(
      `TaskQueue = '${NOOP_TASK_QUEUE}' AND ExecutionStatus = 'Running'`,
    );
    return count;
  });
}
