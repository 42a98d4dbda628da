import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll } from 'vitest';
import type { Pool } from '../../src/db/pool.js';
import { loadCatalog } from '../../src/domain/catalog/loadCatalog.js';
import { submitApplication } from '../../src/services/submitApplication.js';
import {
  type DecideArgs,
  decideUpdate,
  type FileView,
  fileStateQuery,
  type OfficerDecision,
  type OfficerIdentity,
} from '../../src/workflows/permit/permitContract.js';
import type { permitApplicationWorkflow } from '../../src/workflows/permit/permitWorkflow.js';
import { type OfficerKey, officers, seedOfficers, VALID_NIK } from './officerFixtures.js';
import { RecordingChannel } from './recordingChannel.js';
import { startTestStack, type TestStack } from './testStack.js';

export const APPLICANT_CHAT = 5001;

export { type OfficerKey, officers, seedOfficers, VALID_NIK } from './officerFixtures.js';

export const testCatalog = loadCatalog('test/fixtures/catalog-test.yaml');

export function identity(key: OfficerKey): OfficerIdentity {
  const o = officers[key];
  return { kind: 'officer', officerId: o.id, roles: [...o.roles], departments: [...o.departments] };
}

export type PermitHandle = WorkflowHandle<typeof permitApplicationWorkflow>;

export async function submit(
  stack: TestStack,
  permitTypeCode: string,
): Promise<{ registrationNumber: string; handle: PermitHandle }> {
  const result = await submitApplication(
    {
      pool: stack.pool,
      temporal: stack.client,
      catalog: testCatalog,
      calendar: stack.calendar,
      taskQueue: stack.taskQueue,
    },
    {
      permitTypeCode,
      formData: { applicantNik: VALID_NIK, fullName: 'Siti Rahmawati', phone: '081234567890' },
      documents: [{ kind: 'ktp', sha256: 'a'.repeat(64), mimeType: 'application/pdf', sizeBytes: 1000 }],
      channel: 'telegram',
      idempotencyKey: randomUUID(),
      applicantTelegramUserId: APPLICANT_CHAT,
    },
  );
  return {
    registrationNumber: result.registrationNumber,
    handle: stack.client.workflow.getHandle(result.registrationNumber),
  };
}

export function decide(
  handle: PermitHandle,
  officer: OfficerKey,
  decision: OfficerDecision,
  updateId: string = randomUUID(),
): Promise<FileView> {
  return handle.executeUpdate(decideUpdate, {
    args: [{ officer: identity(officer), ...decision } as DecideArgs],
    updateId,
  });
}

export function view(handle: PermitHandle): Promise<FileView> {
  return handle.query(fileStateQuery);
}

export async function auditActions(pool: Pool, registrationNumber: string): Promise<string[]> {
  const { rows } = await pool.query<{ action: string }>(
    'SELECT action FROM audit_events WHERE workflow_id = $1 ORDER BY sequence',
    [registrationNumber],
  );
  return rows.map((r) => r.action);
}

/**
 * The usual setup of a workflow test file: its own stack (schema, namespace, task queue) with
 * seeded officers and one worker whose notices go to `channel`; stopped after the file.
 */
export function usePermitStack(name: string, channel: RecordingChannel = new RecordingChannel()) {
  const env = { stack: undefined as unknown as TestStack, channel };
  beforeAll(async () => {
    env.stack = await startTestStack(name);
    await seedOfficers(env.stack.pool);
    await env.stack.startWorker({ channel });
  });
  afterAll(async () => {
    await env.stack?.stop();
  });
  return env;
}
