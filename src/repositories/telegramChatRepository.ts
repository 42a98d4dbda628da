import type { Queryable } from '../db/pool.js';

// Telegram chats notices go to: the applicant's account, officers' accounts, department group
// chats, and the chats that blocked the bot (nothing is sent there until they write again).

/**
 * The chats of the Telegram accounts behind files and complaints, in one statement: for each
 * registration number the account that applied for the file (if it applied on Telegram), for
 * each complaint ticket the file's account (an anonymous complaint has none: its complainant
 * follows it by ticket code). Keys without a chat are left out.
 */
export async function applicantChatsOf(
  db: Queryable,
  keys: { registrationNumbers: string[]; tickets: string[] },
): Promise<{ byFile: Map<string, number>; byTicket: Map<string, number> }> {
  const byFile = new Map<string, number>();
  const byTicket = new Map<string, number>();
  if (keys.registrationNumbers.length === 0 && keys.tickets.length === 0) return { byFile, byTicket };
  const { rows } = await db.query<{ kind: 'file' | 'ticket'; key: string; chat: string }>(
    `SELECT 'file' AS kind, registration_number AS key, applicant_telegram_id AS chat FROM applications
     WHERE registration_number = ANY($1::text[]) AND applicant_telegram_id IS NOT NULL
     UNION ALL
     SELECT 'ticket', c.ticket, a.applicant_telegram_id FROM complaints c
     JOIN applications a ON a.registration_number = c.registration_number
     WHERE c.ticket = ANY($2::text[]) AND a.applicant_telegram_id IS NOT NULL`,
    [keys.registrationNumbers, keys.tickets],
  );
  for (const row of rows) (row.kind === 'file' ? byFile : byTicket).set(row.key, Number(row.chat));
  return { byFile, byTicket };
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
