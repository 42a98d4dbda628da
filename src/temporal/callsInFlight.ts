import { InterceptingCall, type Interceptor } from '@grpc/grpc-js';

/**
 * Counts a client's Temporal calls from their start to their final status, retries included:
 * its interceptor goes before the SDK's retry interceptor, so it sees a call end only once that
 * one has given up. The SDK schedules each retry on a timer and does not check whether the
 * connection was closed meanwhile; closing under a retrying call (Temporal down at shutdown)
 * made that timer throw "Channel has been shut down", uncaught. Closing waits for `idle` first.
 */
export class CallsInFlight {
  private active = 0;
  private waiters: (() => void)[] = [];

  readonly interceptor: Interceptor = (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start: (metadata, _listener, next) => {
        this.active += 1;
        let ended = false;
        next(metadata, {
          onReceiveStatus: (status, passOn) => {
            if (!ended) {
              ended = true;
              this.end();
            }
            passOn(status);
          },
        });
      },
    });

  /** Resolves when no call is in flight, or after `timeoutMs` (a call without a deadline). */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.active === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(done);
    });
  }

  private end(): void {
    this.active -= 1;
    if (this.active > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
