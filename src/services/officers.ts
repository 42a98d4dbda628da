import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Pool, PoolClient } from '../db/pool.js';
import type { OfficerIdentity } from '../workflows/permit/permitContract.js';
import { ServiceError } from './serviceError.js';

export interface Officer {
  id: string;
  name: string;
  telegramUserId: number | null;
  roles: string[];
  departments: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

interface OfficerRow {
  id: string;
  name: string;
  telegram_user_id: string | null;
  roles: string[];
  departments: string[];
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

/** A pool, or a client inside a transaction (administration writes its audit row beside the change). */
type Queryable = Pool | PoolClient;

const COLUMNS = 'id, name, telegram_user_id, roles, departments, active, created_at, updated_at';

function toOfficer(row: OfficerRow): Officer {
  return {
    id: row.id,
    name: row.name,
    telegramUserId: row.telegram_user_id === null ? null : Number(row.telegram_user_id),
    roles: row.roles,
    departments: row.departments,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function officerIdentity(officer: Officer): OfficerIdentity {
  return { kind: 'officer', officerId: officer.id, roles: officer.roles, departments: officer.departments };
}

/**
 * Officer API keys are 32 random bytes: far beyond brute force, so a SHA-256 digest is a safe
 * stored form and keeps every authenticated request cheap. The prefix finds the row; the
 * digest is compared in constant time.
 */
const KEY_PREFIX_LENGTH = 12;
const digest = (key: string) => createHash('sha256').update(key).digest();

export function newOfficerApiKey(): { key: string; prefix: string; hash: string } {
  const key = `po_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, KEY_PREFIX_LENGTH), hash: digest(key).toString('hex') };
}

export async function findOfficerByApiKey(pool: Pool, key: string): Promise<Officer | null> {
  if (typeof key !== 'string' || key.length < KEY_PREFIX_LENGTH + 8 || key.length > 200) return null;
  const { rows } = await pool.query<OfficerRow & { api_key_hash: string | null }>(
    `SELECT ${COLUMNS}, api_key_hash FROM officers WHERE api_key_prefix = $1`,
    [key.slice(0, KEY_PREFIX_LENGTH)],
  );
  const row = rows[0];
  const expected = Buffer.from(row?.api_key_hash ?? '0'.repeat(64), 'hex');
  const matches = timingSafeEqual(expected, digest(key)) && row !== undefined;
  return matches && row.active ? toOfficer(row) : null;
}

export async function findOfficerByTelegramId(pool: Pool, telegramUserId: number): Promise<Officer | null> {
  const { rows } = await pool.query<OfficerRow>(
    `SELECT ${COLUMNS} FROM officers WHERE telegram_user_id = $1 AND active`,
    [telegramUserId],
  );
  return rows[0] ? toOfficer(rows[0]) : null;
}

export async function findOfficerById(pool: Queryable, id: string): Promise<Officer | null> {
  const { rows } = await pool.query<OfficerRow>(`SELECT ${COLUMNS} FROM officers WHERE id = $1`, [id]);
  return rows[0] ? toOfficer(rows[0]) : null;
}

export interface OfficerInput {
  name: string;
  telegramUserId?: number | null;
  roles: string[];
  departments: string[];
  active?: boolean;
}

function conflictOnTelegramId(error: unknown): never {
  if ((error as { code?: string }).code === '23505') {
    throw new ServiceError('CONFLICT', {
      id: 'ID pengguna Telegram ini sudah terdaftar untuk petugas lain.',
      en: 'This Telegram user ID is already registered to another officer.',
    });
  }
  throw error;
}

/** Creates an officer; the API key is returned once and stored only as a digest. */
export async function createOfficer(
  pool: Queryable,
  input: OfficerInput,
): Promise<{ officer: Officer; apiKey: string }> {
  const key = newOfficerApiKey();
  try {
    const { rows } = await pool.query<OfficerRow>(
      `INSERT INTO officers (name, telegram_user_id, roles, departments, active, api_key_hash, api_key_prefix)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        input.name,
        input.telegramUserId ?? null,
        input.roles,
        input.departments,
        input.active ?? true,
        key.hash,
        key.prefix,
      ],
    );
    return { officer: toOfficer(rows[0]!), apiKey: key.key };
  } catch (error) {
    conflictOnTelegramId(error);
  }
}

export async function listOfficers(pool: Pool): Promise<Officer[]> {
  const { rows } = await pool.query<OfficerRow>(`SELECT ${COLUMNS} FROM officers ORDER BY name, id`);
  return rows.map(toOfficer);
}

export async function updateOfficer(
  pool: Queryable,
  id: string,
  patch: Partial<OfficerInput>,
): Promise<Officer> {
  try {
    const { rows } = await pool.query<OfficerRow>(
      `UPDATE officers SET
         name = COALESCE($2, name),
         telegram_user_id = CASE WHEN $3::boolean THEN $4 ELSE telegram_user_id END,
         roles = COALESCE($5, roles),
         departments = COALESCE($6, departments),
         active = COALESCE($7, active),
         updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        patch.name ?? null,
        patch.telegramUserId !== undefined,
        patch.telegramUserId ?? null,
        patch.roles ?? null,
        patch.departments ?? null,
        patch.active ?? null,
      ],
    );
    if (!rows[0]) {
      throw new ServiceError('NOT_FOUND', { id: 'Petugas tidak ditemukan.', en: 'Officer not found.' });
    }
    return toOfficer(rows[0]);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    conflictOnTelegramId(error);
  }
}
