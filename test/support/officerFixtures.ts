import type { Pool } from '../../src/db/pool.js';
import { newOfficerApiKey } from '../../src/services/officerApiKeys.js';

/*
 * The seeded officers, their keys and the stacks' fixed secrets, free of vitest so that scripts
 * outside the test runner (the fault drills) can seed a cluster the same way the tests do.
 */

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const PAYMENT_SECRET = 'test-payment-secret-0123456789abcdef0123';

/** A valid NIK (Kabupaten Serang, woman born 17-08-1990, serial 0001). */
export const VALID_NIK = '3604015708900001';

export const officers = {
  verifikator: {
    id: 'a0000000-0000-4000-8000-000000000001',
    chat: 1001,
    roles: ['verifikator'],
    departments: ['DPMPTSP'],
  },
  teknisDinkes: {
    id: 'a0000000-0000-4000-8000-000000000002',
    chat: 1002,
    roles: ['tim_teknis'],
    departments: ['DINKES'],
  },
  teknis: {
    id: 'a0000000-0000-4000-8000-000000000003',
    chat: 1003,
    roles: ['tim_teknis'],
    departments: ['DPMPTSP'],
  },
  kepala: {
    id: 'a0000000-0000-4000-8000-000000000004',
    chat: 1004,
    roles: ['kepala'],
    departments: ['DPMPTSP'],
  },
  manager: {
    id: 'a0000000-0000-4000-8000-000000000005',
    chat: 1005,
    roles: ['manager'],
    departments: ['DPMPTSP'],
  },
  kepalaKantor: {
    id: 'a0000000-0000-4000-8000-000000000006',
    chat: 1006,
    roles: ['kepala_kantor'],
    departments: ['DPMPTSP'],
  },
} as const;

export type OfficerKey = keyof typeof officers;

export async function seedOfficers(pool: Pool): Promise<void> {
  for (const [name, o] of Object.entries(officers)) {
    await pool.query(
      `INSERT INTO officers (id, name, telegram_user_id, roles, departments) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [o.id, name, o.chat, o.roles, o.departments],
    );
  }
}

/** Gives every seeded officer an API key (stored hashed, as createOfficer would). */
export async function issueOfficerKeys(pool: Pool): Promise<Record<OfficerKey, string>> {
  const keys = {} as Record<OfficerKey, string>;
  for (const [name, officer] of Object.entries(officers) as [OfficerKey, (typeof officers)[OfficerKey]][]) {
    const key = newOfficerApiKey();
    await pool.query('UPDATE officers SET api_key_hash = $2, api_key_prefix = $3 WHERE id = $1', [
      officer.id,
      key.hash,
      key.prefix,
    ]);
    keys[name] = key.key;
  }
  return keys;
}
