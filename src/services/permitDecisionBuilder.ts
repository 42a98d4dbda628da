// The permit decision model (what the PDF prints) from the read model's facts about a file: the
// holder from the form's `fullName`, the NIK field masked, the object fields the permit type
// marks for printing, and the stage decisions with their dates from the audit trail. Pure.

import type {
  PermitDecisionDocument,
  StageDecisionLine,
} from '../documents/permitDecision/permitDecisionModel.js';
import { deemedApprovalLegalBasis } from '../domain/catalog/catalogRules.js';
import type { PermitType } from '../domain/catalog/catalogSchema.js';
import type { OfficeProfile } from '../domain/catalog/officeProfileSchema.js';
import { maskNikForDocument } from '../domain/identifiers/nik.js';
import { permitObjectLines } from '../domain/permits/permitObjectLines.js';
import { validUntil } from '../domain/permits/validity.js';
import type { PermitDecisionKind, PermitIssueFacts } from '../repositories/permitDocumentRepository.js';

export interface PermitDecisionInput {
  office: OfficeProfile;
  permitType: PermitType;
  permitNumber: string;
  facts: PermitIssueFacts;
  decision: PermitDecisionKind;
  /** The stage the file was at when it was granted, and when. */
  decidedStageKey: string;
  issuedAt: Date;
  verificationUrl: string;
}

/** The holder's name as typed in the form; a permit without one cannot be issued. */
function holderName(facts: PermitIssueFacts, registrationNumber: string): string {
  const name = facts.formData.fullName;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new Error(
      `file ${registrationNumber} has no fullName in its form: its permit cannot name a holder`,
    );
  }
  return name.trim();
}

function nikOf(permitType: PermitType, facts: PermitIssueFacts): string | null {
  const field = permitType.fields.find((candidate) => candidate.type === 'nik');
  const value = field ? facts.formData[field.key] : undefined;
  return value === undefined ? null : String(value);
}

function stageDecisions(input: PermitDecisionInput): StageDecisionLine[] {
  const stageName = (key: string) => input.permitType.stages.find((stage) => stage.key === key)?.name;
  const recorded = input.facts.stageEvents.flatMap((event): StageDecisionLine[] => {
    const stage = stageName(event.stageKey);
    if (!stage) return [];
    return [{ stage, outcome: event.action === 'paid' ? 'PAID' : 'APPROVED', decidedAt: event.at }];
  });
  const last = stageName(input.decidedStageKey);
  if (!last) return recorded;
  const outcome = input.decision === 'deemed_approved' ? 'DEEMED_APPROVED' : 'APPROVED';
  return [...recorded, { stage: last, outcome, decidedAt: input.issuedAt }];
}

export function buildPermitDecision(
  input: PermitDecisionInput,
  registrationNumber: string,
): PermitDecisionDocument {
  const { office, permitType, facts, issuedAt } = input;
  return {
    office,
    permitNumber: input.permitNumber,
    permitType: { code: permitType.code, name: permitType.name },
    holder: {
      fullName: holderName(facts, registrationNumber),
      maskedNik: maskNikForDocument(nikOf(permitType, facts)),
    },
    permitObject: permitObjectLines(permitType, facts.formData, 'id'),
    issuedAt,
    validity: permitType.validity,
    validUntil: validUntil(issuedAt, permitType.validity),
    legalBasis: permitType.legalBasis,
    stageDecisions: stageDecisions(input),
    decision:
      input.decision === 'deemed_approved'
        ? { kind: 'deemed', legalBasis: deemedApprovalLegalBasis(permitType) }
        : { kind: 'signed' },
    verificationUrl: input.verificationUrl,
  };
}
