import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPermitType } from '../../../src/domain/catalog/catalogLookup.js';
import type { PermitType } from '../../../src/domain/catalog/catalogSchema.js';
import { loadCatalog } from '../../../src/domain/catalog/loadCatalog.js';
import type { Actor, FileAction } from '../../../src/domain/stages/fileActions.js';
import { type FileState, initialFileState, isFinalStatus } from '../../../src/domain/stages/fileState.js';
import {
  allowedActions,
  currentStage,
  type Decision,
  decideOnStage,
  InconsistentFileStateError,
  pendingActor,
} from '../../../src/domain/stages/stageMachine.js';

const catalog = loadCatalog(
  fileURLToPath(new URL('../../../data/catalog/permit-types.yaml', import.meta.url)),
);
const typeOf = (code: string): PermitType => {
  const type = findPermitType(catalog, code);
  if (!type) throw new Error(`no ${code}`);
  return type;
};
const officer = (role: string, department: string): Actor => ({
  kind: 'officer',
  officerId: `${role}@${department}`,
  roles: [role],
  departments: [department],
});
const verifikator = officer('verifikator', 'DPMPTSP');
const kepala = officer('kepala', 'DPMPTSP');
const applicant: Actor = { kind: 'applicant' };
const system: Actor = { kind: 'system' };
const gateway: Actor = { kind: 'payment_gateway' };

function nextOf(decision: Decision): FileState {
  if (!decision.ok) throw new Error(`refused: ${decision.refusal.reason}`);
  return decision.next;
}

/** Applies actions in order, failing on the first refusal. */
function run(type: PermitType, steps: [Actor, FileAction][]): FileState {
  return steps.reduce(
    (state, [actor, action]) => nextOf(decideOnStage(type, state, actor, action)),
    initialFileState(),
  );
}

const reasonOf = (decision: Decision) => (decision.ok ? 'ACCEPTED' : decision.refusal.reason);

describe('stage machine: paths through a permit', () => {
  it('takes REKLAME from submission through payment to issuance', () => {
    const type = typeOf('REKLAME');
    const teknis = officer('tim_teknis', 'DPMPTSP');
    let state = initialFileState();
    const transitions: string[] = [];
    for (const [actor, action] of [
      [verifikator, { type: 'approve' }],
      [teknis, { type: 'approve', note: 'Titik sesuai.' }],
      [gateway, { type: 'pay', reference: ' BJB-1 ' }],
      [kepala, { type: 'approve' }],
    ] as [Actor, FileAction][]) {
      const decision = decideOnStage(type, state, actor, action);
      if (!decision.ok) throw new Error(decision.refusal.reason);
      transitions.push(decision.transition);
      state = decision.next;
    }
    expect(transitions).toEqual(['stage_approved', 'payment_requested', 'paid', 'issued']);
    expect(state).toEqual({ status: 'ISSUED', stageIndex: 3, revisionRounds: {}, paymentReference: 'BJB-1' });
  });

  it('counts revision rounds per stage and keeps the stage on resubmission', () => {
    const type = typeOf('SIP-DOKTER');
    const state = run(type, [
      [verifikator, { type: 'revise', note: 'STR belum diunggah.' }],
      [applicant, { type: 'resubmit' }],
      [verifikator, { type: 'revise', note: 'STR tidak terbaca.' }],
    ]);
    expect(state).toEqual({
      status: 'AWAITING_REVISION',
      stageIndex: 0,
      revisionRounds: { completeness: 2 },
    });
    const resubmitted = nextOf(decideOnStage(type, state, applicant, { type: 'resubmit' }));
    expect(resubmitted).toMatchObject({ status: 'IN_REVIEW', stageIndex: 0 });
    const third = decideOnStage(type, resubmitted, verifikator, { type: 'revise', note: 'Lagi.' });
    expect(third).toMatchObject({ ok: false, refusal: { reason: 'REVISION_LIMIT_REACHED' } });
    expect(!third.ok && third.refusal.message.en).toContain('(2)');
    expect(allowedActions(type, resubmitted, verifikator)).toEqual(['approve', 'reject']);
  });

  it('refuses a head with revision limit 0 any revision, from the first round', () => {
    const type = typeOf('SIP-DRH');
    const atDecision = run(type, [
      [verifikator, { type: 'approve' }],
      [officer('tim_teknis', 'DISTAN'), { type: 'approve' }],
    ]);
    expect(reasonOf(decideOnStage(type, atDecision, kepala, { type: 'revise', note: 'x' }))).toBe(
      'REVISION_LIMIT_REACHED',
    );
  });

  it('does not mutate the state it is given', () => {
    const type = typeOf('PBG');
    const state = Object.freeze({ ...initialFileState(), revisionRounds: Object.freeze({}) });
    expect(() =>
      decideOnStage(type, state, verifikator, { type: 'revise', note: 'Lengkapi PBB.' }),
    ).not.toThrow();
    expect(state).toEqual(initialFileState());
  });
});

