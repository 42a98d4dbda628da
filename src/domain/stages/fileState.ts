// The state of one application file as the stage machine sees it: plain, serialisable data
// that a Temporal workflow can keep in memory and replay deterministically.

export const FILE_STATUSES = [
  'IN_REVIEW',
  'AWAITING_REVISION',
  'AWAITING_PAYMENT',
  'ISSUED',
  'REJECTED',
  'WITHDRAWN',
  'EXPIRED',
  'DEEMED_APPROVED',
] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export const FINAL_STATUSES: readonly FileStatus[] = [
  'ISSUED',
  'REJECTED',
  'WITHDRAWN',
  'EXPIRED',
  'DEEMED_APPROVED',
];

export function isFinalStatus(status: FileStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export interface FileState {
  status: FileStatus;
  /** Index into the permit type's stages; on a final status, the stage where the file closed. */
  stageIndex: number;
  /** Revision rounds used so far, per stage key; a missing key means 0. */
  revisionRounds: Readonly<Record<string, number>>;
  /** Set by a payment confirmation. */
  paymentReference?: string;
}

/** A submitted file starts at the completeness check. */
export function initialFileState(): FileState {
  return { status: 'IN_REVIEW', stageIndex: 0, revisionRounds: {} };
}

export const FILE_STATUS_LABELS: Readonly<Record<FileStatus, { id: string; en: string }>> = {
  IN_REVIEW: { id: 'sedang diproses', en: 'in review' },
  AWAITING_REVISION: { id: 'menunggu perbaikan dari pemohon', en: 'awaiting revision by the applicant' },
  AWAITING_PAYMENT: { id: 'menunggu pembayaran retribusi', en: 'awaiting payment of the levy' },
  ISSUED: { id: 'izin terbit', en: 'issued' },
  REJECTED: { id: 'ditolak', en: 'rejected' },
  WITHDRAWN: { id: 'dicabut oleh pemohon', en: 'withdrawn by the applicant' },
  EXPIRED: { id: 'kedaluwarsa karena tidak ditanggapi', en: 'expired for lack of response' },
  DEEMED_APPROVED: { id: 'dianggap dikabulkan (fiktif positif)', en: 'deemed approved' },
};
