import { inTransaction, type Pool, type PoolClient } from '../db/pool.js';
import {
  createOfficer,
  findOfficerById,
  type Officer,
  type OfficerInput,
  updateOfficer,
} from './officers.js';
import { ServiceError } from './serviceError.js';

/** Who made an administrative change, as the adapter established it. */
export interface AdminActor {
  kind: 'admin';
  /** A stable, non-secret identifier (e.g. a fingerprint of the admin token used). */
  id: string;
  /** Where the request came from, for the record (address, request ID). */
  meta?: Record<string, string>;
}

type OfficerSnapshot = Pick<Officer, 'name' | 'telegramUserId' | 'roles' | 'departments' | 'active'>;

const snapshot = (o: Officer): OfficerSnapshot => ({
  name: o.name,
  telegramUserId: o.telegramUserId,
  roles: o.roles,
  departments: o.departments,
  active: o.active,
});

async function recordAdminAction(
  client: PoolClient,
  actor: AdminActor,
  action: string,
  officerId: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await client.query(
    `INSERT INTO admin_audit (actor_kind, actor_id, action, target_kind, target_id, changes, request_meta)
     VALUES ($1, $2, $3, 'officer', $4, $5, $6)`,
    [actor.kind, actor.id, action, officerId, JSON.stringify(changes), JSON.stringify(actor.meta ?? {})],
  );
}

/** Creates an officer and records who did it, in one transaction; the API key is returned once. */
export function createOfficerAsAdmin(
  pool: Pool,
  actor: AdminActor,
  input: OfficerInput,
): Promise<{ officer: Officer; apiKey: string }> {
  return inTransaction(pool, async (client) => {
    const created = await createOfficer(client, input);
    await recordAdminAction(client, actor, 'officer_created', created.officer.id, {
      after: snapshot(created.officer),
    });
    return created;
  });
}

/** Changes an officer and records the before/after of the fields that changed, in one transaction. */
export function updateOfficerAsAdmin(
  pool: Pool,
  actor: AdminActor,
  id: string,
  patch: Partial<OfficerInput>,
): Promise<Officer> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT 1 FROM officers WHERE id = $1 FOR UPDATE', [id]);
    const before = await findOfficerById(client, id);
    if (!before) {
      throw new ServiceError('NOT_FOUND', {
        id: 'Petugas tidak ditemukan. Periksa ID petugas.',
        en: 'Officer not found. Check the officer ID.',
      });
    }
    const after = await updateOfficer(client, id, patch);
    const was = snapshot(before);
    const now = snapshot(after);
    const changed = (Object.keys(now) as (keyof OfficerSnapshot)[]).filter(
      (key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]),
    );
    await recordAdminAction(
      client,
      actor,
      after.active || !before.active ? 'officer_updated' : 'officer_deactivated',
      id,
      {
        before: Object.fromEntries(changed.map((k) => [k, was[k]])),
        after: Object.fromEntries(changed.map((k) => [k, now[k]])),
      },
    );
    return after;
  });
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
export async function adminAuditOfOfficer(pool: Pool, officerId: string): Promise<AdminAuditEntry[]> {
  const { rows } = await pool.query<{
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