describe('stage machine: who may act', () => {
  const pbg = typeOf('PBG');
  const atTechnical = run(pbg, [[verifikator, { type: 'approve' }]]);

  it('routes the PBG technical review to tim_teknis of DPUPR only', () => {
    expect(
      reasonOf(decideOnStage(pbg, atTechnical, officer('tim_teknis', 'DPUPR'), { type: 'approve' })),
    ).toBe('ACCEPTED');
    expect(
      reasonOf(decideOnStage(pbg, atTechnical, officer('tim_teknis', 'DPMPTSP'), { type: 'approve' })),
    ).toBe('WRONG_DEPARTMENT');
    expect(
      reasonOf(decideOnStage(pbg, atTechnical, officer('verifikator', 'DPUPR'), { type: 'approve' })),
    ).toBe('WRONG_ROLE');
  });

  it('names the role and department needed in the refusal message', () => {
    const wrongDept = decideOnStage(pbg, atTechnical, officer('tim_teknis', 'DINKES'), {
      type: 'reject',
      reason: 'x',
    });
    expect(!wrongDept.ok && wrongDept.refusal.message).toEqual({
      id: 'Tahap "Penilaian teknis oleh Tim Profesi Ahli" hanya dapat diputuskan oleh petugas DPUPR.',
      en: 'The stage "Technical assessment by the expert panel" can only be decided by an officer of DPUPR.',
    });
    const wrongRole = decideOnStage(pbg, atTechnical, kepala, { type: 'approve' });
    expect(!wrongRole.ok && wrongRole.refusal.message.en).toContain('role tim_teknis');
  });

  it('lets only the payment gateway or the system confirm a payment, never an officer or the applicant', () => {
    const atPayment = run(pbg, [
      [verifikator, { type: 'approve' }],
      [officer('tim_teknis', 'DPUPR'), { type: 'approve' }],
    ]);
    expect(atPayment.status).toBe('AWAITING_PAYMENT');
    const pay: FileAction = { type: 'pay', reference: 'QRIS-42' };
    expect(reasonOf(decideOnStage(pbg, atPayment, kepala, pay))).toBe('NOT_PAYMENT_CONFIRMER');
    expect(reasonOf(decideOnStage(pbg, atPayment, applicant, pay))).toBe('NOT_PAYMENT_CONFIRMER');
    expect(reasonOf(decideOnStage(pbg, atPayment, system, pay))).toBe('ACCEPTED');
    expect(reasonOf(decideOnStage(pbg, atPayment, gateway, { type: 'pay', reference: ' ' }))).toBe(
      'MISSING_REFERENCE',
    );
    expect(reasonOf(decideOnStage(pbg, atPayment, kepala, { type: 'approve' }))).toBe('WRONG_STAGE');
  });

  it('requires a reason to reject and a note to revise', () => {
    expect(
      reasonOf(decideOnStage(pbg, initialFileState(), verifikator, { type: 'reject', reason: ' \n ' })),
    ).toBe('MISSING_REASON');
    expect(reasonOf(decideOnStage(pbg, initialFileState(), verifikator, { type: 'revise', note: '' }))).toBe(
      'MISSING_NOTE',
    );
  });

  it('refuses an action type it does not know (untrusted Update input)', () => {
    const bogus = { type: 'fast_track' } as unknown as FileAction;
    expect(reasonOf(decideOnStage(pbg, initialFileState(), verifikator, bogus))).toBe('UNKNOWN_ACTION');
  });
});

describe('stage machine: deadlines', () => {
  it('deems SIP-DRH approved when the deadline is missed after the file was declared complete', () => {
    const type = typeOf('SIP-DRH');
    const atInspection = run(type, [[verifikator, { type: 'approve' }]]);
    const decision = decideOnStage(type, atInspection, system, { type: 'deadline_missed' });
    expect(decision).toMatchObject({
      ok: true,
      transition: 'deemed_approved',
      next: { status: 'DEEMED_APPROVED' },
    });
  });

  it('does not deem a file approved on the completeness check: the statutory clock has not started', () => {
    const type = typeOf('SIP-DRH');
    expect(reasonOf(decideOnStage(type, initialFileState(), system, { type: 'deadline_missed' }))).toBe(
      'STATUTORY_CLOCK_NOT_STARTED',
    );
  });

  it('never deems a permit approved when its type does not enable it', () => {
    const type = typeOf('PBG');
    const atTechnical = run(type, [[verifikator, { type: 'approve' }]]);
    expect(reasonOf(decideOnStage(type, atTechnical, system, { type: 'deadline_missed' }))).toBe(
      'DEEMED_APPROVAL_DISABLED',
    );
  });

  it('expires a file whose applicant did not pay or revise in time, and nothing else', () => {
    const type = typeOf('REKLAME');
    const awaitingRevision = run(type, [[verifikator, { type: 'revise', note: 'Foto lokasi kabur.' }]]);
    expect(decideOnStage(type, awaitingRevision, system, { type: 'lapse' })).toMatchObject({
      ok: true,
      transition: 'expired',
      next: { status: 'EXPIRED' },
    });
    expect(reasonOf(decideOnStage(type, initialFileState(), system, { type: 'lapse' }))).toBe('WRONG_STAGE');
    expect(reasonOf(decideOnStage(type, awaitingRevision, applicant, { type: 'lapse' }))).toBe('NOT_SYSTEM');
  });
});

