import { MAX_TICKET_SEQUENCE } from '../domain/complaints/ticketNumber.js';
import { MAX_REGISTRATION_SEQUENCE } from '../domain/identifiers/registrationNumber.js';
import type { Pool, PoolClient } from './pool.js';
import { preparedStatement } from './preparedStatement.js';

/**
 * Gap-free numbering per permit type and year. The counter row is bumped inside the caller's
 * transaction (or statement): concurrent callers queue on its row lock, and a rolled-back
 * transaction gives its number back, so issued numbers have no gaps.
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

/** The columns of a new application row other than its number and permit type. */
export type NewApplicationColumns = Record<string, unknown>;

/**
 * Inserts an application row under the next registration number of its type and year, in one
 * statement. The counter's row lock, which every submission of the type queues on, is then held
 * only while the server runs the statement, never across a round trip to this process; and a
 * failed insert (say, a duplicate idempotency key) undoes its counter bump, so issued numbers
 * stay gap-free. The number is built in SQL in the same shape as `formatRegistrationNumber`
 * (test/db/sequenceNumbers.test.ts compares the two).
 */
export async function insertApplicationWithNumber(
  db: Pool | PoolClient,
  permitType: string,
  year: number,
  columns: NewApplicationColumns,
): Promise<string> {
  const names = Object.keys(columns);
  // Column names come from code, never from input; the check keeps it that way.
  for (const name of names) if (!/^[a-z_]+$/.test(name)) throw new Error(`invalid column name ${name}`);
  const values = names.map((name) => columns[name]);
  const { rows } = await db.query<{ registration_number: string }>(
    preparedStatement(
      `WITH allocated AS (
       INSERT INTO registration_counters (permit_type, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (permit_type, year) DO UPDATE SET last_value = registration_counters.last_value + 1
       RETURNING last_value)
     INSERT INTO applications (registration_number, permit_type${names.map((n) => `, ${n}`).join('')})
     SELECT $1 || '-' || $2::text || '-' || lpad(last_value::text, 6, '0'), $1${names.map((_, i) => `, $${i + 4}`).join('')}
     FROM allocated WHERE last_value <= $3
     RETURNING registration_number`,
      [permitType, year, MAX_REGISTRATION_SEQUENCE, ...values],
    ),
  );
  const registrationNumber = rows[0]?.registration_number;
  if (!registrationNumber) {
    throw new RangeError(
      `registration numbers of ${permitType} for ${year} are used up (${MAX_REGISTRATION_SEQUENCE})`,
    );
  }
  return registrationNumber;
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

/** The columns of a new complaint row other than its ticket. */
export type NewComplaintColumns = Record<string, unknown>;

/**
 * Inserts a complaint under the next ticket of the year (ADU-<year>-<NNNNNN>), in one statement
 * and gap-free for the same reasons as `insertApplicationWithNumber`; built in SQL in the shape
 * of `formatTicket`.
 */
export async function insertComplaintWithTicket(
  db: Pool | PoolClient,
  year: number,
  columns: NewComplaintColumns,
): Promise<string> {
  const names = Object.keys(columns);
  for (const name of names) if (!/^[a-z_]+$/.test(name)) throw new Error(`invalid column name ${name}`);
  const values = names.map((name) => columns[name]);
  const { rows } = await db.query<{ ticket: string }>(
    `WITH allocated AS (
       INSERT INTO complaint_counters (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = complaint_counters.last_value + 1
       RETURNING last_value)
     INSERT INTO complaints (ticket${names.map((n) => `, ${n}`).join('')})
     SELECT 'ADU-' || $1::text || '-' || lpad(last_value::text, 6, '0')${names.map((_, i) => `, $${i + 3}`).join('')}
     FROM allocated WHERE last_value <= $2
     RETURNING ticket`,
    [year, MAX_TICKET_SEQUENCE, ...values],
  );
  const ticket = rows[0]?.ticket;
  if (!ticket) throw new RangeError(`complaint tickets for ${year} are used up (${MAX_TICKET_SEQUENCE})`);
  return ticket;
}
