// Why the stage machine refuses an action, with a message that tells the person what is wrong
// and, where possible, who can act instead.

import type { FileStatus } from './fileState.js';
import { FILE_STATUS_LABELS } from './fileState.js';

export type RefusalReason =
  | 'CLOSED_FILE' // the file has a final status
  | 'NOT_OFFICER' // approve/reject/revise by someone who is not an officer
  | 'NOT_APPLICANT' // resubmit/withdraw by someone who is not the applicant
  | 'NOT_PAYMENT_CONFIRMER' // pay by someone other than the payment gateway or the system
  | 'NOT_SYSTEM' // lapse/deadline_missed by a person
  | 'WRONG_STAGE' // the action does not fit the file's current status or stage
  | 'WRONG_ROLE'
  | 'WRONG_DEPARTMENT'
  | 'MISSING_REASON' // reject without a reason
  | 'MISSING_NOTE' // revise without saying what to fix
  | 'MISSING_REFERENCE' // pay without a payment reference
  | 'REVISION_LIMIT_REACHED'
  | 'DEEMED_APPROVAL_DISABLED'
  | 'STATUTORY_CLOCK_NOT_STARTED' // deadline missed on the completeness check
  | 'UNKNOWN_ACTION'; // an action type the machine does not know (untrusted input)

export interface Refusal {
  reason: RefusalReason;
  message: { id: string; en: string };
}

/** Thrown where a refused action cannot go on; the refusal says why, in both languages. */
export class ActionRefusedError extends Error {
  override readonly name = 'ActionRefusedError';
  constructor(readonly refusal: Refusal) {
    super(refusal.message.en);
  }
}

export interface RefusalContext {
  status: FileStatus;
  stageName: { id: string; en: string };
  role?: string;
  department?: string;
  maxRevisionRounds?: number;
}

export function refusalMessage(reason: RefusalReason, ctx: RefusalContext): { id: string; en: string } {
  const status = FILE_STATUS_LABELS[ctx.status];
  const stage = ctx.stageName;
  switch (reason) {
    case 'CLOSED_FILE':
      return {
        id: `Berkas sudah selesai (${status.id}) dan tidak dapat diubah lagi.`,
        en: `The file is closed (${status.en}) and can no longer be changed.`,
      };
    case 'NOT_OFFICER':
      return {
        id: 'Hanya petugas yang dapat menyetujui, menolak, atau meminta perbaikan berkas.',
        en: 'Only an officer can approve, reject or request a revision of a file.',
      };
    case 'NOT_APPLICANT':
      return {
        id: 'Hanya pemohon yang dapat mengirim perbaikan atau mencabut permohonan.',
        en: 'Only the applicant can resubmit or withdraw the application.',
      };
    case 'NOT_PAYMENT_CONFIRMER':
      return {
        id: 'Pembayaran hanya dapat dikonfirmasi oleh sistem pembayaran, bukan oleh petugas atau pemohon.',
        en: 'A payment can only be confirmed by the payment system, not by an officer or the applicant.',
      };
    case 'NOT_SYSTEM':
      return {
        id: 'Tindakan ini hanya dilakukan otomatis oleh sistem saat tenggat terlewati.',
        en: 'This action is taken only by the system itself when a deadline passes.',
      };
    case 'WRONG_STAGE':
      return {
        id: `Tindakan ini tidak tersedia saat berkas ${status.id} pada tahap "${stage.id}".`,
        en: `This action is not available while the file is ${status.en} at the stage "${stage.en}".`,
      };
    case 'WRONG_ROLE':
      return {
        id: `Tahap "${stage.id}" hanya dapat diputuskan oleh petugas dengan peran ${ctx.role}.`,
        en: `The stage "${stage.en}" can only be decided by an officer with the role ${ctx.role}.`,
      };
    case 'WRONG_DEPARTMENT':
      return {
        id: `Tahap "${stage.id}" hanya dapat diputuskan oleh petugas ${ctx.department}.`,
        en: `The stage "${stage.en}" can only be decided by an officer of ${ctx.department}.`,
      };
    case 'MISSING_REASON':
      return {
        id: 'Alasan penolakan wajib diisi agar pemohon mengetahui sebabnya.',
        en: 'A reason is required for a rejection, so that the applicant knows why.',
      };
    case 'MISSING_NOTE':
      return {
        id: 'Catatan perbaikan wajib diisi: sebutkan apa yang harus diperbaiki atau dilengkapi.',
        en: 'A revision note is required: say what must be corrected or completed.',
      };
    case 'MISSING_REFERENCE':
      return { id: 'Nomor referensi pembayaran wajib diisi.', en: 'A payment reference is required.' };
    case 'REVISION_LIMIT_REACHED':
      return {
        id: `Batas permintaan perbaikan pada tahap "${stage.id}" (${ctx.maxRevisionRounds ?? 0} kali) sudah tercapai; setujui atau tolak berkas.`,
        en: `The limit of revision requests at the stage "${stage.en}" (${ctx.maxRevisionRounds ?? 0}) has been reached; approve or reject the file.`,
      };
    case 'DEEMED_APPROVAL_DISABLED':
      return {
        id: 'Jenis izin ini tidak mengenal persetujuan fiktif positif; keterlambatan dieskalasi ke atasan.',
        en: 'This permit type has no deemed approval; a missed deadline is escalated to the managers.',
      };
    case 'STATUTORY_CLOCK_NOT_STARTED':
      return {
        id: 'Tenggat layanan baru berjalan setelah berkas dinyatakan lengkap; belum ada persetujuan fiktif positif.',
        en: 'The statutory deadline runs only once the file is declared complete; no deemed approval yet.',
      };
    case 'UNKNOWN_ACTION':
      return { id: 'Tindakan tidak dikenal.', en: 'Unknown action.' };
  }
}
