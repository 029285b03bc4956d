/**
 * Gradient histograms and split search. A histogram holds, per feature and bin, the sums of
 * gradients, hessians and row counts of the rows in one leaf; the best split of a feature is found
 * by one cumulative scan over its bins. The larger child of a split gets its histogram by
 * subtracting the smaller child's from the parent's (LightGBM's trick), so each level scans each
 * row once.
 */
import { MAX_BINS, type BinnedMatrix } from './binning.ts';

/** Doubles per feature in a histogram: (gradient, hessian, count) for each of MAX_BINS bins. */
export const FEATURE_STRIDE = MAX_BINS * 3;

/** Regularisation and constraints that decide whether a split is allowed. */
export interface SplitRules {
  /** L2 penalty on leaf weights. */
  lambda: number;
  /** Minimum hessian sum in each child. */
  minChildWeight: number;
  /** Minimum number of rows in each child. */
  minDataInLeaf: number;
  /** A split must improve the (doubled) regularised objective by more than this. */
  minSplitGain: number;
}

/** The best split found for a leaf. */
export interface Split {
  gain: number;
  feature: number;
  /** Rows with bin <= this go left. */
  bin: number;
  gradLeft: number;
  hessLeft: number;
  countLeft: number;
}

/** Fills the histogram of the rows `idx[start…end)` for the selected features. */
export function buildHistogram(
  hist: Float64Array, data: BinnedMatrix, grad: Float64Array, hess: Float64Array,
  idx: Uint32Array, start: number, end: number, features: Int32Array,
): void {
  const { bins, rows } = data;
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    const off = f * FEATURE_STRIDE;
    hist.fill(0, off, off + FEATURE_STRIDE);
    const base = f * rows;
    for (let r = start; r < end; r++) {
      const i = idx[r]!;
      const h = off + bins[base + i]! * 3;
      hist[h]! += grad[i]!;
      hist[h + 1]! += hess[i]!;
      hist[h + 2]! += 1;
    }
  }
}

/** parent := parent − child, for the selected features: the parent's array becomes the sibling's. */
export function subtractHistogram(parent: Float64Array, child: Float64Array, features: Int32Array): void {
  for (let k = 0; k < features.length; k++) {
    const off = features[k]! * FEATURE_STRIDE;
    for (let j = off; j < off + FEATURE_STRIDE; j++) parent[j]! -= child[j]!;
  }
}

/**
 * The split with the largest gain GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ) over the selected features,
 * or null when none satisfies the rules. Ties keep the earlier feature and bin (deterministic).
 */
export function bestSplit(
  hist: Float64Array, data: BinnedMatrix, features: Int32Array,
  grad: number, hess: number, count: number, rules: SplitRules,
): Split | null {
  const { lambda, minChildWeight, minDataInLeaf } = rules;
  const parentScore = (grad * grad) / (hess + lambda);
  let best: Split | null = null;
  let bestGain = rules.minSplitGain;
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    const nBins = data.edges[f]!.length + 1;
    if (nBins < 2) continue;
    const off = f * FEATURE_STRIDE;
    let gl = 0;
    let hl = 0;
    let cl = 0;
    for (let b = 0; b < nBins - 1; b++) {
      const h = off + b * 3;
      gl += hist[h]!;
      hl += hist[h + 1]!;
      cl += hist[h + 2]!;
      if (cl < minDataInLeaf || hl < minChildWeight) continue;
      const cr = count - cl;
      const hr = hess - hl;
      if (cr < minDataInLeaf || hr < minChildWeight) break; // the right side only shrinks from here
      const gr = grad - gl;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
      if (gain > bestGain) {
        bestGain = gain;
        best = { gain, feature: f, bin: b, gradLeft: gl, hessLeft: hl, countLeft: cl };
      }
    }
  }
  return best;
}
