// Who may open a file and what of it they see. The service layer asks these rules for every
// adapter (API and bot), so a file is opened the same way whichever door the caller used.

/** How a caller sees a file: as its applicant, or as an officer of some departments. */
export type FileViewer = { kind: 'applicant' } | { kind: 'officer'; departments: readonly string[] };

/**
 * The applicant of a file (the Telegram account that applied, or whoever holds its access
 * code) sees it as the applicant; otherwise a registered officer sees it as an officer; anyone
 * else may not open it at all, and learns nothing, not even whether it exists.
 */
export function fileViewer(
  isApplicant: boolean,
  officer: { departments: readonly string[] } | null,
): FileViewer | null {
  if (isApplicant) return { kind: 'applicant' };
  return officer ? { kind: 'officer', departments: officer.departments } : null;
}

/** A NIK is shown whole only to the applicant and to officers of the department the file is with now. */
export function seesWholeNik(viewer: FileViewer, assignedDepartment: string | null): boolean {
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
