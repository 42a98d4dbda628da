import { describe, expect, test } from 'vitest';
import { jakartaWallTime } from '../../src/domain/calendar/jakartaTime.js';
import { findPermitType } from '../../src/domain/catalog/catalogLookup.js';
import { loadOfficeProfile } from '../../src/domain/catalog/loadOfficeProfile.js';
import { buildPermitDecision } from '../../src/services/permitDecisionBuilder.js';
import { testCatalog, VALID_NIK } from '../support/permitScenario.js';

const office = loadOfficeProfile();

function input(code: string, decision: 'issued' | 'deemed_approved', formData: Record<string, string> = {}) {
  const permitType = findPermitType(testCatalog, code);
  if (!permitType) throw new Error(`the test catalog has no ${code}`);
  return {
    office,
    permitType,
    permitNumber: `SK/${code}/2026/000007`,
    facts: {
      permitTypeCode: code,
      formData: { applicantNik: VALID_NIK, fullName: '  Siti Rahmawati ', ...formData },
      stageEvents: [
        {
          stageKey: 'completeness',
          action: 'stage_approved' as const,
          at: jakartaWallTime('2026-11-23 09:00'),
        },
        { stageKey: 'review', action: 'stage_approved' as const, at: jakartaWallTime('2026-11-25 10:00') },
      ],
    },
    decision,
    decidedStageKey: decision === 'issued' ? 'decision' : 'review',
    issuedAt: jakartaWallTime('2026-11-30 14:05'),
    verificationUrl: 'https://izin.example/verifikasi/abcdefghijklmnopqrstuvwxyz0',
  };
}

describe('buildPermitDecision', () => {
  test('a signed permit: the holder from fullName, the NIK masked, each stage decision with its date, validity', () => {
    const model = buildPermitDecision(input('TEST-FREE', 'issued'), 'TEST-FREE-2026-000007');
    expect(model.holder).toEqual({ fullName: 'Siti Rahmawati', maskedNik: '3604********0001' });
    expect(JSON.stringify(model)).not.toContain(VALID_NIK);
    expect(model.stageDecisions.map((d) => [d.stage.en, d.outcome, d.decidedAt.toISOString()])).toEqual([
      ['Completeness check', 'APPROVED', '2026-11-23T02:00:00.000Z'],
      ['Technical recommendation', 'APPROVED', '2026-11-25T03:00:00.000Z'],
      ['Signing of the permit decision', 'APPROVED', '2026-11-30T07:05:00.000Z'],
    ]);
    expect(model.decision).toEqual({ kind: 'signed' });
    expect(model.validUntil).toBe('2027-11-29');
  });

  test('a deemed approval says so with its legal basis; the stage that ran out of time is the deemed one', () => {
    const model = buildPermitDecision(
      input('TEST-FAST-DEEMED', 'deemed_approved'),
      'TEST-FAST-DEEMED-2026-000007',
    );
    expect(model.decision).toMatchObject({ kind: 'deemed', legalBasis: expect.any(String) });
    expect(model.stageDecisions.at(-1)).toMatchObject({ outcome: 'DEEMED_APPROVED' });
  });

  test('a form without a holder name cannot make a permit', () => {
    expect(() =>
      buildPermitDecision(input('TEST-FREE', 'issued', { fullName: ' ' }), 'TEST-FREE-2026-000007'),
    ).toThrow(/no fullName/);
  });
});
