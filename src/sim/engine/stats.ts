/** Summary of a sample of durations (minutes). */
export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  max: number;
}

/** Collects observations and summarises them with percentiles (linear interpolation, R type 7). */
export class Tally {
  #values: number[] = [];
  #sum = 0;

  /** Records one observation. */
  add(x: number): void {
    this.#values.push(x);
    this.#sum += x;
  }

  /** A tally holding the given observations. */
  static of(values: Iterable<number>): Tally {
    const t = new Tally();
    for (const x of values) t.add(x);
    return t;
  }

  /** The observations, in the order recorded. */
  values(): readonly number[] {
    return this.#values;
  }

  /** Number of observations. */
  get count(): number {
    return this.#values.length;
  }

  /** Mean (0 when empty). */
  get mean(): number {
    return this.#values.length ? this.#sum / this.#values.length : 0;
  }

  /** n, mean, p50/p90/p95 and max, rounded to 0.01 so that results print the same everywhere. */
  summary(): Summary {
    const v = Float64Array.from(this.#values).sort();
    const q = (p: number): number => {
      if (v.length === 0) return 0;
      const h = (v.length - 1) * p;
      const lo = Math.floor(h);
      return v[lo]! + (h - lo) * ((v[Math.min(lo + 1, v.length - 1)] ?? v[lo]!) - v[lo]!);
    };
    return { n: v.length, mean: round2(this.mean), p50: round2(q(0.5)), p90: round2(q(0.9)), p95: round2(q(0.95)), max: round2(v.length ? v[v.length - 1]! : 0) };
  }
}

/** Rounds to two decimals. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

// Two-sided 95 % Student t quantiles for 1…30 degrees of freedom.
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** Two-sided 95 % Student t quantile for `df` degrees of freedom (Cornish–Fisher past 30). */
export function t95(df: number): number {
  if (df < 1) return Infinity;
  if (df <= 30) return T95[df - 1]!;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/** Mean and 95 % confidence interval of independent replications. */
export interface Interval {
  mean: number;
  lo: number;
  hi: number;
}

/** Mean and Student-t 95 % interval of a list of replication values. */
export function meanInterval(xs: number[]): Interval {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / (n || 1);
  if (n < 2) return { mean, lo: mean, hi: mean };
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  const half = t95(n - 1) * Math.sqrt(variance / n);
  return { mean, lo: mean - half, hi: mean + half };
}
