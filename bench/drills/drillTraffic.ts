import { randomUUID } from 'node:crypto';
import {
  type ApiResponse,
  call,
  PDF_BYTES,
  uploadForm,
  validSubmission,
} from '../../test/api/support/httpClient.js';
import type { OfficerKey } from '../../test/support/officerFixtures.js';

/** What the traffic met on its way: answers by status, retries, and any 500 (a defect). */
export interface TrafficTally {
  byStatus: Record<string, number>;
  retries: number;
  /** 503 answers without a Retry-After header. */
  unavailableWithoutRetryAfter: number;
}

export const newTally = (): TrafficTally => ({ byStatus: {}, retries: 0, unavailableWithoutRetryAfter: 0 });

const RETRIED = new Set([429, 500, 502, 503, 504]);

/**
 * One request, repeated with the same Idempotency-Key while the answer says "try again" (or the
 * connection fails), for at most `giveUpMs`. A client that follows the API's advice.
 */
async function persistent<T>(
  tally: TrafficTally,
  send: () => Promise<ApiResponse<T>>,
  giveUpMs = 180_000,
): Promise<ApiResponse<T>> {
  const deadline = Date.now() + giveUpMs;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) tally.retries += 1;
    let res: ApiResponse<T> | undefined;
    try {
      res = await send();
    } catch (error) {
      tally.byStatus.connection = (tally.byStatus.connection ?? 0) + 1;
      if (Date.now() > deadline) throw error;
    }
    if (res) {
      tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
      if (res.status === 503 && !res.headers.get('retry-after')) tally.unavailableWithoutRetryAfter += 1;
      if (!RETRIED.has(res.status) || Date.now() > deadline) return res;
    }
    const hinted = Number(res?.headers.get('retry-after'));
    await new Promise((r) =>
      setTimeout(r, Number.isFinite(hinted) && hinted > 0 ? Math.min(hinted, 5) * 1_000 : 500),
    );
  }
}

/** Runs `task` over `items` with at most `concurrency` at a time. */
export async function inParallel<T>(
  items: T[],
  concurrency: number,
  task: (item: T, i: number) => Promise<void>,
) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  });
  await Promise.all(lanes);
}

/** Submits `count` files (an upload and a submission each) spread over the API processes. */
export async function submitFiles(
  apiUrls: string[],
  permitType: string,
  count: number,
  tally: TrafficTally,
  concurrency = 8,
): Promise<string[]> {
  const numbers: string[] = [];
  await inParallel(Array.from({ length: count }), concurrency, async (_, i) => {
    const url = apiUrls[i % apiUrls.length]!;
    const upload = await persistent(tally, () =>
      call<{ sha256: string; uploadToken: string }>(url, 'POST', '/api/v1/documents', {
        rawBody: uploadForm({ permitTypeCode: permitType, kind: 'ktp' }, PDF_BYTES),
      }),
    );
    if (upload.status !== 201) throw new Error(`upload refused: ${upload.status} ${upload.text}`);
    const key = randomUUID();
    const submitted = await persistent(tally, () =>
      call<{ registrationNumber: string }>(url, 'POST', '/api/v1/applications', {
        body: validSubmission(permitType, upload.body),
        headers: { 'idempotency-key': key },
      }),
    );
    if (submitted.status !== 201)
      throw new Error(`submission refused: ${submitted.status} ${submitted.text}`);
    numbers.push(submitted.body.registrationNumber);
  });
  return numbers;
}

/** Each file approved by `route`'s officers in turn, through alternating API processes. */
export async function approveAll(
  apiUrls: string[],
  keys: Record<OfficerKey, string>,
  numbers: string[],
  route: OfficerKey[],
  tally: TrafficTally,
  onDecided: () => void = () => {},
  concurrency = 8,
): Promise<void> {
  await inParallel(numbers, concurrency, async (rn, i) => {
    for (const [step, officer] of route.entries()) {
      const url = apiUrls[(i + step) % apiUrls.length]!;
      const key = randomUUID();
      const res = await persistent(tally, () =>
        call(url, 'POST', `/api/v1/applications/${rn}/decisions`, {
          bearer: keys[officer],
          body: { decision: 'approve' },
          headers: { 'idempotency-key': key },
        }),
      );
      if (res.status !== 200)
        throw new Error(`decision on ${rn} by ${officer} refused: ${res.status} ${res.text}`);
      onDecided();
    }
  });
}
