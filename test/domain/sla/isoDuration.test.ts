import { describe, expect, it } from 'vitest';
import { isIsoDuration, parseIsoDuration } from '../../../src/domain/sla/isoDuration.js';
import { normalizeEscalationPolicy, normalizeSlaSpec } from '../../../src/domain/sla/slaSpec.js';

describe('parseIsoDuration', () => {
  it.each([
    ['PT20S', 20_000],
    ['P2D', 2 * 86_400_000],
    ['PT1H30M', 90 * 60_000],
    ['P1DT2H', 26 * 3_600_000],
    ['PT0.5S', 500],
    ['PT1,25S', 1_250],
    ['PT0.001S', 1],
    ['PT90M', 90 * 60_000],
    ['PT0S', 0],
  ])('%s = %i ms', (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it.each([
    '',
    'P',
    'PT',
    'P1DT',
    'P1Y',
    'P1M',
    'P1W',
    'PT1.2345S',
    'pt20s',
    '-PT1S',
    'PT1H30',
    ' PT1S',
    'PT1.5M',
  ])('rejects %j', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(RangeError);
    expect(isIsoDuration(text)).toBe(false);
  });
});

describe('SLA specs', () => {
  it('accepts working days, { duration } and the bare-string shorthand', () => {
    expect(normalizeSlaSpec({ workingDays: 5 })).toEqual({ kind: 'workingDays', workingDays: 5 });
    expect(normalizeSlaSpec({ duration: 'PT20S' })).toEqual({
      kind: 'duration',
      duration: 'PT20S',
      ms: 20_000,
    });
    expect(normalizeSlaSpec('PT20S')).toEqual({ kind: 'duration', duration: 'PT20S', ms: 20_000 });
  });

  it('rejects empty or malformed SLAs', () => {
    expect(() => normalizeSlaSpec({ workingDays: 0 })).toThrow(/sla: expected \{ workingDays/);
    expect(() => normalizeSlaSpec({ workingDays: 2.5 })).toThrow(RangeError);
    expect(() => normalizeSlaSpec('PT0S')).toThrow(/longer than zero/);
    expect(() => normalizeSlaSpec('P1M')).toThrow(/ISO-8601/);
  });

  it('checks the escalation policy', () => {
    expect(normalizeEscalationPolicy(undefined)).toEqual({ reminderAt: null, secondLevelAfter: null });
    expect(() => normalizeEscalationPolicy({ reminderAt: 1 })).toThrow(/reminderAt/);
    expect(() => normalizeEscalationPolicy({ reminderAt: 0 })).toThrow(/reminderAt/);
    expect(() => normalizeEscalationPolicy({ secondLevelAfter: { workingDays: -1 } })).toThrow(
      /escalation\.secondLevelAfter/,
    );
  });
});
