import { inTransaction, type Pool } from '../db/pool.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import {
  type AdminAuditEntry,
  adminAuditOfOfficer,
  findOfficerById,
  insertOfficer,
  isTelegramIdTaken,
  listOfficers,
  type Officer,
  type OfficerInput,
  recordAdminAction,
  updateOfficer,
} from '../repositories/officerRepository.js';
import { type ReissuedAccessCode, type ReissueRequest, reissueAccessCode } from './accessCodeReissue.js';
import type { AccessCodeVerifier } from './accessCodeVerifier.js';
import type { Caller, CallerAccess } from './callerAccess.js';
import { findOfficerByApiKey, newOfficerApiKey } from './officerApiKeys.js';
import { ServiceError } from './serviceError.js';

/** Who made an administrative change, as the adapter established it. */
export interface AdminActor {
  kind: 'admin';
  /** A stable, non-secret identifier (e.g. a fingerprint of the admin token used). */
  id: string;
  /** Where the request came from, for the record (address, request ID). */
  meta?: Record<string, string>;
}

export interface OfficerServiceDependencies {
  pool: Pool;
  catalog: PermitCatalog;
  access: CallerAccess;
  accessCodes: AccessCodeVerifier;
}

type OfficerSnapshot = Pick<Officer, 'name' | 'telegramUserId' | 'roles' | 'departments' | 'active'>;

const snapshot = (o: Officer): OfficerSnapshot => ({
  name: o.name,
  telegramUserId: o.telegramUserId,
  roles: o.roles,
  departments: o.departments,
  active: o.active,
});

const telegramIdTaken = () =>
  new ServiceError('CONFLICT', {
    id: 'ID pengguna Telegram ini sudah terdaftar untuk petugas lain.',
    en: 'This Telegram user ID is already registered to another officer.',
  });

const officerNotFound = () =>
  new ServiceError('NOT_FOUND', {
    id: 'Petugas tidak ditemukan. Periksa ID petugas.',
    en: 'Officer not found. Check the officer ID.',
  });

function conflictOnTelegramId(error: unknown): never {
  throw isTelegramIdTaken(error) ? telegramIdTaken() : error;
}

/**
 * Officers and their administration. Every change is attributed: it writes admin_audit in the
 * same transaction. The front desk's access-code reissue is here too, as an officer's act.
 */
export function createOfficerService(deps: OfficerServiceDependencies) {
  const recordChange = (
    db: Parameters<typeof recordAdminAction>[0],
    actor: AdminActor,
    action: string,
    officerId: string,
    changes: Record<string, unknown>,
  ) =>
    recordAdminAction(db, {
      actorKind: actor.kind,
      actorId: actor.id,
      action,
      officerId,
      changes,
      requestMeta: actor.meta ?? {},
    });

  return {
    /** The active officer an API key belongs to, or null. */
    officerByApiKey(key: string): Promise<Officer | null> {
      return findOfficerByApiKey(deps.pool, key);
    },

    listOfficers(): Promise<Officer[]> {
      return listOfficers(deps.pool);
    },

    /** Creates an officer and records who did it; the API key is returned once, stored as a digest. */
    createOfficer(actor: AdminActor, input: OfficerInput): Promise<{ officer: Officer; apiKey: string }> {
      return inTransaction(deps.pool, async (client) => {
        const key = newOfficerApiKey();
        const officer = await insertOfficer(client, input, key).catch(conflictOnTelegramId);
        await recordChange(client, actor, 'officer_created', officer.id, { after: snapshot(officer) });
        return { officer, apiKey: key.key };
      });
    },

    /** Changes an officer and records the before/after of the fields that changed. */
    updateOfficer(actor: AdminActor, id: string, patch: Partial<OfficerInput>): Promise<Officer> {
      return inTransaction(deps.pool, async (client) => {
        const before = await findOfficerById(client, id, { lock: true });
        if (!before) throw officerNotFound();
        const after = await updateOfficer(client, id, patch).catch(conflictOnTelegramId);
        if (!after) throw officerNotFound();
        const was = snapshot(before);
        const now = snapshot(after);
        const changed = (Object.keys(now) as (keyof OfficerSnapshot)[]).filter(
          (key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]),
        );
        await recordChange(
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
    },

    /** The administrative history of one officer, oldest first. */
    adminAudit(officerId: string): Promise<AdminAuditEntry[]> {
      return adminAuditOfOfficer(deps.pool, officerId);
    },

    /** A front-desk officer issues a new code to an applicant who lost theirs; the old one stops working. */
    async reissueAccessCode(caller: Caller, request: ReissueRequest): Promise<ReissuedAccessCode> {
      const officer = await deps.access.requireOfficer(caller);
      const reissued = await reissueAccessCode(deps, officer, request);
      deps.accessCodes.forget(request.registrationNumber);
      return reissued;
    },
  };
}

export type OfficerService = ReturnType<typeof createOfficerService>;
