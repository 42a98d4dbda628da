// What a complaint (pengaduan) is about, and what its category decides: who hears of it at once
// and who may see it. Pure module: imported by workflow code.

export const COMPLAINT_CATEGORIES = ['delay', 'pungli', 'conduct', 'decision', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** The longest complaint text, answer note or reopen reason, in characters (code points). */
export const MAX_COMPLAINT_TEXT_LENGTH = 2000;

export function isComplaintCategory(value: string): value is ComplaintCategory {
  return (COMPLAINT_CATEGORIES as readonly string[]).includes(value);
}

/** An illegal levy (pungli) is reported to the second level at once, not only when overdue. */
export function reachesSecondLevelAtOnce(category: ComplaintCategory): boolean {
  return category === 'pungli';
}

/**
 * Who may see that a file has complaints: its department's managers only. A complaint about
 * conduct names an officer who may work the same file, so no officer below a manager sees any.
 */
export function seesComplaintsOfFile(viewer: { manager: boolean }): boolean {
  return viewer.manager;
}
