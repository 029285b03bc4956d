/**
 * Grows one tree leaf-wise (best-first, as LightGBM does): among the current leaves, the one whose
 * best split gains most is split next, until `maxLeaves` leaves or no split is worth it. Rows of a
 * leaf are a contiguous range of one index array, partitioned in place at each split.
 */
import type { BinnedMatrix } from './binning.ts';
import { FEATURE_STRIDE, bestSplit, buildHistogram, subtractHistogram, type Split, type SplitRules } from './histogram.ts';
import type { Tree } from './tree.ts';

/** The shape limits and regularisation of one tree. */
export interface TreeRules extends SplitRules {
  maxLeaves: number;
  maxDepth: number;
  /** Shrinkage applied to leaf values. */
  learningRate: number;
}

/** A tree plus what training needs besides it: the bin of each split, and the gain per split. */
export interface GrownTree {
  tree: Tree;
  /** Bin threshold of each internal node (go left when bin <= splitBin): for binned traversal. */
  splitBin: Uint8Array;
  /** Gain of each internal node's split (0 on leaves): for split-gain importance. */
  gain: Float64Array;
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  grad: number;
  hess: number;
  hist: Float64Array;
  split: Split | null;
}

/** Reuses histogram buffers across leaves and trees: each is a few hundred kB. */
export class HistogramPool {
  readonly #free: Float64Array[] = [];
  constructor(private readonly cols: number) {}
  take(): Float64Array {
    return this.#free.pop() ?? new Float64Array(this.cols * FEATURE_STRIDE);
  }
  give(h: Float64Array): void {
    this.#free.push(h);
  }
}

/**
 * Fits one tree to the gradients of the rows in `rows` (ascending indices into `data`), using only
 * the features in `features` (ascending).
 */
export function growTree(
  data: BinnedMatrix, grad: Float64Array, hess: Float64Array,
  rows: Uint32Array, features: Int32Array, rules: TreeRules, pool: HistogramPool,
): GrownTree {
  const idx = Uint32Array.from(rows);
  const scratch = new Uint32Array(idx.length);
  const feature: number[] = [];
  const threshold: number[] = [];
  const splitBin: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const cover: number[] = [];
  const gain: number[] = [];
  const newNode = (hessSum: number): number => {
    feature.push(-1); threshold.push(0); splitBin.push(0); left.push(-1); right.push(-1); value.push(0); cover.push(hessSum); gain.push(0);
    return feature.length - 1;
  };
  const search = (leaf: Leaf): void => {
    const count = leaf.end - leaf.start;
    leaf.split = leaf.depth < rules.maxDepth && count >= 2 * rules.minDataInLeaf
      ? bestSplit(leaf.hist, data, features, leaf.grad, leaf.hess, count, rules)
      : null;
  };

  let g = 0;
  let h = 0;
  for (let r = 0; r < idx.length; r++) {
    g += grad[idx[r]!]!;
    h += hess[idx[r]!]!;
  }
  const rootHist = pool.take();
  buildHistogram(rootHist, data, grad, hess, idx, 0, idx.length, features);
  const root: Leaf = { node: newNode(h), start: 0, end: idx.length, depth: 0, grad: g, hess: h, hist: rootHist, split: null };
  search(root);
  const leaves: Leaf[] = [root];

  while (leaves.length < rules.maxLeaves) {
    let pick = -1;
    for (let k = 0; k < leaves.length; k++) {
      const s = leaves[k]!.split;
      if (s && (pick < 0 || s.gain > leaves[pick]!.split!.gain)) pick = k;
    }
    if (pick < 0) break;
    const parent = leaves[pick]!;
    const s = parent.split!;
    const mid = partition(data, idx, scratch, parent.start, parent.end, s.feature, s.bin);
    const n = parent.node;
    feature[n] = s.feature;
    threshold[n] = data.edges[s.feature]![s.bin]!;
    splitBin[n] = s.bin;
    gain[n] = s.gain;
    const l: Leaf = { node: newNode(s.hessLeft), start: parent.start, end: mid, depth: parent.depth + 1, grad: s.gradLeft, hess: s.hessLeft, hist: parent.hist, split: null };
    const r: Leaf = { node: newNode(parent.hess - s.hessLeft), start: mid, end: parent.end, depth: parent.depth + 1, grad: parent.grad - s.gradLeft, hess: parent.hess - s.hessLeft, hist: parent.hist, split: null };
    left[n] = l.node;
    right[n] = r.node;
    // Scan the smaller child; the parent's histogram minus it is the larger child's.
    const [small, large] = mid - parent.start <= parent.end - mid ? [l, r] : [r, l];
    small.hist = pool.take();
    buildHistogram(small.hist, data, grad, hess, idx, small.start, small.end, features);
    subtractHistogram(parent.hist, small.hist, features);
    large.hist = parent.hist;
    search(l);
    search(r);
    leaves.splice(pick, 1, l, r);
  }
  for (const leaf of leaves) {
    value[leaf.node] = (-rules.learningRate * leaf.grad) / (leaf.hess + rules.lambda);
    pool.give(leaf.hist);
  }
  return {
    tree: {
      feature: Int32Array.from(feature), threshold: Float32Array.from(threshold), left: Int32Array.from(left),
      right: Int32Array.from(right), value: Float64Array.from(value), cover: Float64Array.from(cover),
    },
    splitBin: Uint8Array.from(splitBin),
    gain: Float64Array.from(gain),
  };
}

/** Stable in-place partition of idx[start…end) by bin <= splitBin; returns the first right index. */
function partition(data: BinnedMatrix, idx: Uint32Array, scratch: Uint32Array, start: number, end: number, f: number, splitBin: number): number {
  const base = f * data.rows;
  const bins = data.bins;
  let l = start;
  let r = 0;
  for (let k = start; k < end; k++) {
    const i = idx[k]!;
    if (bins[base + i]! <= splitBin) idx[l++] = i;
    else scratch[r++] = i;
  }
  idx.set(scratch.subarray(0, r), l);
  return l;
}

/** The leaf of row i of a binned matrix (same edges as training), following bin thresholds. */
export function binnedLeaf(grown: GrownTree, data: BinnedMatrix, i: number): number {
  const { feature, left, right } = grown.tree;
  let node = 0;
  for (;;) {
    const f = feature[node]!;
    if (f < 0) return node;
    node = data.bins[f * data.rows + i]! <= grown.splitBin[node]! ? left[node]! : right[node]!;
  }
}
