// The fixed wording of a permit decision: Indonesian, the legal language of the document, with
// an English line under each heading for readers abroad (banks, embassies, foreign partners).

import type { StageOutcome } from './permitDecisionModel.js';

export const DECISION_TEXTS = {
  number: 'Nomor',
  grantIntro: (headTitle: string) =>
    `Berdasarkan permohonan yang telah memenuhi persyaratan dan hasil pemeriksaan sebagaimana tercantum di bawah ini, ${headTitle} memberikan izin kepada:`,
  grantIntroEn: (headTitle: string) =>
    `On an application that met the requirements, and after the reviews listed below, the ${headTitle} grants this permit to:`,
  holderName: { id: 'Nama', en: 'Name' },
  nik: { id: 'NIK', en: 'National ID number (masked)' },
  validity: { id: 'Masa berlaku', en: 'Validity' },
  legalBasis: { id: 'Dasar hukum', en: 'Legal basis' },
  stages: { id: 'Riwayat pemeriksaan', en: 'Review history' },
  deemedHeading: 'DIANGGAP DIKABULKAN SECARA HUKUM (FIKTIF POSITIF)',
  deemed: (legalBasis: string) =>
    `Permohonan ini tidak ditetapkan dalam batas waktu layanan setelah berkas dinyatakan lengkap, sehingga menurut hukum dianggap dikabulkan berdasarkan ${legalBasis}. Izin ini sah dan dapat diverifikasi sama seperti izin yang ditandatangani.`,
  deemedEn: (legalBasis: string) =>
    `No decision was made within the service deadline after the file was complete, so the application is deemed granted by law under ${legalBasis}. This permit is valid and verifiable like a signed one.`,
  issuedAt: (place: string) => `Ditetapkan di ${place}`,
  onDate: (date: string) => `pada tanggal ${date}`,
  signedNote: 'Disetujui secara elektronik melalui sistem Perizinan Online',
  deemedNote: 'Dianggap dikabulkan menurut hukum (fiktif positif)',
  scan: 'Pindai untuk memeriksa keaslian',
  scanEn: 'Scan to check that this permit is genuine',
  footer: (url: string) =>
    `Dokumen ini diterbitkan secara elektronik. Keaslian dan status berlakunya dapat diperiksa dengan memindai kode QR atau membuka ${url}`,
} as const;

export const OUTCOME_TEXTS: Readonly<Record<StageOutcome, { id: string; en: string }>> = {
  APPROVED: { id: 'Disetujui', en: 'Approved' },
  PAID: { id: 'Retribusi lunas', en: 'Levy paid' },
  DEEMED_APPROVED: { id: 'Dianggap disetujui', en: 'Deemed approved' },
};
