import { describe, expect, it } from 'vitest';
import { officerDecision } from '../../../src/domain/stages/officerDecision.js';

describe('officerDecision: what the adapters collect, as the workflow takes it', () => {
  it('keeps an approval note only when one was written', () => {
    expect(officerDecision('approve')).toEqual({ decision: 'approve' });
    expect(officerDecision('approve', '')).toEqual({ decision: 'approve' });
    expect(officerDecision('approve', 'Lengkap')).toEqual({ decision: 'approve', note: 'Lengkap' });
  });

  it("makes the text a rejection's reason and a revision request's note", () => {
    expect(officerDecision('reject', 'Lokasi di zona hijau')).toEqual({
      decision: 'reject',
      reason: 'Lokasi di zona hijau',
    });
    expect(officerDecision('revise', 'Unggah KTP yang terbaca')).toEqual({
      decision: 'revise',
      note: 'Unggah KTP yang terbaca',
    });
  });

  it("leaves a missing reason or note empty, for the workflow's validator to refuse", () => {
    expect(officerDecision('reject')).toEqual({ decision: 'reject', reason: '' });
    expect(officerDecision('revise')).toEqual({ decision: 'revise', note: '' });
  });
});
