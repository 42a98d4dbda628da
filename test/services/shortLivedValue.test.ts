import { describe, expect, test } from 'vitest';
import { shortLivedValue } from '../../src/services/shortLivedValue.js';

// The statistics report's cache, on a clock the test moves by hand (no timing involved).

/** A load whose calls are counted and which each test settles when it chooses. */
function controlledLoad() {
  const calls: { startedAt: number; resolve(value: string): void; reject(error: Error): void }[] = [];
  const load = (startedAt: number) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ startedAt, resolve, reject });
    });
  return { calls, load };
}

function manualClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('shortLivedValue', () => {
  test('a second call within the TTL does not load; the first one after it does', async () => {
    const clock = manualClock();
    const { calls, load } = controlledLoad();
    const get = shortLivedValue(load, { ttlMs: 15_000, now: clock.now });

    const first = get();
    calls[0]?.resolve('report 1');
    expect(await first).toBe('report 1');
    clock.advance(14_999);
    expect(await get()).toBe('report 1');
    expect(calls).toHaveLength(1);

    clock.advance(1);
    const second = get();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.startedAt).toBe(clock.now());
    calls[1]?.resolve('report 2');
    expect(await second).toBe('report 2');
    expect(await get()).toBe('report 2');
    expect(calls).toHaveLength(2);
  });

  test('concurrent calls while nothing is kept share one load', async () => {
    const clock = manualClock();
    const { calls, load } = controlledLoad();
    const get = shortLivedValue(load, { ttlMs: 15_000, now: clock.now });

    const waiting = [get(), get(), get()];
    clock.advance(20_000);
    waiting.push(get());
    expect(calls).toHaveLength(1);
    calls[0]?.resolve('report');
    expect(await Promise.all(waiting)).toEqual(['report', 'report', 'report', 'report']);
  });

  test('a failed load is not kept: its callers get the error, the next call loads again', async () => {
    const clock = manualClock();
    const { calls, load } = controlledLoad();
    const get = shortLivedValue(load, { ttlMs: 15_000, now: clock.now });

    const failing = [get(), get()];
    calls[0]?.reject(new Error('connection refused'));
    for (const call of failing) await expect(call).rejects.toThrow('connection refused');

    const retried = get();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve('report');
    expect(await retried).toBe('report');
  });

  test('a load that throws before returning its promise fails that call only', async () => {
    let attempts = 0;
    const get = shortLivedValue(
      () => {
        attempts += 1;
        if (attempts === 1) throw new Error('pool closed');
        return Promise.resolve('report');
      },
      { ttlMs: 15_000, now: manualClock().now },
    );
    await expect(get()).rejects.toThrow('pool closed');
    expect(await get()).toBe('report');
  });

  test('the age counts from when the load started, so a slow load is not kept longer', async () => {
    const clock = manualClock();
    const { calls, load } = controlledLoad();
    const get = shortLivedValue(load, { ttlMs: 15_000, now: clock.now });

    const slow = get();
    clock.advance(10_000);
    calls[0]?.resolve('report 1');
    await slow;
    clock.advance(5_000);
    void get();
    expect(calls).toHaveLength(2);
  });

  test('TTL 0 loads on every call, concurrent ones included', async () => {
    const clock = manualClock();
    const { calls, load } = controlledLoad();
    const get = shortLivedValue(load, { ttlMs: 0, now: clock.now });

    const both = [get(), get()];
    expect(calls).toHaveLength(2);
    calls[0]?.resolve('a');
    calls[1]?.resolve('b');
    expect(await Promise.all(both)).toEqual(['a', 'b']);
  });
});
