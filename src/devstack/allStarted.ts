/**
 * Like Promise.all for parts started side by side, but rejects only once every part has settled.
 * Promise.all rejects at the first failure while the others are still starting, so a cleanup
 * run at that moment misses what they start afterwards, and that keeps running. Every failure
 * is reported, not only the first.
 */
export async function allStarted<T extends readonly unknown[] | []>(
  starts: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled(starts);
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    const messages = failures.map((f) => (f instanceof Error ? f.message : String(f)));
    throw new AggregateError(
      failures,
      `${failures.length} parts failed to start:\n- ${messages.join('\n- ')}`,
    );
  }
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}
