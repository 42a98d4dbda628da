/**
 * Things to stop, stopped in reverse order of start: the API stops taking requests, then the
 * worker drains, then connections close, then the embedded servers go down.
 */
export class StopStack {
  private readonly entries: { name: string; stop: () => Promise<void> }[] = [];
  private stopping: Promise<void> | undefined;

  push(name: string, stop: () => Promise<void>): void {
    this.entries.push({ name, stop });
  }

  stopAll(onError: (name: string, error: unknown) => void = () => {}): Promise<void> {
    this.stopping ??= (async () => {
      for (const entry of this.entries.reverse()) {
        try {
          await entry.stop();
        } catch (error) {
          onError(entry.name, error);
        }
      }
    })();
    return this.stopping;
  }
}

/** Calls `stop` once on SIGINT or SIGTERM, then exits; a second signal exits at once. */
export function stopOnSignals(stop: () => Promise<void>, log: (message: string) => void): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      log(`${signal} again: exiting now`);
      process.exit(130);
    }
    received = true;
    log(`${signal} received: shutting down`);
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
