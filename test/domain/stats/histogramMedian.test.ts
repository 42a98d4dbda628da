import fc from 'fast-check';
import { expect, test } from 'vitest';
import { histogramMedian } from '../../../src/domain/stats/histogramMedian.js';

function listMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

test('the median of a histogram is the median of the list it counts', () => {
  expect(histogramMedian([])).toBeNull();
  expect(histogramMedian([{ value: 3, count: 0 }])).toBeNull();
  expect(
    histogramMedian([
      { value: 5, count: 1 },
      { value: 1, count: 1 },
    ]),
  ).toBe(3);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }), (values) => {
      const counts = new Map<number, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      const buckets = [...counts].map(([value, count]) => ({ value, count }));
      expect(histogramMedian(buckets)).toBe(listMedian(values));
    }),
  );
});
