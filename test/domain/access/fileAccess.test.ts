import { describe, expect, it } from 'vitest';
import {
  officerMayAddDocuments,
  officerMayReadDocuments,
  officerReadGrant,
  seesWholeNik,
  stageSeats,
} from '../../../src/domain/access/fileAccess.js';
import { findPermitType } from '../../../src/domain/catalog/catalogLookup.js';
import { testCatalog } from '../../support/permitScenario.js';

describe('who may open a file', () => {
  // TEST-FREE: completeness (verifikator, DPMPTSP) → review (tim_teknis, DINKES) → decision (kepala, DPMPTSP).
  const testFree = findPermitType(testCatalog, 'TEST-FREE')!;
  const atReview = stageSeats(testFree, ['review', 'completeness']);
  const officer = (roles: string[], departments: string[]) => ({ roles, departments });

  it("knows each stage's role and department, and skips stage keys the permit type no longer has", () => {
    expect(stageSeats(testFree, ['review', 'gone', 'completeness'])).toEqual([
      { role: 'tim_teknis', department: 'DINKES' },
      { role: 'verifikator', department: 'DPMPTSP' },
    ]);
  });

  it('lets an officer read a file that is or was at a stage of their role in their department', () => {
    expect(officerReadGrant(officer(['tim_teknis'], ['DINKES']), atReview)).toEqual({
      role: 'tim_teknis',
      department: 'DINKES',
    });
    expect(officerReadGrant(officer(['verifikator'], ['DPMPTSP']), atReview)).toEqual({
      role: 'verifikator',
      department: 'DPMPTSP',
    });
    // The right role in another department, another role in the right department, a later stage.
    expect(officerReadGrant(officer(['tim_teknis'], ['DPMPTSP']), atReview)).toBeNull();
    expect(officerReadGrant(officer(['verifikator'], ['DINKES']), atReview)).toBeNull();
    expect(officerReadGrant(officer(['kepala'], ['DPMPTSP']), atReview)).toBeNull();
  });

  it('lets a manager read the files of their departments, as manager', () => {
    expect(officerReadGrant(officer(['manager'], ['DINKES']), atReview)).toEqual({
      role: 'manager',
      department: 'DINKES',
    });
    expect(officerReadGrant(officer(['manager'], ['DLH']), atReview)).toBeNull();
    expect(
      officerReadGrant(officer(['manager'], ['DINKES']), stageSeats(testFree, ['completeness'])),
    ).toBeNull();
    // A stage of their own role is named before the manager's oversight.
    expect(officerReadGrant(officer(['manager', 'verifikator'], ['DPMPTSP']), atReview)).toEqual({
      role: 'verifikator',
      department: 'DPMPTSP',
    });
  });

  it('shows a NIK whole to the applicant and to officers of the department the file is with', () => {
    expect(seesWholeNik({ kind: 'applicant' }, null)).toBe(true);
    expect(seesWholeNik({ kind: 'officer', departments: ['DPMPTSP'] }, 'DPMPTSP')).toBe(true);
    expect(seesWholeNik({ kind: 'officer', departments: ['DPMPTSP'] }, 'DINKES')).toBe(false);
    expect(seesWholeNik({ kind: 'officer', departments: ['DPMPTSP'] }, null)).toBe(false);
  });
});

describe("an officer and a file's documents", () => {
  const atDinkes = { homeDepartment: 'DPMPTSP', assignedDepartment: 'DINKES' };
  const closed = { homeDepartment: 'DPMPTSP', assignedDepartment: null };

  it("may add documents in the permit type's department or the one the file is with", () => {
    expect(officerMayAddDocuments(['DPMPTSP'], atDinkes)).toBe(true);
    expect(officerMayAddDocuments(['DINKES'], atDinkes)).toBe(true);
    expect(officerMayAddDocuments(['DPUPR'], atDinkes)).toBe(false);
  });

  it('may read them where the file is now, or once closed in its permit type’s department', () => {
    expect(officerMayReadDocuments(['DINKES'], atDinkes)).toBe(true);
    expect(officerMayReadDocuments(['DPMPTSP'], atDinkes)).toBe(false);
    expect(officerMayReadDocuments(['DPMPTSP'], closed)).toBe(true);
    expect(
      officerMayReadDocuments(['DPMPTSP'], { homeDepartment: undefined, assignedDepartment: null }),
    ).toBe(false);
  });
});
