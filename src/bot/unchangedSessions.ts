import type { StorageAdapter } from 'grammy';

/**
 * grammY writes the session back after every update that looked at it, changed or not: one more
 * database round trip per update, and a commit for every user with a stored profile. This
 * adapter remembers what each read gave (a user without a stored profile reads as `empty()`,
 * as the session's initial value would be) and leaves out the write when nothing changed.
 */
export function skipUnchangedWrites<T extends object>(
  storage: StorageAdapter<T>,
  empty: () => T,
): StorageAdapter<T> {
  // Keyed by the value handed to grammY: the same object comes back to `write` after the update.
  const asRead = new WeakMap<object, string>();
  return {
    read: async (key) => {
      const value = (await storage.read(key)) ?? empty();
      asRead.set(value, JSON.stringify(value));
      return value;
    },
    write: async (key, value) => {
      if (asRead.get(value) === JSON.stringify(value)) return;
      await storage.write(key, value);
    },
    delete: (key) => storage.delete(key),
  };
}
