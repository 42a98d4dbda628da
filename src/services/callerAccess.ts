import type { Pool } from '../db/pool.js';
import { type FileViewer, fileViewer } from '../domain/access/fileAccess.js';
import { isManager } from '../domain/officers/managerRole.js';
import { isTelegramApplicantOf } from '../repositories/applicationRepository.js';
import { findActiveOfficerByTelegramId, type Officer } from '../repositories/officerRepository.js';
import type { AccessCodeVerifier } from './accessCodeVerifier.js';
import { applicationNotFound, ServiceError } from './serviceError.js';

/**
 * Who is calling, as far as the adapter knows: an officer it authenticated (API key), a
 * Telegram account, an access code the caller presented for the file. The services decide
 * from this who the caller is for the file at hand.
 */
export interface Caller {
  officer?: Officer;
  telegramUserId?: number;
  accessCode?: string;
}

export const notAnOfficer = () =>
  new ServiceError(
    'REFUSED',
    {
      id: 'Perintah ini hanya untuk petugas yang terdaftar. Jika Anda petugas, minta admin mendaftarkan akun Telegram Anda.',
      en: 'This command is for registered officers only. If you are an officer, ask the admin to register your Telegram account.',
    },
    { reason: 'NOT_OFFICER' },
  );

export const notAManager = () =>
  new ServiceError(
    'REFUSED',
    {
      id: 'Ringkasan SLA hanya untuk atasan (manajer) yang terdaftar.',
      en: 'The SLA overview is for registered managers only.',
    },
    { reason: 'NOT_MANAGER' },
  );

/** A file that is not the caller's is answered exactly like a file that does not exist. */
const notYoursOrMissing = (caller: Caller) =>
  caller.telegramUserId === undefined
    ? applicationNotFound()
    : new ServiceError('NOT_FOUND', {
        id: 'Permohonan dengan nomor itu tidak ditemukan pada akun Telegram Anda. Periksa nomor registrasi.',
        en: 'No application with that number was found for your Telegram account. Check the registration number.',
      });

/** The one place that decides who a caller is for a file; every service asks it. */
export class CallerAccess {
  constructor(
    private readonly pool: Pool,
    private readonly accessCodes: AccessCodeVerifier,
  ) {}

  /** The file's applicant: the Telegram account that applied, or whoever holds its access code. */
  async isApplicant(caller: Caller, registrationNumber: string): Promise<boolean> {
    if (
      caller.telegramUserId !== undefined &&
      (await isTelegramApplicantOf(this.pool, registrationNumber, caller.telegramUserId))
    ) {
      return true;
    }
    return caller.accessCode !== undefined && this.accessCodes.holds(registrationNumber, caller.accessCode);
  }

  /** The officer the caller is: authenticated by the adapter, or registered to the Telegram account. */
  async officerOf(caller: Caller): Promise<Officer | null> {
    if (caller.officer) return caller.officer;
    if (caller.telegramUserId === undefined) return null;
    return findActiveOfficerByTelegramId(this.pool, caller.telegramUserId);
  }

  async viewerOf(caller: Caller, registrationNumber: string): Promise<FileViewer | null> {
    const applicant = await this.isApplicant(caller, registrationNumber);
    return fileViewer(applicant, applicant ? null : await this.officerOf(caller));
  }

  async requireApplicant(caller: Caller, registrationNumber: string): Promise<void> {
    if (!(await this.isApplicant(caller, registrationNumber))) throw notYoursOrMissing(caller);
  }

  async requireOfficer(caller: Caller): Promise<Officer> {
    const officer = await this.officerOf(caller);
    if (!officer) throw notAnOfficer();
    return officer;
  }

  async requireManager(caller: Caller): Promise<Officer> {
    const officer = await this.requireOfficer(caller);
    if (!isManager(officer)) throw notAManager();
    return officer;
  }
}
