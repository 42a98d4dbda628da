import { expect, test } from 'vitest';
import { type RestartableServer, superviseServer } from '../../src/runtime/serverSupervisor.js';

/** A stand-in server whose crash the test triggers. */
class FakeServer implements RestartableServer {
  stopped = false;
  private end!: (how: string) => void;
  readonly exited = new Promise<string>((resolve) => {
    this.end = resolve;
  });
  constructor(readonly generation: number) {}
  crash(): void {
    this.end('exited (SIGKILL)');
  }
  async stop(): Promise<void> {
    this.stopped = true;
    this.end('exited (code 0)');
  }
}

const policy = { initialDelayMs: 5, maxDelayMs: 40, maxAttempts: 3, healthyAfterMs: 60_000 };
const until = async (check: () => boolean) => {
  const deadline = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached within 2 s');
    await new Promise((r) => setTimeout(r, 5));
  }
};

function recorder() {
  const events: string[] = [];
  return {
    events,
    handlers: {
      crashed: (how: string, delayMs: number) => events.push(`crashed ${how} ${delayMs}`),
      restarted: (attempt: number) => events.push(`restarted ${attempt}`),
      restartFailed: (_e: unknown, attempt: number, delayMs: number) =>
        events.push(`failed ${attempt} ${delayMs}`),
      gaveUp: (e: unknown) => events.push(`gave up: ${(e as Error).message}`),
    },
  };
}

test('a crashed server is started again, failed restarts back off, and stop ends the last one', async () => {
  const servers = [new FakeServer(0)];
  let refusals = 2;
  const start = async () => {
    if (refusals-- > 0) throw new Error('port still held by the old server');
    const next = new FakeServer(servers.length);
    servers.push(next);
    return next;
  };
  const { events, handlers } = recorder();
  const supervised = superviseServer(servers[0]!, start, handlers, policy);

  servers[0]!.crash();
  await until(() => events.includes('restarted 3'));
  expect(events).toEqual(['crashed exited (SIGKILL) 5', 'failed 1 10', 'failed 2 20', 'restarted 3']);
  expect(supervised.current()).toBe(servers[1]);

  // A second crash soon after continues the back-off where it was.
  servers[1]!.crash();
  await until(() => events.includes('restarted 4'));
  expect(events.slice(4)).toEqual(['crashed exited (SIGKILL) 40', 'restarted 4']);

  await supervised.stop();
  expect(servers[2]!.stopped).toBe(true);
  expect(servers.length).toBe(3);
});

test('a server that cannot be brought back is given up on after the allowed attempts', async () => {
  const first = new FakeServer(0);
  const { events, handlers } = recorder();
  const supervised = superviseServer(
    first,
    async () => {
      throw new Error('data folder is gone');
    },
    handlers,
    policy,
  );
  first.crash();
  await until(() => events.some((e) => e.startsWith('gave up')));
  expect(events).toEqual([
    'crashed exited (SIGKILL) 5',
    'failed 1 10',
    'failed 2 20',
    'gave up: data folder is gone',
  ]);
  await supervised.stop();
});

test('stopping is not mistaken for a crash', async () => {
  const first = new FakeServer(0);
  const { events, handlers } = recorder();
  const supervised = superviseServer(first, async () => new FakeServer(1), handlers, policy);
  await supervised.stop();
  expect(first.stopped).toBe(true);
  expect(events).toEqual([]);
});
