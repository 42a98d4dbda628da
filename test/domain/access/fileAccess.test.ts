import { describe, expect, it } from 'vitest';
import {
  fileViewer,
  officerMayAddDocuments,
  officerMayReadDocuments,
  seesWholeNik,
} from '../../../src/domain/access/fileAccess.js';

const dpmptsp = { departments: ['DPMPTSP'] };

describe('who may open a file', () => {
  it('sees the applicant first, then an officer, and nobody else', () => {
    expect(fileViewer(true, dpmptsp)).toEqual({ kind: 'applicant' });
    expect(fileViewer(true, null)).toEqual({ kind: 'applicant' });
    expect(fileViewer(false, dpmptsp)).toEqual({ kind: 'officer', departments: ['DPMPTSP'] });
    expect(fileViewer(false, null)).toBeNull();
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
