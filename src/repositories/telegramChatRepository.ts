import type { Queryable } from '../db/pool.js';

// Telegram chats notices go to: the applicant's account, officers' accounts, department group
// chats, and the chats that blocked the bot (nothing is sent there until they write again).

/** The chat of the Telegram account that applied for the file, if it applied on Telegram. */
export async function applicantChatOf(db: Queryable, registrationNumber: string): Promise<number[]> {
  const { rows } = await db.query<{ chat: string | null }>(
    'SELECT applicant_telegram_id AS chat FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  return rows.flatMap((r) => (r.chat ? [Number(r.chat)] : []));
}

/**
 * The chat of whoever filed a complaint about a file: the file's Telegram account. An anonymous
 * complaint has none (its complainant follows it by ticket code).
 */
export async function complainantChatOf(db: Queryable, ticket: string): Promise<number[]> {
  const { rows } = await db.query<{ chat: string | null }>(
    `SELECT a.applicant_telegram_id AS chat FROM complaints c
     JOIN applications a ON a.registration_number = c.registration_number WHERE c.ticket = $1`,
    [ticket],
  );
  return rows.flatMap((r) => (r.chat ? [Number(r.chat)] : []));
}

/** Chats of active officers with the role in the department, and the department's group chats if asked. */
export async function officerChatsOf(
  db: Queryable,
  role: string | undefined,
  department: string | undefined,
  withDepartmentChats: boolean,
): Promise<number[]> {
  const { rows } = await db.query<{ chat: string }>(
    `SELECT telegram_user_id AS chat FROM officers
     WHERE active AND telegram_user_id IS NOT NULL AND $1 = ANY(roles) AND $2 = ANY(departments)
     UNION
     SELECT chat_id AS chat FROM department_chats WHERE $3 AND department = $2`,
    [role, department, withDepartmentChats],
  );
  return rows.map((r) => Number(r.chat));
}

export async function markChatBlocked(db: Queryable, chatId: number): Promise<void> {
  await db.query('INSERT INTO blocked_chats (chat_id) VALUES ($1) ON CONFLICT DO NOTHING', [chatId]);
}

/** A chat that blocked the bot and wrote to it again is reachable: notices may go out again. */
export async function markChatReachable(db: Queryable, chatId: number): Promise<void> {
  await db.query('DELETE FROM blocked_chats WHERE chat_id = $1', [chatId]);
}
