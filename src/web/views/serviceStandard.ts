// The published service standard of a permit type (Permenpan RB 15/2014 components), read from
// the catalog: requirements, procedure with who does each stage and its time, the total in
// working days, the fee or its formula, the legal basis and the validity.

import { stageDepartment } from '../../domain/catalog/catalogLookup.js';
import type { FeeFormula, PermitType, StageDef } from '../../domain/catalog/catalogSchema.js';
import type { FeeView, ProcedureStepView, ServiceStandardView } from './viewModels.js';

function procedureStep(type: PermitType, stage: StageDef): ProcedureStepView {
  if (stage.kind === 'applicant_payment') {
    const deadline = stage.responseDeadline;
    return {
      name: stage.name,
      actor: { kind: 'applicant' },
      time:
        'calendarDays' in deadline
          ? { kind: 'applicantCalendarDays', days: deadline.calendarDays }
          : { kind: 'duration', iso: deadline.duration },
    };
  }
  return {
    name: stage.name,
    actor: { kind: 'officer', role: stage.role, department: stageDepartment(type, stage) },
    time:
      'workingDays' in stage.sla
        ? { kind: 'workingDays', days: stage.sla.workingDays }
        : { kind: 'duration', iso: stage.sla.duration },
  };
}

function feeView(type: PermitType, fee: FeeFormula): FeeView {
  switch (fee.kind) {
    case 'free':
      return { kind: 'free' };
    case 'fixed':
      return { kind: 'fixed', amount: fee.amount };
    case 'per_m2': {
      const field = type.fields.find((candidate) => candidate.key === fee.field);
      return {
        kind: 'per_m2',
        ratePerM2: fee.ratePerM2,
        minimum: fee.minimum ?? 0,
        areaLabel: field?.label ?? { id: fee.field, en: fee.field },
      };
    }
    case 'per_m2_duration':
      return { kind: 'per_m2_duration', rate: fee.rate, unit: fee.durationUnit, minimum: fee.minimum ?? 0 };
  }
}

export function serviceStandardView(type: PermitType): ServiceStandardView {
  const procedure = type.stages.map((stage) => procedureStep(type, stage));
  const officerTimes = procedure.filter((step) => step.actor.kind === 'officer').map((step) => step.time);
  const totalWorkingDays = officerTimes.every((time) => time.kind === 'workingDays')
    ? officerTimes.reduce((sum, time) => sum + (time.kind === 'workingDays' ? time.days : 0), 0)
    : null;
  return {
    code: type.code,
    name: type.name,
    description: type.description ?? null,
    fields: type.fields.map((field) => ({ label: field.label, required: field.required })),
    documents: type.documents.map((document) => ({ label: document.label, required: document.required })),
    procedure,
    totalWorkingDays,
    fee: feeView(type, type.fee),
    legalBasis: type.legalBasis,
    validity: type.validity,
    deemedApproval: type.deemedApproval?.enabled === true,
  };
}
