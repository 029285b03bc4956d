/**
 * Histogram binning: each feature is cut into at most 255 bins at quantile edges, so split search
 * scans bins instead of sorted values. A bin b holds the values in (edges[b-1], edges[b]]; the
 * last bin holds everything above the last edge, and NaN (it compares false with every edge, the
 * same way `x <= threshold` is false at prediction time, so training and scoring agree).
 */
import type { FeatureMatrix } from './matrix.ts';

/** Hard cap: bins are stored in a Uint8Array. */
export const MAX_BINS = 255;

/** Bin edges per feature and the binned matrix (column-major, like the raw one). */
export interface BinnedMatrix {
  readonly rows: number;
  readonly cols: number;
  /** `bins[f * rows + i]` is the bin of row i for feature f. */
  readonly bins: Uint8Array;
  /** Upper edges per feature; feature f has `edges[f].length + 1` bins. */
  readonly edges: readonly Float32Array[];
}

/**
 * Quantile edges of one column: walks the distinct values in order and closes a bin once it holds
 * about rows/maxBins values. A heavy value (e.g. a count of 0 in half the rows) gets a bin of its
 * own instead of swallowing its neighbours, and a column with few distinct values gets one bin
 * per value.
 */
export function quantileEdges(column: Float32Array, maxBins: number): Float32Array {
  if (maxBins < 2 || maxBins > MAX_BINS) throw new RangeError(`maxBins must be in 2…${MAX_BINS}`);
  const sorted = Float32Array.from(column).sort(); // typed-array sort is numeric and puts NaN last
  let n = sorted.length;
  while (n > 0 && Number.isNaN(sorted[n - 1]!)) n--;
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = sorted[i]!;
    if (distinct.length && distinct[distinct.length - 1] === v) counts[counts.length - 1]!++;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  if (distinct.length <= maxBins) return Float32Array.from(distinct.slice(0, -1));
  const edges: number[] = [];
  const target = n / maxBins;
  let inBin = 0;
  let remaining = n;
  for (let k = 0; k < distinct.length - 1 && edges.length < maxBins - 1; k++) {
    inBin += counts[k]!;
    remaining -= counts[k]!;
    // Re-aim after each closed bin so that heavy values early on do not starve the tail.
    const aim = Math.max(1, Math.min(target, remaining / Math.max(1, maxBins - 1 - edges.length)));
    if (inBin >= aim) {
      edges.push(distinct[k]!);
      inBin = 0;
    }
  }
  return Float32Array.from(edges);
}

/** The bin of a value: the first edge it does not exceed, or the last bin (also NaN). */
export function binOf(edges: Float32Array, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Computes edges from `m` (the training matrix) and bins it. */
export function binMatrix(m: FeatureMatrix, maxBins: number = MAX_BINS): BinnedMatrix {
  const edges: Float32Array[] = [];
  for (let f = 0; f < m.cols; f++) edges.push(quantileEdges(m.values.subarray(f * m.rows, (f + 1) * m.rows), maxBins));
  return applyEdges(m, edges);
}

/** Bins `m` with edges learned elsewhere (the validation set uses the training edges). */
export function applyEdges(m: FeatureMatrix, edges: readonly Float32Array[]): BinnedMatrix {
  if (edges.length !== m.cols) throw new Error(`matrix has ${m.cols} columns, edges are for ${edges.length}`);
  const bins = new Uint8Array(m.rows * m.cols);
  for (let f = 0; f < m.cols; f++) {
    const e = edges[f]!;
    const base = f * m.rows;
    for (let i = 0; i < m.rows; i++) bins[base + i] = binOf(e, m.values[base + i]!);
  }
  return { rows: m.rows, cols: m.cols, bins, edges };
}
