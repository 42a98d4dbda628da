import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import type { PermitCatalog } from '../../src/domain/catalog/catalogSchema.js';
import { createServices } from '../../src/services/index.js';
import { submitApplication } from '../../src/services/submitApplication.js';
import { resubmitUpdate } from '../../src/workflows/permit/permitContract.js';
import {
  APPLICANT_CHAT,
  decide,
  officers,
  testCatalog,
  usePermitStack,
  VALID_NIK,
} from '../support/permitScenario.js';

const env = usePermitStack('nik_masking');

const SPACED = '3604 0157 0890 0001';
const DOTTED = '3604.0157.0890.0001';
const MASKED = '3604••••••••0001';

function servicesWith(catalog: PermitCatalog) {
  return createServices({
    pool: env.stack.pool,
    temporal: env.stack.client,
    catalog,
    calendar: env.stack.calendar,
    taskQueue: env.stack.taskQueue,
    dataDir: 'unused',
  });
}

async function fileWithNiksInFreeText() {
  const { registrationNumber } = await submitApplication(
    {
      pool: env.stack.pool,
      temporal: env.stack.client,
      catalog: testCatalog,
      calendar: env.stack.calendar,
      taskQueue: env.stack.taskQueue,
    },
    {
      permitTypeCode: 'TEST-FREE',
      formData: { applicantNik: VALID_NIK, fullName: `Siti (NIK ${SPACED})` },
      documents: [{ kind: 'ktp', sha256: 'a'.repeat(64), mimeType: 'application/pdf', sizeBytes: 1000 }],
      channel: 'telegram',
      idempotencyKey: randomUUID(),
      applicantTelegramUserId: APPLICANT_CHAT,
    },
  );
  const handle = env.stack.client.workflow.getHandle(registrationNumber);
  // The front desk asks for a correction with a note that quotes the NIK with dots.
  await decide(handle, 'verifikator', { decision: 'revise', note: `cocok dengan KTP ${DOTTED}?` });
  return registrationNumber;
}

/** The same file after the applicant's correction and the front desk's approval: now with DINKES. */
async function fileMovedOnToDinkes(registrationNumber: string) {
  const handle = env.stack.client.workflow.getHandle(registrationNumber);
  await handle.executeUpdate(resubmitUpdate, { args: [{ note: 'sudah benar' }] });
  await decide(handle, 'verifikator', { decision: 'approve' });
}

test('a NIK in free text is masked for every officer, with or without separators; the applicant sees it', async () => {
  const rn = await fileWithNiksInFreeText();
  const services = servicesWith(testCatalog);
  const asOfficer = (key: keyof typeof officers) =>
    services.fileQueries.status({ telegramUserId: officers[key].chat }, rn);

  // The file is with DPMPTSP: its officers see the NIK field whole, the free texts masked.
  const current = await asOfficer('verifikator');
  expect(current?.assignedDepartment).toBe('DPMPTSP');
  expect(current?.formData).toMatchObject({ applicantNik: VALID_NIK, fullName: `Siti (NIK ${MASKED})` });
  expect(current?.history.map((h) => h.reason).filter(Boolean)).toEqual([`cocok dengan KTP ${MASKED}?`]);

  // Once the file is with DINKES, the front desk (an earlier stage) still reads it, all masked.
  await fileMovedOnToDinkes(rn);
  const earlier = await asOfficer('verifikator');
  expect(earlier?.assignedDepartment).toBe('DINKES');
  expect(earlier?.formData).toMatchObject({ applicantNik: MASKED, fullName: `Siti (NIK ${MASKED})` });
  expect(JSON.stringify(earlier)).not.toMatch(/0157|0890/);

  const applicant = await services.fileQueries.status({ telegramUserId: APPLICANT_CHAT }, rn);
  expect(applicant?.formData).toMatchObject({ applicantNik: VALID_NIK, fullName: `Siti (NIK ${SPACED})` });
  expect(applicant?.history.map((h) => h.reason).filter(Boolean)).toEqual([`cocok dengan KTP ${DOTTED}?`]);
});

test('masking does not depend on the catalog: a NIK field the catalog no longer types as NIK stays masked', async () => {
  const rn = await fileWithNiksInFreeText();
  await fileMovedOnToDinkes(rn);
  const retyped: PermitCatalog = {
    ...testCatalog,
    permitTypes: testCatalog.permitTypes.map((t) => ({
      ...t,
      fields: t.fields.map((f) => (f.key === 'applicantNik' ? { ...f, type: 'text' as const } : f)),
    })),
  };
  const withoutType: PermitCatalog = {
    ...testCatalog,
    permitTypes: testCatalog.permitTypes.filter((t) => t.code !== 'TEST-FREE'),
  };
  // The front desk reads the file (now with DINKES) as an earlier stage's officer. A permit type
  // the catalog no longer has gives no officer access at all, which fails closed too.
  const asFrontDesk = (catalog: PermitCatalog) =>
    servicesWith(catalog).fileQueries.status({ telegramUserId: officers.verifikator.chat }, rn);
  expect((await asFrontDesk(retyped))?.formData.applicantNik).toBe(MASKED);
  expect(await asFrontDesk(withoutType)).toBeNull();
});
