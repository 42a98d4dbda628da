// The permit file is the workflow's one state object, kept in the domain (its imports are checked
// in workflowSafety.test.ts): changed only through its methods, asking the stage machine and the
// catalog rules instead of repeating them.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPermitType } from '../../../src/domain/catalog/catalogLookup.js';
import { deemedApprovalLegalBasis, revisionDeadline } from '../../../src/domain/catalog/catalogRules.js';
import { type PermitType, permitTypeRules } from '../../../src/domain/catalog/catalogSchema.js';
import { loadCatalog } from '../../../src/domain/catalog/loadCatalog.js';
import { nextTimer } from '../../../src/domain/permitFile/fileTimers.js';
import { openPermitFile } from '../../../src/domain/permitFile/openPermitFile.js';
import type { PermitFile } from '../../../src/domain/permitFile/permitFile.js';
import { fileView } from '../../../src/domain/permitFile/permitFileViews.js';
import { slaSecondLevelNotice } from '../../../src/domain/permitFile/permitNotices.js';
import type { StageClockPlan } from '../../../src/domain/sla/stageClockPlan.js';
import type { Actor } from '../../../src/domain/stages/fileActions.js';
import { ActionRefusedError } from '../../../src/domain/stages/refusals.js';

const catalog = loadCatalog(fileURLToPath(new URL('../../fixtures/catalog-test.yaml', import.meta.url)));
const typeOf = (code: string): PermitType => {
  const type = findPermitType(catalog, code);
  if (!type) throw new Error(`no ${code} in the test catalog`);
  return type;
};

const STARTED = '2026-03-02T02:00:00.000Z';
const plan = (deadline: string): StageClockPlan => ({
  clock: 'elapsed',
  deadline,
  deadlineUncovered: false,
  uncoveredYears: [],
  checkpoints: [
    { kind: 'reminder', at: '2026-03-02T02:00:15.000Z', uncovered: false },
    { kind: 'breach', at: deadline, uncovered: false },
  ],
  pausedMs: 0,
});

function open(code: string): PermitFile {
  const permitType = typeOf(code);
  return openPermitFile({
    registrationNumber: `${code}-2026-000001`,
    permitType: permitTypeRules(permitType),
    channel: 'api',
    fee: { amount: 0 },
    submittedAt: STARTED,
    firstStageClock: {
      stageKey: permitType.stages[0]!.key,
      startedAt: STARTED,
      plan: plan('2026-03-02T02:00:30.000Z'),
    },
  }).file;
}

const verifikator: Actor = {
  kind: 'officer',
  officerId: 'v1',
  roles: ['verifikator'],
  departments: ['DPMPTSP'],
};

/** Accepts the completeness approval and carries it out as the workflow does. */
function approveCompleteness(file: PermitFile, at: string) {
  file.accept(verifikator, { type: 'approve' });
  const item = file.takeQueued()!;
  file.startStatutoryClockOn(item, at);
  return item;
}

