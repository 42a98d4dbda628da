import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskHolderName } from '../../../src/domain/permits/holderName.js';

describe('maskHolderName', () => {
  it('keeps the first name and turns the other names into initials', () => {
    expect(maskHolderName('Siti Nurhaliza Aminah')).toBe('Siti N. A.');
    expect(maskHolderName('  budi   santoso ')).toBe('budi S.');
    expect(maskHolderName('Sukarno')).toBe('Sukarno');
  });

  it('keeps prefix titles and drops degrees after a comma', () => {
    expect(maskHolderName('dr. Siti Nurhaliza, Sp.A.')).toBe('dr. Siti N.');
    expect(maskHolderName('drh. Budi Santoso, M.Si.')).toBe('drh. Budi S.');
    expect(maskHolderName('Hj. Dewi Lestari Putri')).toBe('Hj. Dewi L. P.');
  });

  it('initials names that start with a mark or a digit by their first letter or digit', () => {
    expect(maskHolderName("Andi 'Uli Ma'ruf")).toBe('Andi U. M.');
  });

  it('never shows any name but the first in full', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{2,10}$/);
    fc.assert(
      fc.property(word, fc.array(word, { minLength: 1, maxLength: 4 }), (first, others) => {
        const masked = maskHolderName([first, ...others].join(' '));
        expect(masked.startsWith(`${first} `)).toBe(true);
        for (const other of others) expect(masked.split(' ').slice(1)).not.toContain(other);
      }),
    );
  });

  it('is empty for an empty name', () => {
    expect(maskHolderName('  ')).toBe('');
  });
});
