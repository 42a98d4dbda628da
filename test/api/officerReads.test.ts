import { afterAll, beforeAll, expect, test } from 'vitest';
import { officers, VALID_NIK } from '../support/permitScenario.js';
import { type ApiTestStack, NO_LIMITS, startApiTestStack } from './support/apiStack.js';
import { call, type Submitted, submitViaApi, uploadKtp } from './support/httpClient.js';

// Officers' reads of a file's personal data: recorded (who, when, which file; not the data),
// shown to the applicant by role and department, and rate limited per officer.

let api: ApiTestStack;
let file: Submitted;

beforeAll(async () => {
  api = await startApiTestStack('api_officer_reads');
  file = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
});
afterAll(async () => {
  await api?.stop();
});

const readAs = (url: string, credentials: { bearer?: string; accessCode?: string }) =>
  call<{ formData: Record<string, string>; openedBy?: unknown }>(
    url,
    'GET',
    `/api/v1/applications/${file.registrationNumber}`,
    credentials,
  );

const recordedReads = async () =>
  (
    await api.stack.pool.query(
      `SELECT officer_id::text, registration_number, role, department FROM officer_file_reads
       WHERE registration_number = $1 ORDER BY id`,
      [file.registrationNumber],
    )
  ).rows;

test('each officer read is recorded without the data, and the applicant sees who opened the file by role and department', async () => {
  expect((await readAs(api.url, { bearer: api.keys.verifikator })).status).toBe(200);
  expect((await readAs(api.url, { bearer: api.keys.verifikator })).status).toBe(200);
  expect((await readAs(api.url, { bearer: api.keys.manager })).status).toBe(200);
  // Refused reads open nothing and record nothing; the applicant's own reads are not officers'.
  expect((await readAs(api.url, { bearer: api.keys.teknis })).status).toBe(404);
  const own = await readAs(api.url, { accessCode: file.accessCode });
  expect(own.status).toBe(200);

  expect(await recordedReads()).toEqual([
    {
      officer_id: officers.verifikator.id,
      registration_number: file.registrationNumber,
      role: 'verifikator',
      department: 'DPMPTSP',
    },
    {
      officer_id: officers.verifikator.id,
      registration_number: file.registrationNumber,
      role: 'verifikator',
      department: 'DPMPTSP',
    },
    {
      officer_id: officers.manager.id,
      registration_number: file.registrationNumber,
      role: 'manager',
      department: 'DPMPTSP',
    },
  ]);
  const columns = await api.stack.pool.query(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'officer_file_reads' AND table_schema = current_schema() ORDER BY column_name",
  );
  expect(columns.rows.map((c) => c.column_name)).toEqual([
    'department',
    'id',
    'officer_id',
    'read_at',
    'registration_number',
    'role',
  ]);

  expect(own.body.openedBy).toEqual([
    { role: 'verifikator', department: 'DPMPTSP', times: 2, lastAt: expect.any(String) },
    { role: 'manager', department: 'DPMPTSP', times: 1, lastAt: expect.any(String) },
  ]);
  expect(own.text).not.toContain(officers.verifikator.id);
  // Officers do not see the list; it is the applicant's.
  const asOfficer = await readAs(api.url, { bearer: api.keys.verifikator });
  expect(asOfficer.body.formData.applicantNik).toBe(VALID_NIK);
  expect(asOfficer.body.openedBy).toBeUndefined();
});

test('officer requests are rate limited per officer', async () => {
  const tight = await api.serveWith({ rateLimits: { ...NO_LIMITS, officerPerMinute: 3 } });
  try {
    for (let i = 0; i < 3; i++)
      expect((await readAs(tight.url, { bearer: api.keys.verifikator })).status).toBe(200);
    const limited = await readAs(tight.url, { bearer: api.keys.verifikator });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another officer (possibly behind the same office address) is not affected.
    expect((await readAs(tight.url, { bearer: api.keys.manager })).status).toBe(200);
    // Nor is the applicant.
    expect((await readAs(tight.url, { accessCode: file.accessCode })).status).toBe(200);
  } finally {
    await tight.close();
  }
});
