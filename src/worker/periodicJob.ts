export interface PeriodicJob {
  stop(): Promise<void>;
}

/**
 * Runs `pass` every `intervalMs` (and once at start, if asked), never two passes at once; a
 * failed pass is reported and the next one runs as planned. Stopping waits for a running pass.
 */
export function startPeriodicJob(
  pass: () => Promise<unknown>,
  options: { intervalMs: number; runAtStart?: boolean; onError?: ((error: unknown) => void) | undefined },
): PeriodicJob {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= pass()
      .then(() => {})
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  if (options.runAtStart) run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
