import { expect, test } from 'vitest';
import { allStarted } from '../../src/devstack/allStarted.js';

const after = <T>(ms: number, value: () => T) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(value());
      } catch (error) {
        reject(error);
      }
    }, ms),
  );

test('allStarted gives every value in order when all parts start', async () => {
  expect(await allStarted([after(20, () => 'a'), after(1, () => 2)])).toEqual(['a', 2]);
});

test('allStarted rejects only once the slower parts have started too', async () => {
  let slowStarted = false;
  const failing = after(1, () => {
    throw new Error('database refused');
  });
  const slow = after(50, () => {
    slowStarted = true;
    return 'temporal';
  });
  await expect(allStarted([failing, slow])).rejects.toThrow('database refused');
  expect(slowStarted).toBe(true);
});

test('allStarted names every failure, not only the first', async () => {
  const first = after(1, () => {
    throw new Error('database refused');
  });
  const second = after(5, () => {
    throw new Error('bundle broken');
  });
  await expect(allStarted([first, second])).rejects.toThrow(
    /2 parts failed to start:\n- database refused\n- bundle broken/,
  );
});
