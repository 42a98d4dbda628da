// Everything printed on a permit decision (SK izin), already decided and formatted where a rule
// applies (the NIK arrives masked, the object's values readable), so the renderer only lays it
// out. The same model always renders to the same bytes.

import type { LocalizedText, Validity } from '../../domain/catalog/catalogSchema.js';
import type { OfficeProfile } from '../../domain/catalog/officeProfileSchema.js';
import type { PrintedLine } from '../../domain/permits/permitObjectLines.js';

export type StageOutcome = 'APPROVED' | 'PAID' | 'DEEMED_APPROVED';

export interface StageDecisionLine {
  stage: LocalizedText;
  outcome: StageOutcome;
  decidedAt: Date;
}

/** How the file ended: signed by the official, or granted by law when the deadline passed. */
export type PermitDecisionKind = { kind: 'signed' } | { kind: 'deemed'; legalBasis: string };

export interface PermitDecisionDocument {
  office: Pick<
    OfficeProfile,
    'government' | 'name' | 'shortName' | 'address' | 'contact' | 'headTitle' | 'placeOfIssue'
  >;
  permitNumber: string;
  permitType: { code: string; name: LocalizedText };
  holder: {
    fullName: string;
    /** Already masked (maskNikForDocument): the full NIK never reaches the renderer. */
    maskedNik: string;
  };
  /** The permit's object in Indonesian, from permitObjectLines(type, values, 'id'). */
  permitObject: readonly PrintedLine[];
  /** The moment of issue: the printed date and the PDF's fixed metadata dates. */
  issuedAt: Date;
  validity: Validity;
  /** Last day of validity (validUntil), or null without an end. */
  validUntil: string | null;
  legalBasis: readonly string[];
  stageDecisions: readonly StageDecisionLine[];
  decision: PermitDecisionKind;
  /** `<public base URL>/verifikasi/<token>`, printed as a QR code and as text. */
  verificationUrl: string;
}
