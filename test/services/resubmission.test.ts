import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ResubmissionDependencies, resubmitWithChanges } from '../../src/services/resubmission.js';
import { decide, submit, testCatalog, usePermitStack, VALID_NIK } from '../support/permitScenario.js';

const env = usePermitStack('resubmission');
let dir: string;
let deps: ResubmissionDependencies;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'perizinan-resubmission-'));
  deps = {
    pool: env.stack.pool,
    temporal: env.stack.client,
    catalog: testCatalog,
  };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function formOf(registrationNumber: string) {
  const { rows } = await env.stack.pool.query(
    'SELECT form_data, form_sequence FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  return rows[0];
}

test("a late retry of an earlier round's resubmission leaves a later round's corrections alone", async () => {
  const { registrationNumber: rn, handle } = await submit(env.stack, 'TEST-FREE');
  await decide(handle, 'verifikator', { decision: 'revise', note: 'nomor telepon salah' });
  await resubmitWithChanges(deps, rn, { changedFields: { phone: '081211111111' } }, 'round-1');
  expect((await formOf(rn)).form_data.phone).toBe('+6281211111111');

  await decide(handle, 'verifikator', { decision: 'revise', note: 'masih salah, dan nama lengkap' });
  await resubmitWithChanges(
    deps,
    rn,
    { changedFields: { phone: '081222222222', fullName: 'Siti Rahmawati, S.Kep.' } },
    'round-2',
  );
  const latest = await formOf(rn);

  // Round 1's caller never saw its answer and retries: the workflow answers as before (the
  // update ID is applied once), and the row keeps round 2's values.
  const retried = await resubmitWithChanges(
    deps,
    rn,
    { changedFields: { phone: '081211111111' } },
    'round-1',
  );
  expect(retried.history.filter((h) => h.action === 'resubmitted')).toHaveLength(1);
  expect(await formOf(rn)).toEqual(latest);
  expect(latest.form_data).toMatchObject({ phone: '+6281222222222', fullName: 'Siti Rahmawati, S.Kep.' });
  // Fields nobody corrected are kept as submitted.
  expect(latest.form_data.applicantNik).toBe('3604015708900001');
});

test('an optional field cleared in a correction leaves the form', async () => {
  const { registrationNumber: rn, handle } = await submit(env.stack, 'TEST-FREE');
  expect((await formOf(rn)).form_data.phone).toBe('+6281234567890');
  await decide(handle, 'verifikator', { decision: 'revise', note: 'nomor HP tidak aktif, kosongkan saja' });
  await resubmitWithChanges(deps, rn, { changedFields: { phone: '' } }, 'clear-phone');
  const cleared = await formOf(rn);
  expect(cleared.form_data).not.toHaveProperty('phone');
  expect(cleared.form_data).toMatchObject({ applicantNik: '3604015708900001', fullName: 'Siti Rahmawati' });
});

test("a file's workflow history holds none of the applicant's personal data, corrections included", async () => {
  const { registrationNumber: rn, handle } = await submit(env.stack, 'TEST-FREE');
  await decide(handle, 'verifikator', { decision: 'revise', note: 'nama tidak sesuai KTP' });
  await resubmitWithChanges(
    deps,
    rn,
    { changedFields: { fullName: 'Siti Rahmawati Wibowo', phone: '081299998888' } },
    'personal-data',
  );
  const history = JSON.stringify(await handle.fetchHistory());
  // Payloads are base64 JSON: decode them before looking.
  const payloads = [...history.matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)]
    .map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'))
    .join('\n');
  expect(payloads).toContain('TEST-FREE');
  expect(payloads).toContain('fullName'); // the names of the corrected fields, for the audit
  // Phone numbers in any of their forms (the form stores them as +62...).
  for (const personal of [VALID_NIK, VALID_NIK.slice(0, 6), 'Rahmawati', '81234567890', '81299998888']) {
    expect(payloads).not.toContain(personal);
  }
  expect((await formOf(rn)).form_data).toMatchObject({
    fullName: 'Siti Rahmawati Wibowo',
    phone: '+6281299998888',
  });
});
