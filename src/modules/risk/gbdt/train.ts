/**
 * Gradient boosting with logistic loss: each round fits a tree to the gradients (p − y) and
 * hessians p(1 − p) of the current margins, on a seeded subsample of rows and columns, and adds it
 * shrunk by the learning rate. With a validation set, training stops once the validation log loss
 * has not improved for `earlyStoppingRounds` rounds and keeps the best prefix of trees.
 */
import { seededRng, type Rng } from '../rng.ts';
import { applyEdges, binMatrix, type BinnedMatrix } from './binning.ts';
import { HistogramPool, binnedLeaf, growTree, type GrownTree } from './grow.ts';
import type { FeatureMatrix } from './matrix.ts';
import { sigmoid, type Ensemble, type Tree } from './tree.ts';

/** Training parameters. Gains are in the doubled-objective units of `bestSplit`. */
export interface GbdtParams {
  rounds: number;
  learningRate: number;
  maxLeaves: number;
  maxDepth: number;
  minChildWeight: number;
  minDataInLeaf: number;
  lambda: number;
  minSplitGain: number;
  /** Fraction of rows drawn (Bernoulli) for each tree. */
  rowSample: number;
  /** Fraction of features drawn for each tree. */
  colSample: number;
  maxBins: number;
  earlyStoppingRounds: number;
  seed: number;
}

/** Defaults close to LightGBM's, with a little more regularisation. */
export const DEFAULT_GBDT_PARAMS: Readonly<GbdtParams> = Object.freeze({
  rounds: 1000, learningRate: 0.05, maxLeaves: 31, maxDepth: 8, minChildWeight: 1, minDataInLeaf: 20,
  lambda: 1, minSplitGain: 0, rowSample: 0.8, colSample: 0.8, maxBins: 255, earlyStoppingRounds: 50, seed: 1,
});

/** A labelled set: features and 0/1 labels. */
export interface LabelledSet {
  x: FeatureMatrix;
  y: ArrayLike<number>;
}

/** What training returns besides the ensemble. */
export interface GbdtFit {
  ensemble: Ensemble;
  /** Number of trees kept (best validation round + 1, or all rounds without validation). */
  bestRounds: number;
  /** Validation log loss after each round (empty without validation). */
  validLoss: number[];
  /** Split-gain importance per feature, summed over the kept trees. */
  importance: Float64Array;
}

/**
 * Trains a binary classifier. Deterministic: the same inputs and seed give the same trees.
 * `allowed` (ascending feature indices) restricts the features trees may split on.
 */
export function trainGbdt(train: LabelledSet, valid: LabelledSet | null, params: Partial<GbdtParams> = {}, allowed?: Int32Array): GbdtFit {
  const p: GbdtParams = { ...DEFAULT_GBDT_PARAMS, ...params };
  checkParams(p, train);
  const n = train.x.rows;
  const y = Float64Array.from(train.y);
  const data = binMatrix(train.x, p.maxBins);
  const vData = valid ? applyEdges(valid.x, data.edges) : null;
  const vy = valid ? Float64Array.from(valid.y) : null;

  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i]!;
  const prior = Math.min(Math.max(pos / n, 1e-6), 1 - 1e-6);
  const baseScore = Math.log(prior / (1 - prior));
  const margin = new Float64Array(n).fill(baseScore);
  const vMargin = vData ? new Float64Array(vData.rows).fill(baseScore) : null;
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const rng = seededRng(p.seed);
  const pool = new HistogramPool(train.x.cols);
  const grown: GrownTree[] = [];
  const candidates = allowed ?? Int32Array.from({ length: train.x.cols }, (_, i) => i);
  if (candidates.length === 0 || candidates.some((f) => f < 0 || f >= train.x.cols)) throw new RangeError('allowed features must be valid column indices');
  const validLoss: number[] = [];
  let best = { loss: Infinity, rounds: 0 };

  for (let round = 0; round < p.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const q = sigmoid(margin[i]!);
      grad[i] = q - y[i]!;
      hess[i] = Math.max(q * (1 - q), 1e-16);
    }
    const rows = sampleRows(n, p.rowSample, rng);
    const features = sampleFeatures(candidates, p.colSample, rng);
    const t = growTree(data, grad, hess, rows, features, p, pool);
    grown.push(t);
    addTree(t, data, margin);
    if (vData && vMargin && vy) {
      addTree(t, vData, vMargin);
      const loss = logLoss(vMargin, vy);
      validLoss.push(loss);
      if (loss < best.loss - 1e-12) best = { loss, rounds: round + 1 };
      else if (round + 1 - best.rounds >= p.earlyStoppingRounds) break;
    }
  }
  const kept = vData ? grown.slice(0, Math.max(1, best.rounds)) : grown;
  const importance = new Float64Array(train.x.cols);
  for (const t of kept) for (let k = 0; k < t.gain.length; k++) if (t.tree.feature[k]! >= 0) importance[t.tree.feature[k]!]! += t.gain[k]!;
  const trees: Tree[] = kept.map((t) => t.tree);
  return { ensemble: { baseScore, featureCount: train.x.cols, trees }, bestRounds: kept.length, validLoss, importance };
}

