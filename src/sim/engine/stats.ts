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
  // A growable typed array: no boxing, and summary() selects on a copy without converting.
  #values = new Float64Array(64);
  #n = 0;
  #sum = 0;
  #max = -Infinity;

  /** Records one observation. */
  add(x: number): void {
    if (this.#n === this.#values.length) {
      const grown = new Float64Array(this.#n * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#n++] = x;
    this.#sum += x;
    if (x > this.#max) this.#max = x;
  }

  /** A tally holding the given observations. */
  static of(values: Iterable<number>): Tally {
    const t = new Tally();
    for (const x of values) t.add(x);
    return t;
  }

  /** The observations, in the order recorded. */
  values(): readonly number[] {
    return Array.from(this.#values.subarray(0, this.#n));
  }

  /** Number of observations. */
  get count(): number {
    return this.#n;
  }

  /** Mean (0 when empty). */
  get mean(): number {
    return this.#n ? this.#sum / this.#n : 0;
  }

  /**
   * n, mean, p50/p90/p95 and max, rounded to 0.01 so that results print the same everywhere.
   * The order statistics come from quickselect on a copy (linear time), not a full sort: the
   * people tallies of a peak day hold tens of thousands of values per replication.
   */
  summary(): Summary {
    const n = this.#n;
    if (n === 0) return { n: 0, mean: 0, p50: 0, p90: 0, p95: 0, max: 0 };
    const v = this.#values.slice(0, n);
    let from = 0;
    const q = (p: number): number => {
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      select(v, lo, from, n - 1);
      from = lo; // later (larger) quantiles only look right of this one
      const a = v[lo]!;
      if (lo + 1 >= n || h === lo) return a;
      let b = Infinity;
      for (let i = lo + 1; i < n; i++) if (v[i]! < b) b = v[i]!;
      return a + (h - lo) * (b - a);
    };
    const p50 = q(0.5), p90 = q(0.9), p95 = q(0.95);
    return { n, mean: round2(this.mean), p50: round2(p50), p90: round2(p90), p95: round2(p95), max: round2(this.#max) };
  }
}

/** Rearranges v[left..right] so that v[k] is the value a sort would put there (Hoare's quickselect, median-of-three). */
function select(v: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const mid = (left + right) >> 1;
    // median of three as the pivot, against sorted and reverse-sorted inputs
    const a = v[left]!, b = v[mid]!, c = v[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left, j = right;
    while (i <= j) {
      while (v[i]! < pivot) i++;
      while (v[j]! > pivot) j--;
      if (i <= j) {
        const t = v[i]!;
        v[i] = v[j]!;
        v[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
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