describe('stage machine: closed files', () => {
  it('refuses every action on every final status with CLOSED_FILE', () => {
    const type = typeOf('REKLAME');
    for (const status of ['ISSUED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'DEEMED_APPROVED'] as const) {
      const state: FileState = { status, stageIndex: 1, revisionRounds: {} };
      for (const actor of [verifikator, applicant, system, gateway]) {
        expect(allowedActions(type, state, actor)).toEqual([]);
        expect(reasonOf(decideOnStage(type, state, actor, { type: 'withdraw' }))).toBe('CLOSED_FILE');
      }
      expect(pendingActor(type, state)).toBeNull();
    }
  });

  it('explains a closed file in both languages', () => {
    const decision = decideOnStage(
      typeOf('PBG'),
      { status: 'REJECTED', stageIndex: 1, revisionRounds: {} },
      applicant,
      {
        type: 'withdraw',
      },
    );
    expect(!decision.ok && decision.refusal.message).toEqual({
      id: 'Berkas sudah selesai (ditolak) dan tidak dapat diubah lagi.',
      en: 'The file is closed (rejected) and can no longer be changed.',
    });
  });
});

describe('stage machine: helpers', () => {
  it('says who the file waits on', () => {
    const type = typeOf('SIP-DOKTER');
    expect(pendingActor(type, initialFileState())).toEqual({
      kind: 'officer',
      stageKey: 'completeness',
      role: 'verifikator',
      department: 'DPMPTSP',
    });
    expect(pendingActor(type, run(type, [[verifikator, { type: 'approve' }]]))).toMatchObject({
      role: 'tim_teknis',
      department: 'DINKES',
    });
    expect(pendingActor(type, run(type, [[verifikator, { type: 'revise', note: 'x' }]]))).toEqual({
      kind: 'applicant',
      stageKey: 'completeness',
      waitingFor: 'revision',
    });
  });

  it('throws on states the workflow could never produce, rather than guessing', () => {
    const type = typeOf('PBG');
    expect(() => currentStage(type, { status: 'IN_REVIEW', stageIndex: 9, revisionRounds: {} })).toThrow(
      InconsistentFileStateError,
    );
    expect(() =>
      decideOnStage(type, { status: 'IN_REVIEW', stageIndex: 2, revisionRounds: {} }, gateway, {
        type: 'lapse',
      }),
    ).toThrow(/IN_REVIEW on applicant_payment/);
    expect(() =>
      currentStage(type, { status: 'AWAITING_PAYMENT', stageIndex: 1, revisionRounds: {} }),
    ).toThrow(InconsistentFileStateError);
  });
});

describe('stage machine: invariants over random histories (property)', () => {
  const actorPool: Actor[] = [
    verifikator,
    kepala,
    officer('tim_teknis', 'DPMPTSP'),
    officer('tim_teknis', 'DPUPR'),
    officer('tim_teknis', 'DINKES'),
    officer('tim_teknis', 'DISTAN'),
    applicant,
    system,
    gateway,
  ];
  const actionPool: FileAction[] = [
    { type: 'approve' },
    { type: 'reject', reason: 'r' },
    { type: 'revise', note: 'n' },
    { type: 'resubmit' },
    { type: 'withdraw' },
    { type: 'pay', reference: 'p' },
    { type: 'lapse' },
    { type: 'deadline_missed' },
  ];

  it.each(['SIP-DOKTER', 'REKLAME', 'PBG', 'SIP-DRH'])(
    '%s: never skips a stage, exceeds a revision limit or reopens a closed file',
    (code) => {
      const type = typeOf(code);
      const paymentIndex = type.stages.findIndex((stage) => stage.kind === 'applicant_payment');
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.constantFrom(...actorPool), fc.constantFrom(...actionPool)), {
            maxLength: 40,
          }),
          (steps) => {
            let state = initialFileState();
            for (const [actor, action] of steps) {
              const decision = decideOnStage(type, state, actor, action);
              if (isFinalStatus(state.status)) expect(decision.ok).toBe(false);
              if (!decision.ok) continue;
              const next = decision.next;
              expect(next.stageIndex - state.stageIndex).toBeGreaterThanOrEqual(0);
              expect(next.stageIndex - state.stageIndex).toBeLessThanOrEqual(1);
              for (const stage of type.stages) {
                if (stage.kind === 'officer_review') {
                  expect(next.revisionRounds[stage.key] ?? 0).toBeLessThanOrEqual(stage.maxRevisionRounds);
                }
              }
              if (next.status === 'ISSUED') {
                expect(next.stageIndex).toBe(type.stages.length - 1);
                if (paymentIndex >= 0) expect(next.paymentReference).toBe('p');
              }
              state = next;
            }
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
