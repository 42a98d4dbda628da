import { randomUUID } from 'node:crypto';
import { filesAwaitingRoles } from '../../src/repositories/applicationListRepository.js';
import type { SentMessage, TestUser } from '../../test/support/botApiEmulator.js';
import { waitFor } from '../../test/support/waitFor.js';
import type { DrillStack } from '../drills/drillStack.js';
import { inParallel } from '../drills/drillTraffic.js';
import { type FiledApplication, preparedSubmissions, submitter } from './submissionLoad.js';

/** A Telegram user of the benchmark, with what it needs to send its kinds of update. */
export interface BotUser {
  user: TestUser;
  role: 'officer' | 'citizen';
  /** A citizen's file, filed through the API: its number and access code. */
  file?: FiledApplication;
  /** A button the user may press again and again: a citizen's language, an officer's documents. */
  button: { message: SentMessage; data: string };
}

// Officers' Telegram IDs start here, citizens' after them; the drill stack's own officers use 1001–1006.
const FIRST_OFFICER_ID = 300_001;
const FIRST_CITIZEN_ID = 400_001;

/** The button in `row`/`column` of the newest message to `user` that has such a button. */
function buttonOf(user: TestUser, row: number, column: number) {
  for (const message of [...user.messages()].reverse()) {
    const button = message.replyMarkup?.inline_keyboard[row]?.[column];
    if (button && 'callback_data' in button) return { message, data: button.callback_data };
  }
  return undefined;
}

/**
 * Files one SIP-DOKTER application per citizen through the API processes in turn (the app's own
 * catalog: deadlines in working days, so no reminder or breach notice lands in a chat during the
 * run), and registers `officers` verifikator officers of DPMPTSP (the first stage of SIP-DOKTER,
 * so every citizen's file is in their inbox). Then each user asks once for the message whose button it will press:
 * citizens /bahasa (the language buttons), officers /tugas (each inbox item's buttons).
 */
export async function prepareBotUsers(
  stack: DrillStack,
  counts: { officers: number; citizens: number },
  log: (message: string) => void,
): Promise<BotUser[]> {
  const { emulator, pool, apiUrls } = stack;
  log(`filing ${counts.citizens} SIP-DOKTER applications through the API (one per citizen)`);
  const bodies = await preparedSubmissions(apiUrls, counts.citizens, 8);
  const files: FiledApplication[] = [];
  const submit = submitter(apiUrls, bodies, files, counts.citizens);
  await inParallel(Array.from({ length: counts.citizens }), 8, (_, i) => submit(i));
  // The inbox reads the read model, which the workers fill as the workflows start.
  await waitFor(
    'every file in the verifikator inbox',
    async () =>
      (await filesAwaitingRoles(pool, ['verifikator'], ['DPMPTSP'])).length >= Math.min(200, counts.citizens),
    180_000,
  );
  // The new files' notices to officers must be out before the timing starts: a notice arriving
  // in an officer's chat during the run would be taken for a reply.
  await waitFor(
    'the notification outbox to drain',
    async () => {
      const { rows } = await pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM notification_outbox WHERE delivered_at IS NULL',
      );
      return Number(rows[0]!.n) === 0;
    },
    180_000,
  );

  // Registered after the files' notices went out: each new file notifies every officer of
  // its stage, which would queue thousands of notices behind the throttle.
  const officerIds = Array.from({ length: counts.officers }, (_, i) => FIRST_OFFICER_ID + i);
  for (const [i, telegramId] of officerIds.entries()) {
    await pool.query(
      `INSERT INTO officers (id, name, telegram_user_id, roles, departments)
       VALUES ($1, $2, $3, '{verifikator}', '{DPMPTSP}')`,
      [randomUUID(), `Petugas Uji ${i + 1}`, telegramId],
    );
  }
  log('each user asks once for the buttons it will press (/bahasa, /tugas)');
  const users: BotUser[] = [];
  const people = [
    ...officerIds.map((id) => ({ id, role: 'officer' as const })),
    ...files.map((file, i) => ({ id: FIRST_CITIZEN_ID + i, role: 'citizen' as const, file })),
  ];
  await inParallel(people, 20, async (person) => {
    const user = emulator.user(person.id);
    user.send(person.role === 'officer' ? '/tugas' : '/bahasa');
    // Officers: an inbox item's 📎 Documents button (second row, second column); citizens: the
    // first language button.
    const [row, column] = person.role === 'officer' ? [1, 1] : [0, 0];
    const button = await waitFor(
      `the buttons for user ${person.id}`,
      () => buttonOf(user, row, column),
      60_000,
    );
    users.push({
      user,
      role: person.role,
      button,
      ...(person.role === 'citizen' ? { file: person.file } : {}),
    });
  });
  return users;
}
