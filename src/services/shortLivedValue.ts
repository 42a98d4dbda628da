/**
 * A value loaded at most once per `ttlMs` and kept in this process's memory: within the TTL
 * every caller gets the kept value; once it is older, the next callers share one load (however
 * many arrive while it runs). A failed load is not kept: the next call tries again. The age
 * counts from when the load started, so a value is never served more than `ttlMs` after the
 * moment it describes. `ttlMs` 0 loads on every call.
 */
export interface ShortLivedValueOptions {
  ttlMs: number;
  /** Milliseconds since the epoch; injected by tests. */
  now?: () => number;
}

export function shortLivedValue<T>(
  load: (startedAt: number) => Promise<T>,
  { ttlMs, now = Date.now }: ShortLivedValueOptions,
): () => Promise<T> {
  if (ttlMs <= 0) return () => load(now());
  let kept: { value: T; loadedAt: number } | null = null;
  let loading: Promise<T> | null = null;
  return () => {
    const at = now();
    if (kept && at - kept.loadedAt < ttlMs) return Promise.resolve(kept.value);
    if (loading) return loading;
    // A load that throws before its promise exists fails this call alone, like a rejection.
    const current = new Promise<T>((resolve) => resolve(load(at))).then(
      (value) => {
        kept = { value, loadedAt: at };
        loading = null;
        return value;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    loading = current;
    return current;
  };
}
