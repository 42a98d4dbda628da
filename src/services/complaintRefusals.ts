// The refusals of the complaint service, in both languages.
import { MAX_COMPLAINT_TEXT_LENGTH } from '../domain/complaints/complaintCategories.js';
import type { ComplaintRefusal } from '../domain/complaints/complaintLifecycle.js';
import { ServiceError } from './serviceError.js';

export const complaintNotFound = () =>
  new ServiceError('NOT_FOUND', {
    id: 'Pengaduan tidak ditemukan. Periksa nomor tiket dan kode tiket.',
    en: 'Complaint not found. Check the ticket number and the ticket code.',
  });

export const unknownCategory = () =>
  new ServiceError(
    'REFUSED',
    {
      id: 'Kategori pengaduan harus salah satu dari: delay, pungli, conduct, decision, other.',
      en: 'The complaint category must be one of: delay, pungli, conduct, decision, other.',
    },
    { reason: 'UNKNOWN_CATEGORY' },
  );

export const textMissingOrTooLong = (what: { id: string; en: string }) =>
  new ServiceError(
    'REFUSED',
    {
      id: `${what.id} wajib diisi, paling panjang ${MAX_COMPLAINT_TEXT_LENGTH} karakter.`,
      en: `${what.en} is required, at most ${MAX_COMPLAINT_TEXT_LENGTH} characters.`,
    },
    { reason: 'INVALID_TEXT' },
  );

const LIFECYCLE_TEXTS: Record<ComplaintRefusal, { id: string; en: string }> = {
  ALREADY_ANSWERED: {
    id: 'Pengaduan ini sudah dijawab. Jawaban baru dapat diberikan jika pelapor membukanya kembali.',
    en: 'This complaint has been answered. A new answer is possible once the complainant reopens it.',
  },
  NOT_ANSWERED: {
    id: 'Pengaduan ini belum dijawab; pengaduan dapat dibuka kembali setelah dijawab.',
    en: 'This complaint has not been answered yet; it can be reopened once answered.',
  },
  REOPENED_ALREADY: {
    id: 'Pengaduan hanya dapat dibuka kembali satu kali. Ajukan pengaduan baru bila perlu.',
    en: 'A complaint can be reopened only once. File a new complaint if needed.',
  },
  REOPEN_WINDOW_CLOSED: {
    id: 'Batas 14 hari untuk membuka kembali pengaduan sudah lewat. Ajukan pengaduan baru bila perlu.',
    en: 'The 14 days to reopen the complaint have passed. File a new complaint if needed.',
  },
  COMPLAINT_CLOSED: {
    id: 'Pengaduan ini sudah ditutup. Ajukan pengaduan baru bila perlu.',
    en: 'This complaint is closed. File a new complaint if needed.',
  },
};

export const lifecycleRefusal = (refusal: ComplaintRefusal) =>
  new ServiceError('REFUSED', LIFECYCLE_TEXTS[refusal], { reason: refusal });