/** Mean logistic loss of margins against 0/1 labels. */
export function logLoss(margin: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < margin.length; i++) {
    const m = margin[i]!;
    // log(1 + e^m) − y·m, computed without overflow
    s += (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))) - y[i]! * m;
  }
  return s / margin.length;
}

function addTree(t: GrownTree, data: BinnedMatrix, margin: Float64Array): void {
  const value = t.tree.value;
  for (let i = 0; i < data.rows; i++) margin[i]! += value[binnedLeaf(t, data, i)]!;
}

function sampleRows(n: number, fraction: number, rng: Rng): Uint32Array {
  if (fraction >= 1) return Uint32Array.from({ length: n }, (_, i) => i);
  const out = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < fraction) out[k++] = i;
  return out.slice(0, k);
}

function sampleFeatures(candidates: Int32Array, fraction: number, rng: Rng): Int32Array {
  const all = Int32Array.from(candidates);
  const cols = all.length;
  const k = Math.max(1, Math.round(cols * fraction));
  if (k >= cols) return all;
  for (let i = 0; i < k; i++) {
    const j = i + rng.below(cols - i);
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, k).sort();
}

function checkParams(p: GbdtParams, train: LabelledSet): void {
  const bad = (name: string, why: string): never => {
    throw new RangeError(`GBDT parameter ${name} ${why}`);
  };
  if (train.x.rows < 2) bad('rows', 'needs at least 2 training rows');
  if (train.y.length !== train.x.rows) bad('y', `has ${train.y.length} labels for ${train.x.rows} rows`);
  if (!Number.isInteger(p.rounds) || p.rounds < 1) bad('rounds', 'must be a positive integer');
  if (!(p.learningRate > 0 && p.learningRate <= 1)) bad('learningRate', 'must be in (0, 1]');
  if (!Number.isInteger(p.maxLeaves) || p.maxLeaves < 2) bad('maxLeaves', 'must be an integer >= 2');
  if (!Number.isInteger(p.maxDepth) || p.maxDepth < 1) bad('maxDepth', 'must be an integer >= 1');
  if (!(p.rowSample > 0 && p.rowSample <= 1)) bad('rowSample', 'must be in (0, 1]');
  if (!(p.colSample > 0 && p.colSample <= 1)) bad('colSample', 'must be in (0, 1]');
  if (!(p.lambda >= 0) || !(p.minChildWeight >= 0) || !(p.minDataInLeaf >= 1)) bad('lambda/minChildWeight/minDataInLeaf', 'out of range');
  if (!Number.isInteger(p.seed)) bad('seed', 'must be an integer');
}
