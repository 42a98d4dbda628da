import { describe, expect, it } from 'vitest';
import { jakartaWallTime } from '../../../src/domain/calendar/jakartaTime.js';
import { describeValidity, formatValidityPeriod, validUntil } from '../../../src/domain/permits/validity.js';
import { verificationStatus } from '../../../src/domain/permits/verificationStatus.js';

const issued = jakartaWallTime('2026-11-30 14:00');

describe('validUntil', () => {
  it('ends the day before the same date N years or months later', () => {
    expect(validUntil(issued, { years: 5 })).toBe('2031-11-29');
    expect(validUntil(issued, { years: 1 })).toBe('2027-11-29');
    expect(validUntil(issued, { months: 3 })).toBe('2027-02-28');
    expect(validUntil(jakartaWallTime('2026-01-01 08:00'), { years: 1 })).toBe('2026-12-31');
  });

  it('ends at the month end when the same date does not exist in the target month', () => {
    expect(validUntil(jakartaWallTime('2027-01-31 08:00'), { months: 1 })).toBe('2027-02-28');
    expect(validUntil(jakartaWallTime('2028-02-29 08:00'), { years: 1 })).toBe('2029-02-28');
    expect(validUntil(jakartaWallTime('2026-12-31 08:00'), { months: 2 })).toBe('2027-02-28');
  });

  it('counts from the Jakarta date of issue, whatever the UTC date', () => {
    // 00:30 WIB on 1 December 2026 is still 30 November in UTC.
    expect(validUntil(jakartaWallTime('2026-12-01 00:30'), { years: 1 })).toBe('2027-11-30');
  });

  it('has no end for an indefinite permit', () => {
    expect(validUntil(issued, 'indefinite')).toBeNull();
  });
});

describe('validity in words', () => {
  it('names the period and the last day', () => {
    expect(describeValidity({ years: 5 }, '2031-11-29', 'id')).toBe(
      '5 tahun, sampai dengan 29 November 2031',
    );
    expect(describeValidity({ years: 1 }, '2027-11-29', 'en')).toBe(
      '1 year, until 29 November 2027 inclusive',
    );
    expect(formatValidityPeriod({ months: 6 }, 'en')).toBe('6 months');
    expect(formatValidityPeriod({ months: 6 }, 'id')).toBe('6 bulan');
  });

  it('says there is no end date for an indefinite permit', () => {
    expect(describeValidity('indefinite', null, 'id')).toBe('Tanpa batas waktu');
    expect(describeValidity('indefinite', null, 'en')).toBe('Without an end date');
  });
});

describe('verificationStatus', () => {
  const until = '2031-11-29';

  it('is VALID through the last day and EXPIRED from the next Jakarta day', () => {
    expect(verificationStatus({ revokedAt: null, validUntil: until, now: issued })).toBe('VALID');
    expect(
      verificationStatus({ revokedAt: null, validUntil: until, now: jakartaWallTime('2031-11-29 23:59') }),
    ).toBe('VALID');
    expect(
      verificationStatus({ revokedAt: null, validUntil: until, now: jakartaWallTime('2031-11-30 00:00') }),
    ).toBe('EXPIRED');
  });

  it('is REVOKED from the revocation on, even after the validity ended', () => {
    const revokedAt = jakartaWallTime('2027-03-01 10:00');
    const later = jakartaWallTime('2032-01-01 10:00');
    expect(verificationStatus({ revokedAt, validUntil: until, now: later })).toBe('REVOKED');
    expect(verificationStatus({ revokedAt, validUntil: null, now: revokedAt })).toBe('REVOKED');
    expect(
      verificationStatus({ revokedAt, validUntil: until, now: jakartaWallTime('2027-03-01 09:59') }),
    ).toBe('VALID');
  });

  it('never expires an indefinite permit', () => {
    expect(
      verificationStatus({ revokedAt: null, validUntil: null, now: jakartaWallTime('2099-01-01 00:00') }),
    ).toBe('VALID');
  });
});
