export interface PeriodicJob {
  /** Runs a pass now; during a pass, one more right after it (what woke it may be too new for it). */
  wake(): void;
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
  let again = false;
  let stopped = false;
  const run = () => {
    if (running) return;
    running = pass()
      .then(() => {})
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  if (options.runAtStart) run();
  return {
    wake: () => {
      if (stopped) return;
      if (running) again = true;
      else run();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
