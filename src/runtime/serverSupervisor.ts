/** A server this process started and can start again: its end is observable. */
export interface RestartableServer {
  /** Resolves with how the server ended. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export interface SupervisorEvents {
  /** The server ended without being asked to; a restart follows after `delayMs`. */
  crashed(how: string, delayMs: number): void;
  restarted(attempt: number): void;
  /** One restart attempt failed; another follows after `delayMs`. */
  restartFailed(error: unknown, attempt: number, delayMs: number): void;
  /** Every attempt failed: the process cannot serve and should exit so an outer supervisor acts. */
  gaveUp(error: unknown): void;
}

export interface SupervisorPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Consecutive failed restarts before giving up. */
  maxAttempts: number;
  /** A server that stayed up this long counts as healthy: the next crash starts the back-off over. */
  healthyAfterMs: number;
}

export const DEFAULT_POLICY: SupervisorPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxAttempts: 10,
  healthyAfterMs: 60_000,
};

export interface SupervisedServer<T> {
  current(): T;
  /** Stops supervising, then the server; a restart in progress finishes first. */
  stop(): Promise<void>;
}

/**
 * Keeps a server `npm start` brought along running: when it ends unexpectedly (a crash, an OOM
 * kill, `kill -9`) it is started again with exponential back-off, so the app recovers without a
 * person. A server that cannot be brought back ends in `gaveUp`, for the caller to exit non-zero.
 */
export function superviseServer<T extends RestartableServer>(
  first: T,
  start: () => Promise<T>,
  events: SupervisorEvents,
  policy: SupervisorPolicy = DEFAULT_POLICY,
): SupervisedServer<T> {
  let current = first;
  let stopping = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const delayFor = (attempt: number) =>
    Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));

  const watch = async (): Promise<void> => {
    let failures = 0;
    for (;;) {
      const startedAt = Date.now();
      const how = await current.exited;
      if (stopping) return;
      if (Date.now() - startedAt >= policy.healthyAfterMs) failures = 0;
      events.crashed(how, delayFor(failures + 1));
      for (;;) {
        failures += 1;
        await pause(delayFor(failures));
        if (stopping) return;
        try {
          current = await start();
          if (stopping) {
            await current.stop();
            return;
          }
          events.restarted(failures);
          break;
        } catch (error) {
          if (failures >= policy.maxAttempts) {
            events.gaveUp(error);
            return;
          }
          events.restartFailed(error, failures, delayFor(failures + 1));
        }
      }
    }
  };
  const watching = watch();

  return {
    current: () => current,
    async stop() {
      stopping = true;
      wake?.();
      // Ends the watch's wait on this server; a restart in progress stops its own result.
      await current.stop();
      await watching;
    },
  };
}
