import { chmod, mkdir, stat } from 'node:fs/promises';

/**
 * As root, the server runs as the unprivileged `postgres` user. What it cannot reach inside the
 * clone (the binaries, and the data under DATA_DIR when the clone sits in a folder only root may
 * enter, such as /root or a mode-700 temporary folder) goes here instead: a folder owned by root
 * that others may enter but not write, which survives a reboot.
 */
export const DEFAULT_SHARED_ROOT = '/var/lib/perizinan-online';

/**
 * Root runs binaries from the shared root, so nobody else may be able to write there: it is
 * created mode 755, and an existing one must belong to this user and be writable by no one else.
 */
export async function prepareSharedRoot(root: string): Promise<void> {
  const created = await mkdir(root, { recursive: true });
  if (created) await chmod(root, 0o755);
  const { uid, mode } = await stat(root);
  if (uid !== process.getuid?.() || (mode & 0o022) !== 0) {
    throw new Error(
      `Refusing to run PostgreSQL binaries from ${root}: it must belong to uid ${process.getuid?.()} and be ` +
        `writable by no one else (owner ${uid}, mode ${(mode & 0o777).toString(8)}). Fix it or remove it.`,
    );
  }
  if ((mode & 0o001) === 0) await chmod(root, (mode & 0o777) | 0o005);
}
