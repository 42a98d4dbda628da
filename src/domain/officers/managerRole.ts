/** The role whose holders get SLA breach alerts of their departments and may use /sla. */
export const MANAGER_ROLE = 'manager';

export function isManager(officer: { roles: readonly string[] }): boolean {
  return officer.roles.includes(MANAGER_ROLE);
}
