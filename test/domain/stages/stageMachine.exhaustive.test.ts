// Every reachable state × every kind of actor × every action, for every shipped and test permit
// type, checked against an oracle written independently of the implementation: reachable states
// are enumerated from the catalog by hand, and outcomes come from rule tables.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PermitType } from '../../../src/domain/catalog/catalogSchema.js';
import { loadCatalog } from '../../../src/domain/catalog/loadCatalog.js';
import type { Actor, FileAction } from '../../../src/domain/stages/fileActions.js';
import type { FileState, FileStatus } from '../../../src/domain/stages/fileState.js';
import { allowedActions, decideOnStage } from '../../../src/domain/stages/stageMachine.js';

const load = (relative: string) => loadCatalog(fileURLToPath(new URL(relative, import.meta.url)));
const PERMIT_TYPES = [
  ...load('../../../data/catalog/permit-types.yaml').permitTypes,
  ...load('../../fixtures/catalog-test.yaml').permitTypes,
];

const PAYMENT_REFERENCE = 'BJB-2026-778899';

// ---------------------------------------------------------------- independent state enumeration

type Rounds = Record<string, number>;

/** Canonical form: zero round counts are the same as absent ones. */
function canonical(state: FileState): string {
  const rounds = Object.entries(state.revisionRounds)
    .filter(([, used]) => used > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([state.status, state.stageIndex, rounds, state.paymentReference ?? null]);
}

/** Every assignment of revision rounds to the officer stages before `upTo` (exclusive). */
function roundsBefore(type: PermitType, upTo: number): Rounds[] {
  let combos: Rounds[] = [{}];
  type.stages.slice(0, upTo).forEach((stage) => {
    if (stage.kind !== 'officer_review') return;
    const next: Rounds[] = [];
    for (const combo of combos) {
      for (let used = 0; used <= stage.maxRevisionRounds; used++) {
        next.push(used === 0 ? combo : { ...combo, [stage.key]: used });
      }
    }
    combos = next;
  });
  return combos;
}

function enumerateReachableStates(type: PermitType): FileState[] {
  const states: FileState[] = [];
  const paymentIndex = type.stages.findIndex((stage) => stage.kind === 'applicant_payment');
  const referenceAt = (index: number) =>
    paymentIndex >= 0 && index > paymentIndex ? { paymentReference: PAYMENT_REFERENCE } : {};
  const add = (status: FileStatus, stageIndex: number, revisionRounds: Rounds) =>
    states.push({ status, stageIndex, revisionRounds, ...referenceAt(stageIndex) });

  type.stages.forEach((stage, index) => {
    const isLast = index === type.stages.length - 1;
    if (stage.kind === 'officer_review') {
      for (const rounds of roundsBefore(type, index + 1)) {
        const used = rounds[stage.key] ?? 0;
        add('IN_REVIEW', index, rounds);
        add('REJECTED', index, rounds);
        add('WITHDRAWN', index, rounds);
        if (isLast) add('ISSUED', index, rounds);
        if (type.deemedApproval?.enabled && index > 0) add('DEEMED_APPROVED', index, rounds);
        if (used > 0) {
          add('AWAITING_REVISION', index, rounds);
          add('EXPIRED', index, rounds);
        }
      }
    } else {
      for (const rounds of roundsBefore(type, index)) {
        add('AWAITING_PAYMENT', index, rounds);
        add('WITHDRAWN', index, rounds);
        add('EXPIRED', index, rounds);
      }
    }
  });
  return states;
}

// ---------------------------------------------------------------- actors and actions

interface NamedActor {
  label: string;
  actor: Actor;
}

function actorsFor(type: PermitType): NamedActor[] {
  const roles = new Set(['kepala_kantor', 'admin']);
  const departments = new Set([type.department, 'DLH']);
  for (const stage of type.stages) {
    if (stage.kind !== 'officer_review') continue;
    roles.add(stage.role);
    if (stage.department) departments.add(stage.department);
  }
  const officers: NamedActor[] = [];
  for (const role of roles) {
    for (const department of departments) {
      officers.push({
        label: `officer ${role}@${department}`,
        actor: {
          kind: 'officer',
          officerId: `o-${role}-${department}`,
          roles: [role],
          departments: [department],
        },
      });
    }
  }
  return [
    ...officers,
    {
      label: 'officer with every role and department',
      actor: { kind: 'officer', officerId: 'o-all', roles: [...roles], departments: [...departments] },
    },
    {
      label: 'officer with no role',
      actor: { kind: 'officer', officerId: 'o-none', roles: [], departments: [] },
    },
    { label: 'applicant', actor: { kind: 'applicant' } },
    { label: 'system', actor: { kind: 'system' } },
    { label: 'payment gateway', actor: { kind: 'payment_gateway' } },
  ];
}

const ACTIONS: FileAction[] = [
  { type: 'approve' },
  { type: 'approve', note: 'Sesuai.' },
  { type: 'reject', reason: 'Lokasi tidak sesuai rencana tata ruang.' },
  { type: 'reject', reason: '   ' },
  { type: 'reject', reason: '' },
  { type: 'revise', note: 'Lengkapi gambar struktur.' },
  { type: 'revise', note: ' ' },
  { type: 'resubmit' },
  { type: 'withdraw' },
  { type: 'pay', reference: PAYMENT_REFERENCE },
  { type: 'pay', reference: '  ' },
  { type: 'lapse' },
  { type: 'deadline_missed' },
];

// ---------------------------------------------------------------- the oracle (rule tables)

type Expected = { ok: true; next: FileState; transition: string } | { ok: false; reason: string };

const FINAL: readonly FileStatus[] = ['ISSUED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'DEEMED_APPROVED'];

/** Who may take each action, and the refusal for anyone else. */
const ACTOR_RULE: Record<FileAction['type'], { kinds: readonly Actor['kind'][]; otherwise: string }> = {
  approve: { kinds: ['officer'], otherwise: 'NOT_OFFICER' },
  reject: { kinds: ['officer'], otherwise: 'NOT_OFFICER' },
  revise: { kinds: ['officer'], otherwise: 'NOT_OFFICER' },
  resubmit: { kinds: ['applicant'], otherwise: 'NOT_APPLICANT' },
  withdraw: { kinds: ['applicant'], otherwise: 'NOT_APPLICANT' },
  pay: { kinds: ['payment_gateway', 'system'], otherwise: 'NOT_PAYMENT_CONFIRMER' },
  lapse: { kinds: ['system'], otherwise: 'NOT_SYSTEM' },
  deadline_missed: { kinds: ['system'], otherwise: 'NOT_SYSTEM' },
};

/** In which open statuses each action applies; otherwise WRONG_STAGE. */
const STATUS_RULE: Record<FileAction['type'], readonly FileStatus[]> = {
  approve: ['IN_REVIEW'],
  reject: ['IN_REVIEW'],
  revise: ['IN_REVIEW'],
  resubmit: ['AWAITING_REVISION'],
  withdraw: ['IN_REVIEW', 'AWAITING_REVISION', 'AWAITING_PAYMENT'],
  pay: ['AWAITING_PAYMENT'],
  lapse: ['AWAITING_REVISION', 'AWAITING_PAYMENT'],
  deadline_missed: ['IN_REVIEW'],
};

const blank = (text: string | undefined) => (text ?? '').trim() === '';

function oracle(type: PermitType, state: FileState, actor: Actor, action: FileAction): Expected {
  const refuse = (reason: string): Expected => ({ ok: false, reason });
  const accept = (transition: string, change: Partial<FileState>): Expected => ({
    ok: true,
    transition,
    next: { ...state, ...change },
  });
  const stage = type.stages[state.stageIndex];
  if (!stage) throw new Error('oracle: bad state');

  if (FINAL.includes(state.status)) return refuse('CLOSED_FILE');
  const rule = ACTOR_RULE[action.type];
  if (!rule.kinds.includes(actor.kind)) return refuse(rule.otherwise);
  if (!STATUS_RULE[action.type].includes(state.status)) return refuse('WRONG_STAGE');

  if (actor.kind === 'officer' && stage.kind === 'officer_review') {
    if (!actor.roles.includes(stage.role)) return refuse('WRONG_ROLE');
    if (!actor.departments.includes(stage.department ?? type.department)) return refuse('WRONG_DEPARTMENT');
  }

  const following = type.stages[state.stageIndex + 1];
  switch (action.type) {
    case 'approve':
      if (!following) return accept('issued', { status: 'ISSUED' });
      if (following.kind === 'applicant_payment') {
        return accept('payment_requested', { status: 'AWAITING_PAYMENT', stageIndex: state.stageIndex + 1 });
      }
      return accept('stage_approved', { status: 'IN_REVIEW', stageIndex: state.stageIndex + 1 });
    case 'reject':
      return blank(action.reason) ? refuse('MISSING_REASON') : accept('rejected', { status: 'REJECTED' });
    case 'revise': {
      if (stage.kind !== 'officer_review') throw new Error('oracle: revise off an officer stage');
      const used = state.revisionRounds[stage.key] ?? 0;
      if (used >= stage.maxRevisionRounds) return refuse('REVISION_LIMIT_REACHED');
      if (blank(action.note)) return refuse('MISSING_NOTE');
      return accept('revision_requested', {
        status: 'AWAITING_REVISION',
        revisionRounds: { ...state.revisionRounds, [stage.key]: used + 1 },
      });
    }
    case 'resubmit':
      return accept('resubmitted', { status: 'IN_REVIEW' });
    case 'withdraw':
      return accept('withdrawn', { status: 'WITHDRAWN' });
    case 'pay':
      if (blank(action.reference)) return refuse('MISSING_REFERENCE');
      if (!following) throw new Error('oracle: payment as last stage');
      return accept('paid', {
        status: following.kind === 'officer_review' ? 'IN_REVIEW' : 'AWAITING_PAYMENT',
        stageIndex: state.stageIndex + 1,
        paymentReference: action.reference.trim(),
      });
    case 'lapse':
      return accept('expired', { status: 'EXPIRED' });
    case 'deadline_missed':
      if (!type.deemedApproval?.enabled) return refuse('DEEMED_APPROVAL_DISABLED');
      if (state.stageIndex === 0) return refuse('STATUTORY_CLOCK_NOT_STARTED');
      return accept('deemed_approved', { status: 'DEEMED_APPROVED' });
  }
}

// ---------------------------------------------------------------- the tests

describe.each(PERMIT_TYPES.map((type) => [type.code, type] as const))(
  'stage machine for %s',
  (_code, type) => {
    const states = enumerateReachableStates(type);
    const actors = actorsFor(type);

    it('reaches exactly the hand-enumerated states from submission', () => {
      const start: FileState = { status: 'IN_REVIEW', stageIndex: 0, revisionRounds: {} };
      const seen = new Map([[canonical(start), start]]);
      const queue = [start];
      for (let state = queue.shift(); state; state = queue.shift()) {
        for (const { actor } of actors) {
          for (const action of ACTIONS) {
            const decision = decideOnStage(type, state, actor, action);
            if (decision.ok && !seen.has(canonical(decision.next))) {
              seen.set(canonical(decision.next), decision.next);
              queue.push(decision.next);
            }
          }
        }
      }
      expect([...seen.keys()].sort()).toEqual(states.map(canonical).sort());
    });

    it('decides every state × actor × action as the rule tables say, with a bilingual refusal message', () => {
      const mismatches: string[] = [];
      let checks = 0;
      for (const state of states) {
        for (const { label, actor } of actors) {
          for (const action of ACTIONS) {
            checks++;
            const expected = oracle(type, state, actor, action);
            const decision = decideOnStage(type, state, actor, action);
            const actual: Expected = decision.ok
              ? { ok: true, next: decision.next, transition: decision.transition }
              : { ok: false, reason: decision.refusal.reason };
            const same =
              expected.ok && actual.ok
                ? canonical(expected.next) === canonical(actual.next) &&
                  expected.transition === actual.transition
                : JSON.stringify(expected) === JSON.stringify(actual);
            if (!same) {
              mismatches.push(
                `${canonical(state)} ${label} ${JSON.stringify(action)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
              );
            }
            if (
              !decision.ok &&
              (decision.refusal.message.id.trim() === '' || decision.refusal.message.en.trim() === '')
            ) {
              mismatches.push(`${decision.refusal.reason}: empty message`);
            }
          }
        }
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
      expect(checks).toBe(states.length * actors.length * ACTIONS.length);
    });

    it('lists as allowed exactly the action types the oracle accepts with well-formed input', () => {
      for (const state of states) {
        for (const { actor } of actors) {
          const expected = [
            ...new Set(ACTIONS.filter((action) => oracle(type, state, actor, action).ok).map((a) => a.type)),
          ];
          expect(allowedActions(type, state, actor).sort()).toEqual(expected.sort());
        }
      }
    });
  },
);
