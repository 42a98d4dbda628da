import type { Queryable } from '../db/pool.js';

// Officers (their roles, departments, Telegram account and API key digest) and the attributed
// record of administrative changes (admin_audit).

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

export interface OfficerInput {
  name: string;
  telegramUserId?: number | null;
  roles: string[];
  departments: string[];
  active?: boolean;
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

/** The officer whose API key starts with the prefix, with the key's stored digest (hex). */
export async function findOfficerByApiKeyPrefix(
  db: Queryable,
  prefix: string,
): Promise<{ officer: Officer; apiKeyHash: string | null } | null> {
  const { rows } = await db.query<OfficerRow & { api_key_hash: string | null }>(
    `SELECT ${COLUMNS}, api_key_hash FROM officers WHERE api_key_prefix = $1`,
    [prefix],
  );
  const row = rows[0];
  return row ? { officer: toOfficer(row), apiKeyHash: row.api_key_hash } : null;
}

export async function findActiveOfficerByTelegramId(
  db: Queryable,
  telegramUserId: number,
): Promise<Officer | null> {
  const { rows } = await db.query<OfficerRow>(
    `SELECT ${COLUMNS} FROM officers WHERE telegram_user_id = $1 AND active`,
    [telegramUserId],
  );
  return rows[0] ? toOfficer(rows[0]) : null;
}

/** The officer by ID; with `lock`, the row stays locked until the caller's transaction ends. */
export async function findOfficerById(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Officer | null> {
  const { rows } = await db.query<OfficerRow>(
    `SELECT ${COLUMNS} FROM officers WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toOfficer(rows[0]) : null;
}

export async function listOfficers(db: Queryable): Promise<Officer[]> {
  const { rows } = await db.query<OfficerRow>(`SELECT ${COLUMNS} FROM officers ORDER BY name, id`);
  return rows.map(toOfficer);
}

/** The write failed because another officer has this Telegram user ID. */
export function isTelegramIdTaken(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

export async function insertOfficer(
  db: Queryable,
  input: OfficerInput,
  apiKey: { hash: string; prefix: string },
): Promise<Officer> {
  const { rows } = await db.query<OfficerRow>(
    `INSERT INTO officers (name, telegram_user_id, roles, departments, active, api_key_hash, api_key_prefix)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [
      input.name,
      input.telegramUserId ?? null,
      input.roles,
      input.departments,
      input.active ?? true,
      apiKey.hash,
      apiKey.prefix,
    ],
  );
  return toOfficer(rows[0]!);
}

/** Changes the given fields; null when there is no such officer. */
export async function updateOfficer(
  db: Queryable,
  id: string,
  patch: Partial<OfficerInput>,
): Promise<Officer | null> {
  const { rows } = await db.query<OfficerRow>(
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
  return rows[0] ? toOfficer(rows[0]) : null;
}

export interface AdminAction {
  actorKind: string;
  actorId: string;
  action: string;
  officerId: string;
  changes: Record<string, unknown>;
  requestMeta: Record<string, string>;
}

export async function recordAdminAction(db: Queryable, entry: AdminAction): Promise<void> {
  await db.query(
    `INSERT INTO admin_audit (actor_kind, actor_id, action, target_kind, target_id, changes, request_meta)
     VALUES ($1, $2, $3, 'officer', $4, $5, $6)`,
    [
      entry.actorKind,
      entry.actorId,
      entry.action,
      entry.officerId,
      JSON.stringify(entry.changes),
      JSON.stringify(entry.requestMeta),
    ],
  );
}

export interface AdminAuditEntry {
  id: number;
  occurredAt: string;
  actorKind: string;
  actorId: string;
  action: string;
  targetKind: string;
  targetId: string;
  changes: Record<string, unknown>;
}

/** The administrative history of one officer, oldest first. */
export async function adminAuditOfOfficer(db: Queryable, officerId: string): Promise<AdminAuditEntry[]> {
  const { rows } = await db.query<{
    id: string;
    occurred_at: Date;
    actor_kind: string;
    actor_id: string;
    action: string;
    target_kind: string;
    target_id: string;
    changes: Record<string, unknown>;
  }>(
    `SELECT id, occurred_at, actor_kind, actor_id, action, target_kind, target_id, changes
     FROM admin_audit WHERE target_kind = 'officer' AND target_id = $1 ORDER BY id`,
    [officerId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    occurredAt: r.occurred_at.toISOString(),
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    action: r.action,
    targetKind: r.target_kind,
    targetId: r.target_id,
    changes: r.changes,
  }));
}
