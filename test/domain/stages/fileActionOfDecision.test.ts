import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPermitType } from '../../../src/domain/catalog/catalogLookup.js';
import { loadCatalog } from '../../../src/domain/catalog/loadCatalog.js';
import { initialFileState } from '../../../src/domain/stages/fileState.js';
import { fileActionOfDecision } from '../../../src/domain/stages/officerDecision.js';
import { decideOnStage, startsStatutoryClock } from '../../../src/domain/stages/stageMachine.js';
import type { OfficerDecision } from '../../../src/workflows/permit/permitContract.js';

describe("an officer's decision as the stage machine's action", () => {
  it('maps approve (with or without a note), reject and revise', () => {
    expect(fileActionOfDecision({ decision: 'approve' })).toEqual({ type: 'approve' });
    expect(fileActionOfDecision({ decision: 'approve', note: 'lengkap' })).toEqual({
      type: 'approve',
      note: 'lengkap',
    });
    expect(fileActionOfDecision({ decision: 'reject', reason: 'STR kedaluwarsa' })).toEqual({
      type: 'reject',
      reason: 'STR kedaluwarsa',
    });
    expect(fileActionOfDecision({ decision: 'revise', note: 'KTP buram' })).toEqual({
      type: 'revise',
      note: 'KTP buram',
    });
  });

  it('passes an unknown decision on, for the stage machine to refuse', () => {
    const catalog = loadCatalog(fileURLToPath(new URL('../../fixtures/catalog-test.yaml', import.meta.url)));
    const type = findPermitType(catalog, 'TEST-FREE')!;
    const action = fileActionOfDecision({ decision: 'escalate' } as unknown as OfficerDecision);
    const officer = {
      kind: 'officer' as const,
      officerId: 'v',
      roles: ['verifikator'],
      departments: ['DPMPTSP'],
    };
    const decision = decideOnStage(type, initialFileState(), officer, action);
    expect(decision.ok ? 'ACCEPTED' : decision.refusal.reason).toBe('UNKNOWN_ACTION');
  });
});

describe('the statutory clock', () => {
  it('starts with the transition that leaves the completeness check, and with no other', () => {
    const completeness = initialFileState();
    const review = { ...completeness, stageIndex: 1 };
    expect(startsStatutoryClock(completeness, review)).toBe(true);
    expect(
      startsStatutoryClock(completeness, { ...completeness, status: 'AWAITING_REVISION' as const }),
    ).toBe(false);
    expect(startsStatutoryClock(review, { ...review, stageIndex: 2 })).toBe(false);
  });
});
