// Complaint tickets: ADU-<year>-<six digits>, numbered without gaps per year (like registration
// numbers), e.g. ADU-2026-000042. Pure module.

export const TICKET_PREFIX = 'ADU';
export const MAX_TICKET_SEQUENCE = 999_999;
export const TICKET_PATTERN = /^ADU-\d{4}-\d{6}$/;

export function formatTicket(year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > MAX_TICKET_SEQUENCE) {
    throw new RangeError(`ticket sequence must be 1-${MAX_TICKET_SEQUENCE}`);
  }
  return `${TICKET_PREFIX}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Upper-cases and trims a typed ticket; null when it cannot be one. */
export function normalizeTicket(input: string): string | null {
  const ticket = input.trim().toUpperCase();
  return TICKET_PATTERN.test(ticket) ? ticket : null;
}
