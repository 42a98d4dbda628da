import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_CATEGORIES,
  isComplaintCategory,
  reachesSecondLevelAtOnce,
  seesComplaintsOfFile,
} from '../../../src/domain/complaints/complaintCategories.js';
import {
  complaintDepartment,
  recipientOfCheckpoint,
  recipientsOfNewComplaint,
} from '../../../src/domain/complaints/complaintRouting.js';
import { formatTicket, normalizeTicket } from '../../../src/domain/complaints/ticketNumber.js';

const POLICY = {
  responseDeadline: { workingDays: 5 },
  reminderAt: 0.6,
  defaultDepartment: 'DPMPTSP',
  secondLevelRole: 'kepala_kantor',
};

describe('complaint routing', () => {
  it("goes to the file's department, or the default for an anonymous complaint", () => {
    expect(complaintDepartment('DINKES', POLICY)).toBe('DINKES');
    expect(complaintDepartment(null, POLICY)).toBe('DPMPTSP');
  });

  it('tells the managers of every new complaint, and the second level at once of pungli only', () => {
    for (const category of COMPLAINT_CATEGORIES) {
      const recipients = recipientsOfNewComplaint(category, 'DINKES', POLICY);
      expect(recipients[0]).toEqual({ audience: 'managers', department: 'DINKES' });
      expect(recipients.length).toBe(category === 'pungli' ? 2 : 1);
      expect(reachesSecondLevelAtOnce(category)).toBe(category === 'pungli');
    }
    expect(recipientsOfNewComplaint('pungli', 'DINKES', POLICY)[1]).toEqual({
      audience: 'second_level',
      role: 'kepala_kantor',
      department: 'DINKES',
    });
  });

  it('reminds the managers and escalates a missed deadline to the second level', () => {
    expect(recipientOfCheckpoint('reminder', 'DPMPTSP', POLICY)).toEqual({
      audience: 'managers',
      department: 'DPMPTSP',
    });
    expect(recipientOfCheckpoint('breach', 'DPMPTSP', POLICY)).toEqual({
      audience: 'second_level',
      role: 'kepala_kantor',
      department: 'DPMPTSP',
    });
  });

  it("shows a file's complaints to managers only", () => {
    expect(seesComplaintsOfFile({ manager: true })).toBe(true);
    expect(seesComplaintsOfFile({ manager: false })).toBe(false);
  });

  it('knows its categories and tickets', () => {
    expect(isComplaintCategory('pungli')).toBe(true);
    expect(isComplaintCategory('bribe')).toBe(false);
    expect(formatTicket(2026, 42)).toBe('ADU-2026-000042');
    expect(() => formatTicket(2026, 0)).toThrow(RangeError);
    expect(() => formatTicket(2026, 1_000_000)).toThrow(RangeError);
    expect(normalizeTicket(' adu-2026-000042 ')).toBe('ADU-2026-000042');
    expect(normalizeTicket('ADU-26-42')).toBeNull();
  });
});
