import { formatRegistrationNumber } from '../domain/identifiers/registrationNumber.js';
import type { PoolClient } from './pool.js';

/**
 * Gap-free numbering per permit type and year. The counter row is bumped inside the caller's
 * transaction: concurrent callers queue on its row lock, and a rolled-back transaction gives
 * its number back, so issued numbers have no gaps.
 */
async function nextInSequence(
  client: PoolClient,
  table: 'registration_counters' | 'permit_counters',
  permitType: string,
  year: number,
): Promise<number> {
  const { rows } = await client.query<{ last_value: number }>(
    `INSERT INTO ${table} (permit_type, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (permit_type, year) DO UPDATE SET last_value = ${table}.last_value + 1
     RETURNING last_value`,
    [permitType, year],
  );
  return rows[0]!.last_value;
}

/** `<TYPE>-<YYYY>-<NNNNNN>`, e.g. PBG-2026-000042. Call inside the transaction that stores it. */
export async function allocateRegistrationNumber(
  client: PoolClient,
  permitType: string,
  year: number,
): Promise<string> {
  return formatRegistrationNumber(
    permitType,
    year,
    await nextInSequence(client, 'registration_counters', permitType, year),
  );
}

/** The number printed on an issued decision (SK izin), e.g. SK/PBG/2026/000007. */
export async function allocatePermitNumber(
  client: PoolClient,
  permitType: string,
  year: number,
): Promise<string> {
  const sequence = await nextInSequence(client, 'permit_counters', permitType, year);
  return `SK/${permitType}/${year}/${String(sequence).padStart(6, '0')}`;
}
