/**
 * Robust statistics for unit values: the median and the median absolute deviation (MAD), which a
 * few fraudulent or mistyped declarations cannot drag the way they drag a mean and a standard
 * deviation. 1.4826 · MAD estimates the standard deviation of normal data (Rousseeuw & Croux 1993).
 */

/** Scale factor from MAD to a normal standard deviation. */
export const MAD_TO_SIGMA = 1.4826;

/** Median of the values (NaN for none). Does not modify the input. */
export function median(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return NaN;
  const s = Float64Array.from(values).sort();
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/** Median and MAD of the values. */
export function robustStats(values: readonly number[]): { n: number; median: number; mad: number } {
  const m = median(values);
  return { n: values.length, median: m, mad: median(values.map((v) => Math.abs(v - m))) };
}

/** Robust z-score of x: how many (MAD-estimated) standard deviations from the median; the MAD is floored. */
export function robustZ(x: number, med: number, mad: number, madFloor: number): number {
  return (x - med) / (MAD_TO_SIGMA * Math.max(mad, madFloor));
}
