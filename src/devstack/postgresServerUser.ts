import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The account the PostgreSQL server runs as, when it is not the current one. */
export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

const SERVER_USER = 'postgres';

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the unprivileged `postgres`
 * user (created when missing); as anyone else it runs as the current user (undefined).
 */
export async function postgresServerUser(): Promise<ServerUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const found = await lookupUser(SERVER_USER);
  if (found) return found;
  await run('groupadd', ['--system', SERVER_USER]).catch(() => {});
  try {
    await run('useradd', ['--system', '--gid', SERVER_USER, '--no-create-home', SERVER_USER]);
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL cannot run as root and the unprivileged "${SERVER_USER}" user could not be created ` +
        `(${(error as { stderr?: string }).stderr?.trim() || String(error)}). ` +
        `Create it (useradd --system ${SERVER_USER}) or set DATABASE_URL to use an existing server.`,
    );
  }
  const created = await lookupUser(SERVER_USER);
  if (!created) throw new Error(`useradd reported success but "${SERVER_USER}" does not exist`);
  return created;
}

async function lookupUser(name: string): Promise<ServerUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { name, uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

/**
 * Whether `user` can run `file` with `args` to a zero exit. This asks the system instead of
 * reading mode bits, so ACLs, mount options and every folder on the way are taken into account.
 */
export async function succeedsAs(
  user: ServerUser | undefined,
  file: string,
  args: string[],
): Promise<boolean> {
  try {
    await run(file, args, { uid: user?.uid, gid: user?.gid, timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

/** Whether `user` may enter `folder` (search permission on it and every folder above it). */
export function canEnter(user: ServerUser | undefined, folder: string): Promise<boolean> {
  return succeedsAs(user, '/bin/sh', ['-c', 'cd -- "$1"', 'sh', folder]);
}
