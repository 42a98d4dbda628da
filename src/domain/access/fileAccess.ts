// Who may open a file and what of it they see. The service layer asks these rules for every
// adapter (API and bot), so a file is opened the same way whichever door the caller used.

import { stageDepartment } from '../catalog/catalogLookup.js';
import type { PermitType } from '../catalog/catalogSchema.js';
import { isManager, MANAGER_ROLE } from '../officers/managerRole.js';

/** A role in a department: where a stage puts a file, and what lets an officer read it. */
export interface RoleSeat {
  role: string;
  department: string;
}

/** How a caller sees a file: as its applicant, or as an officer let in by one of their seats. */
export type FileViewer =
  | { kind: 'applicant' }
  | { kind: 'officer'; officerId: string; departments: readonly string[]; grant: RoleSeat };

/** The seats of the stages a file is or was at (by stage key), in the order given. */
export function stageSeats(permitType: PermitType, stageKeys: readonly string[]): RoleSeat[] {
  return stageKeys.flatMap((key) => {
    const stage = permitType.stages.find((s) => s.key === key);
    return stage ? [{ role: stage.role, department: stageDepartment(permitType, stage) }] : [];
  });
}

/**
 * Least privilege for officers: one may read a file that is or was at a stage of one of their
 * roles in one of their departments; a manager the files that are or were in their departments.
 * Returns the seat that lets them in (recorded with the read, shown to the applicant), or null.
 */
export function officerReadGrant(
  officer: { roles: readonly string[]; departments: readonly string[] },
  fileSeats: readonly RoleSeat[],
): RoleSeat | null {
  const own = fileSeats.find(
    (s) => officer.roles.includes(s.role) && officer.departments.includes(s.department),
  );
  if (own) return { role: own.role, department: own.department };
  if (!isManager(officer)) return null;
  const managed = fileSeats.find((s) => officer.departments.includes(s.department));
  return managed ? { role: MANAGER_ROLE, department: managed.department } : null;
}

/** A NIK is shown whole only to the applicant and to officers of the department the file is with now. */
export function seesWholeNik(
  viewer: { kind: 'applicant' } | { kind: 'officer'; departments: readonly string[] },
  assignedDepartment: string | null,
): boolean {
  return (
    viewer.kind === 'applicant' ||
    (assignedDepartment !== null && viewer.departments.includes(assignedDepartment))
  );
}

/**
 * An officer may add documents to a file of their department: the permit type's own or the one
 * the file is with now (walk-in applicants at the counter).
 */
export function officerMayAddDocuments(
  officerDepartments: readonly string[],
  file: { homeDepartment: string | undefined; assignedDepartment: string | null },
): boolean {
  return [file.homeDepartment, file.assignedDepartment].some(
    (department) => !!department && officerDepartments.includes(department),
  );
}

/**
 * An officer may read a file's documents when it is with their department or, once closed (no
 * department assigned), when it is of their permit type's department.
 */
export function officerMayReadDocuments(
  officerDepartments: readonly string[],
  file: { homeDepartment: string | undefined; assignedDepartment: string | null },
): boolean {
  const department = file.assignedDepartment ?? file.homeDepartment;
  return !!department && officerDepartments.includes(department);
}
