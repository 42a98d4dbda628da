import { InterceptingCall, type Interceptor } from '@grpc/grpc-js';
import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

/**
 * The client connection's interceptors: the SDK's default retries, wrapped by a count of calls
 * in flight. The SDK schedules each retry on a timer and does not check whether the connection
 * was closed meanwhile: closing under a retrying call (Temporal down at shutdown) made that
 * timer throw "Channel has been shut down", uncaught. `drain` stops new retries and waits for
 * the calls to end, so the connection is closed only after the last one.
 */
export class CallsInFlight {
  private active = 0;
  private draining = false;
  private waiters: (() => void)[] = [];

  /** Counting first: it is the outermost, so it sees a call end only once retries gave up. */
  readonly interceptors: Interceptor[] = [
    (options, nextCall) =>
      new InterceptingCall(nextCall(options), {
        start: (metadata, _listener, next) => {
          this.active += 1;
          let ended = false;
          next(metadata, {
            onReceiveStatus: (status, passOn) => {
              passOn(status);
              if (!ended) {
                ended = true;
                this.end();
              }
            },
          });
        },
      }),
    makeGrpcRetryInterceptor(this.retryOptions()),
  ];

  /**
   * Stops retrying and resolves true once no call is in flight: a call waiting to retry ends at
   * its next attempt, within one back-off (at most 6 s). False after `timeoutMs`.
   */
  drain(timeoutMs: number): Promise<boolean> {
    this.draining = true;
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

  private retryOptions() {
    const defaults = defaultGrpcRetryOptions();
    return {
      delayFunction: defaults.delayFunction,
      retryableDecider: (attempt: number, status: Parameters<typeof defaults.retryableDecider>[1]) =>
        !this.draining && defaults.retryableDecider(attempt, status),
    };
  }

  private end(): void {
    this.active -= 1;
    if (this.active > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