describe('the permit file asks the stage machine', () => {
  it('starts the statutory clock with the completeness approval, and only then', () => {
    const file = open('TEST-FREE');
    expect(file.statutoryClockStartedAt).toBeNull();
    const item = approveCompleteness(file, '2026-03-02T03:00:00.000Z');
    file.markCarriedOut(item);
    expect(file.statutoryClockStartedAt).toBe('2026-03-02T03:00:00.000Z');

    const tech: Actor = { kind: 'officer', officerId: 't1', roles: ['tim_teknis'], departments: ['DINKES'] };
    file.accept(tech, { type: 'approve' });
    file.startStatutoryClockOn(file.takeQueued()!, '2026-03-02T04:00:00.000Z');
    expect(file.statutoryClockStartedAt).toBe('2026-03-02T03:00:00.000Z');
  });

  it('deems a late file approved only once the completeness approval is carried out, where the type allows it', () => {
    const file = open('TEST-FAST-DEEMED');
    expect(file.deemedApprovalDue()).toBe(false);
    const item = approveCompleteness(file, '2026-03-02T03:00:00.000Z');
    // Accepted but not carried out: the statutory clock has not started for the file yet.
    expect(file.deemedApprovalDue()).toBe(false);
    file.markCarriedOut(item);
    expect(file.deemedApprovalDue()).toBe(true);

    const withoutDeemedApproval = open('TEST-FREE');
    withoutDeemedApproval.markCarriedOut(
      approveCompleteness(withoutDeemedApproval, '2026-03-02T03:00:00.000Z'),
    );
    expect(withoutDeemedApproval.deemedApprovalDue()).toBe(false);
  });

  it('refuses with the stage machine reason and leaves the file unchanged', () => {
    const file = open('TEST-FREE');
    const refusal = (() => {
      try {
        file.check({ kind: 'applicant' }, { type: 'resubmit' });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ActionRefusedError);
    expect((refusal as ActionRefusedError).refusal.reason).toBe('WRONG_STAGE');
    expect(file.hasQueued()).toBe(false);
    expect(file.state.status).toBe('IN_REVIEW');
  });
});

describe('the permit file changes only through its methods', () => {
  it('hands out views that are copies', () => {
    const file = open('TEST-FREE');
    const view = fileView(file);
    view.history.push({ ...view.history[0]! });
    view.breachedStages.push('completeness');
    expect(fileView(file).history).toHaveLength(1);
    expect(fileView(file).breachedStages).toEqual([]);
  });

  it('waits for the first unfired checkpoint, then the applicant deadline while the applicant must act', () => {
    const file = open('TEST-FREE');
    expect(nextTimer(file)).toMatchObject({ kind: 'checkpoint', checkpoint: { kind: 'reminder' } });
    file.markFired('reminder');
    expect(nextTimer(file)).toMatchObject({ kind: 'checkpoint', checkpoint: { kind: 'breach' } });
    expect(fileView(file).clock?.firedCheckpoints).toEqual(['reminder']);

    file.accept(verifikator, { type: 'revise', note: 'KTP buram' });
    file.openPause('2026-03-02T02:00:10.000Z', 'revision requested: KTP buram');
    expect(nextTimer(file)).toBeNull();
    file.setApplicantDeadline('2026-03-02T02:00:40.000Z');
    expect(nextTimer(file)).toEqual({ kind: 'applicantDeadline', at: '2026-03-02T02:00:40.000Z' });
    expect(fileView(file).clock).toMatchObject({ paused: true, pauseCount: 1 });
    file.closePause('2026-03-02T02:00:20.000Z');
    expect(file.clock?.pauses).toEqual([
      {
        from: '2026-03-02T02:00:10.000Z',
        reason: 'revision requested: KTP buram',
        to: '2026-03-02T02:00:20.000Z',
      },
    ]);
  });
});

describe('what the catalog rules guarantee is read without fallbacks', () => {
  it('reads the revision deadline and the legal basis of a validated type', () => {
    expect(revisionDeadline(typeOf('TEST-FAST'))).toEqual({ duration: 'PT3S' });
    expect(deemedApprovalLegalBasis(typeOf('TEST-FAST-DEEMED'))).toMatch(/UU 30\/2014/);
  });

  it('fails loudly for rules that never passed the catalog checks', () => {
    const { revisionDeadline: _, deemedApproval: __, ...unchecked } = typeOf('TEST-FREE');
    expect(() => revisionDeadline(unchecked)).toThrow(/TEST-FREE has no revisionDeadline/);
    expect(() => deemedApprovalLegalBasis({ ...unchecked, deemedApproval: { enabled: true } })).toThrow(
      /TEST-FREE has no deemedApproval\.legalBasis/,
    );
  });

  it("alerts the stage's second level by its role, and refuses a second-level alert on a stage without one", () => {
    const file = open('TEST-FREE');
    const stage = file.currentOfficerStage()!;
    expect(slaSecondLevelNotice(file, stage)).toMatchObject({
      audience: 'second_level',
      recipient: { role: 'kepala_kantor', department: 'DPMPTSP' },
      template: 'sla_second_level',
    });
    const { secondLevel: _, ...withoutSecondLevel } = stage.escalation;
    expect(() => slaSecondLevelNotice(file, { ...stage, escalation: withoutSecondLevel })).toThrow(
      /names no second level/,
    );
  });
});

describe('the satisfaction survey invitation', () => {
  it('follows the notices of the transition that closes the file, once, with the registration number only', () => {
    const file = open('TEST-FREE');
    const approved = approveCompleteness(file, '2026-03-02T03:00:00.000Z');
    file.markCarriedOut(approved);
    const stillOpen = file.transitionRecord(
      '2026-03-02T03:00:00.000Z',
      verifikator,
      'stage_approved',
      'IN_REVIEW',
      {
        notifications: [],
      },
    );
    expect(stillOpen.notifications).toEqual([]);

    file.accept({ kind: 'applicant' }, { type: 'withdraw' });
    file.markCarriedOut(file.takeQueued()!);
    const closing = file.transitionRecord(
      '2026-03-02T04:00:00.000Z',
      { kind: 'applicant' },
      'withdrawn',
      'IN_REVIEW',
      {
        notifications: [
          { eventKey: 'applicant', audience: 'applicant', recipient: {}, template: 'withdrawn', params: {} },
        ],
      },
    );
    expect(closing.notifications.map((n) => [n.eventKey, n.template, n.params])).toEqual([
      ['TEST-FREE-2026-000001:3:applicant', 'withdrawn', {}],
      [
        'TEST-FREE-2026-000001:3:survey_invitation',
        'survey_invitation',
        { registrationNumber: 'TEST-FREE-2026-000001' },
      ],
    ]);

    // Anything recorded on the closed file after that invites no one again.
    const after = file.transitionRecord(
      '2026-03-02T05:00:00.000Z',
      { kind: 'system' },
      'sla_breached',
      'WITHDRAWN',
      {
        notifications: [],
      },
    );
    expect(after.notifications).toEqual([]);
  });
});
