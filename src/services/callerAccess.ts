import type { Pool } from '../db/pool.js';
import { type FileViewer, officerReadGrant, stageSeats } from '../domain/access/fileAccess.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { isManager } from '../domain/officers/managerRole.js';
import { findAccessCodeReissuer } from '../repositories/accessCodeRepository.js';
import { findStagesOfFile, isTelegramApplicantOf } from '../repositories/applicationRepository.js';
import { recordOfficerFileRead } from '../repositories/officerFileReadRepository.js';
import { findActiveOfficerByTelegramId, type Officer } from '../repositories/officerRepository.js';
import {
  countTelegramCodeFailure,
  telegramCodeFailuresNow,
} from '../repositories/telegramCodeFailureRepository.js';
import type { ReissuedCodeMark } from '../workflows/permit/permitContract.js';
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

/**
 * Wrong codes (access codes and complaint ticket codes together) one Telegram user may type per
 * window, as the API allows failed authentications per address; past them even the right code
 * is refused until the window ends.
 */
export const TELEGRAM_CODE_FAILURES = { limit: 20, windowMs: 15 * 60_000 } as const;

const tooManyWrongCodes = (windowEndsAt: Date) => {
  const minutes = Math.max(1, Math.ceil((windowEndsAt.getTime() - Date.now()) / 60_000));
  return new ServiceError(
    'REFUSED',
    {
      id: `Terlalu banyak kode akses atau kode tiket yang salah dari akun Telegram ini. Coba lagi dalam ${minutes} menit.`,
      en: `Too many wrong access or ticket codes from this Telegram account. Try again in ${minutes} minutes.`,
    },
    { reason: 'TOO_MANY_ATTEMPTS' },
  );
};

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
    private readonly catalog: PermitCatalog,
    private readonly accessCodes: AccessCodeVerifier,
  ) {}

  /** The file's applicant: the Telegram account that applied, or whoever holds its access code. */
  async isApplicant(caller: Caller, registrationNumber: string): Promise<boolean> {
    return (await this.applicantBy(caller, registrationNumber)) !== null;
  }

  private async applicantBy(caller: Caller, registrationNumber: string): Promise<'telegram' | 'code' | null> {
    if (
      caller.telegramUserId !== undefined &&
      (await isTelegramApplicantOf(this.pool, registrationNumber, caller.telegramUserId))
    ) {
      return 'telegram';
    }
    if (caller.accessCode === undefined) return null;
    const holds =
      caller.telegramUserId === undefined
        ? await this.accessCodes.holds(registrationNumber, caller.accessCode)
        : await this.holdsCodeTypedInTelegram(caller.telegramUserId, registrationNumber, caller.accessCode);
    return holds ? 'code' : null;
  }

  /** The API limits failed codes per address (HTTP middleware); the bot per Telegram user, here. */
  private async holdsCodeTypedInTelegram(
    telegramUserId: number,
    registrationNumber: string,
    accessCode: string,
  ): Promise<boolean> {
    const holds = await this.checkCodeTypedInTelegram(telegramUserId, async () =>
      (await this.accessCodes.holds(registrationNumber, accessCode)) ? true : null,
    );
    return holds === true;
  }

  /**
   * A secret code typed into the bot (a file's access code, a complaint's ticket code), checked
   * under one limit of wrong codes per Telegram user: `check` answers null for a wrong one, which
   * counts; past the limit nothing is checked and even the right code is refused for a while.
   */
  async checkCodeTypedInTelegram<T>(
    telegramUserId: number,
    check: () => Promise<T | null>,
  ): Promise<T | null> {
    const { limit, windowMs } = TELEGRAM_CODE_FAILURES;
    const failures = await telegramCodeFailuresNow(this.pool, telegramUserId, windowMs);
    if (failures && failures.failures >= limit) throw tooManyWrongCodes(failures.windowEndsAt);
    const found = await check();
    if (found === null) await countTelegramCodeFailure(this.pool, telegramUserId, windowMs);
    return found;
  }

  /** The officer the caller is: authenticated by the adapter, or registered to the Telegram account. */
  async officerOf(caller: Caller): Promise<Officer | null> {
    if (caller.officer) return caller.officer;
    if (caller.telegramUserId === undefined) return null;
    return findActiveOfficerByTelegramId(this.pool, caller.telegramUserId);
  }

  /**
   * How the caller may see the file: as its applicant, as an officer whose role and department
   * the file is or was with (or their manager), or not at all (null, as for a missing file).
   */
  async viewerOf(caller: Caller, registrationNumber: string): Promise<FileViewer | null> {
    if (await this.isApplicant(caller, registrationNumber)) return { kind: 'applicant' };
    const officer = await this.officerOf(caller);
    if (!officer) return null;
    const file = await findStagesOfFile(this.pool, registrationNumber);
    const permitType = file && findPermitType(this.catalog, file.permitTypeCode);
    if (!file || !permitType) return null;
    const grant = officerReadGrant(officer, stageSeats(permitType, file.stageKeys));
    return grant ? { kind: 'officer', officerId: officer.id, departments: officer.departments, grant } : null;
  }

  /** Records an officer's read of the file (shown to its applicant); an applicant's reads are not. */
  async recordRead(viewer: FileViewer, registrationNumber: string): Promise<void> {
    if (viewer.kind !== 'officer') return;
    await recordOfficerFileRead(this.pool, {
      registrationNumber,
      officerId: viewer.officerId,
      ...viewer.grant,
    });
  }

  /**
   * The caller must be the file's applicant. Answers, for the audit trail, the officer who
   * issued the code the caller used, when it was reissued at the counter.
   */
  async requireApplicant(caller: Caller, registrationNumber: string): Promise<ReissuedCodeMark> {
    const by = await this.applicantBy(caller, registrationNumber);
    if (!by) throw notYoursOrMissing(caller);
    const reissuedBy = by === 'code' ? await findAccessCodeReissuer(this.pool, registrationNumber) : null;
    return reissuedBy ? { accessCodeReissuedBy: reissuedBy } : {};
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
