// Pure: the public statistics keep working days to a decision as a histogram (value → files),
// so a median over any set of months is read without the files themselves.

/**
 * The median of the values a histogram counts, as the median of the list it stands for (the
 * mean of the two middle values for an even count); null when it counts nothing.
 */
export function histogramMedian(buckets: readonly { value: number; count: number }[]): number | null {
  const sorted = buckets.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  // Zero-based positions of the middle value(s) in the sorted list.
  const low = Math.floor((total - 1) / 2);
  const high = Math.floor(total / 2);
  let seen = 0;
  let lowValue: number | undefined;
  for (const bucket of sorted) {
    seen += bucket.count;
    if (lowValue === undefined && seen > low) lowValue = bucket.value;
    if (seen > high) return ((lowValue ?? bucket.value) + bucket.value) / 2;
  }
  return null;
}
