/**
 * TreeSHAP by leaf tables (the idea of Fast TreeSHAP v2, Yang 2021, arXiv:2109.09847). In
 * TreeSHAP a leaf's contribution to the features on its path depends on the row only through
 * which of those features the row "follows" (one fraction 1 or 0): with d unique features on the
 * path there are 2^d patterns, so the Shapley weights of every pattern are computed once at load
 * and scoring becomes a table look-up per leaf — the same exact values as the recursive
 * algorithm in shap.ts, at a small fraction of its cost.
 */
import type { Tree } from './tree.ts';

/** Longest unique path a leaf table is built for (2^d · d weights per leaf). */
export const MAX_TABLE_DEPTH = 8;

/** Leaf tables of a set of trees, flattened. */
export interface LeafTables {
  /** Per leaf: first condition, condition count, first element, element count, first weight. */
  readonly leafCond: Int32Array;
  readonly leafCondCount: Int32Array;
  readonly leafElem: Int32Array;
  readonly leafElemCount: Int32Array;
  readonly leafWeight: Int32Array;
  /** Per internal node of every tabled tree: its split. Each is tested once per row. */
  readonly nodeFeature: Int32Array;
  readonly nodeThreshold: Float32Array;
  /** Scratch: 1 where the row goes left at that node. */
  readonly nodeLeft: Uint8Array;
  /** Per split on a leaf's path: which unique element it belongs to, its node, and the side taken. */
  readonly condElem: Int32Array;
  readonly condNode: Int32Array;
  readonly condLeft: Uint8Array;
  /** Per unique element: its feature. */
  readonly elemFeature: Int32Array;
  /** Per leaf and pattern p (bit j set when the row follows element j): 2^d · d weights, leaf value included. */
  readonly weights: Float64Array;
}

/** The longest unique-feature path of a tree. */
export function uniqueDepth(tree: Tree, node = 0, seen: readonly number[] = []): number {
  const f = tree.feature[node]!;
  if (f < 0) return seen.length;
  const next = seen.includes(f) ? seen : [...seen, f];
  return Math.max(uniqueDepth(tree, tree.left[node]!, next), uniqueDepth(tree, tree.right[node]!, next));
}

/** Builds the leaf tables of `trees` (each must have uniqueDepth <= MAX_TABLE_DEPTH). */
export function buildLeafTables(trees: readonly Tree[]): LeafTables {
  const leafCond: number[] = [], leafCondCount: number[] = [], leafElem: number[] = [], leafElemCount: number[] = [], leafWeight: number[] = [];
  const nodeFeature: number[] = [], nodeThreshold: number[] = [];
  const condElem: number[] = [], condNode: number[] = [], condLeft: number[] = [];
  const elemFeature: number[] = [];
  const weights: number[] = [];
  for (const tree of trees) {
    if (tree.feature[0]! < 0) continue;
    walk(tree, 0, []);
  }
  return {
    leafCond: Int32Array.from(leafCond), leafCondCount: Int32Array.from(leafCondCount), leafElem: Int32Array.from(leafElem),
    leafElemCount: Int32Array.from(leafElemCount), leafWeight: Int32Array.from(leafWeight),
    nodeFeature: Int32Array.from(nodeFeature), nodeThreshold: Float32Array.from(nodeThreshold), nodeLeft: new Uint8Array(nodeFeature.length),
    condElem: Int32Array.from(condElem), condNode: Int32Array.from(condNode), condLeft: Uint8Array.from(condLeft),
    elemFeature: Int32Array.from(elemFeature), weights: Float64Array.from(weights),
  };

  function walk(tree: Tree, node: number, path: Array<{ feature: number; node: number; left: boolean; zero: number }>): void {
    const f = tree.feature[node]!;
    if (f >= 0) {
      const w = tree.cover[node]!;
      const l = tree.left[node]!;
      const r = tree.right[node]!;
      const frac = (c: number): number => (w > 0 ? tree.cover[c]! / w : 0);
      const id = nodeFeature.length;
      nodeFeature.push(f);
      nodeThreshold.push(tree.threshold[node]!);
      walk(tree, l, [...path, { feature: f, node: id, left: true, zero: frac(l) }]);
      walk(tree, r, [...path, { feature: f, node: id, left: false, zero: frac(r) }]);
      return;
    }
    // Merge splits on the same feature into one element: zero fractions multiply, and the row
    // follows the element only if it follows every one of its splits.
    const feats: number[] = [];
    const zeros: number[] = [];
    leafCond.push(condElem.length);
    leafCondCount.push(path.length);
    for (const s of path) {
      let j = feats.indexOf(s.feature);
      if (j < 0) {
        j = feats.length;
        feats.push(s.feature);
        zeros.push(1);
      }
      zeros[j]! *= s.zero;
      condElem.push(j);
      condNode.push(s.node);
      condLeft.push(s.left ? 1 : 0);
    }
    const d = feats.length;
    leafElem.push(elemFeature.length);
    leafElemCount.push(d);
    elemFeature.push(...feats);
    leafWeight.push(weights.length);
    const v = tree.value[node]!;
    for (let p = 0; p < 1 << d; p++) {
      const ones = feats.map((_, j) => ((p >> j) & 1) as number);
      const wts = patternWeights(zeros, ones);
      for (let j = 0; j < d; j++) weights.push(wts[j]! * (ones[j]! - zeros[j]!) * v);
    }
  }
}

/** Adds the SHAP values of row x from the tables to phi. */
export function addTableShap(t: LeafTables, x: ArrayLike<number>, phi: Float64Array): void {
  const { leafCond, leafCondCount, leafElem, leafElemCount, leafWeight, nodeFeature, nodeThreshold, nodeLeft, condElem, condNode, condLeft, elemFeature, weights } = t;
  // Each split is tested once; the leaves then combine the answers without branching.
  for (let n = 0; n < nodeFeature.length; n++) nodeLeft[n] = x[nodeFeature[n]!]! <= nodeThreshold[n]! ? 1 : 0;
  const leaves = leafCond.length;
  for (let L = 0; L < leaves; L++) {
    const d = leafElemCount[L]!;
    let pattern = (1 << d) - 1;
    const c0 = leafCond[L]!;
    const c1 = c0 + leafCondCount[L]!;
    for (let c = c0; c < c1; c++) pattern &= ~((nodeLeft[condNode[c]!]! ^ condLeft[c]!) << condElem[c]!);
    const w = leafWeight[L]! + pattern * d;
    const e = leafElem[L]!;
    for (let j = 0; j < d; j++) phi[elemFeature[e + j]!]! += weights[w + j]!;
  }
}

/**
 * Σ over subsets of the Shapley permutation weights for each element, as TreeSHAP's EXTEND then
 * UNWOUND-SUM compute them (Lundberg et al. 2018, Algorithm 2), for one leaf and one pattern.
 */
function patternWeights(zeros: number[], ones: number[]): number[] {
  const d = zeros.length;
  const w = new Float64Array(d + 1);
  w[0] = 1;
  // Element 0 of TreeSHAP's path is the root placeholder (zero = one = 1); extend with each element.
  for (let depth = 1; depth <= d; depth++) {
    const z = zeros[depth - 1]!;
    const o = ones[depth - 1]!;
    w[depth] = 0;
    for (let i = depth - 1; i >= 0; i--) {
      w[i + 1]! += (o * w[i]! * (i + 1)) / (depth + 1);
      w[i] = (z * w[i]! * (depth - i)) / (depth + 1);
    }
  }
  const out: number[] = [];
  for (let j = 0; j < d; j++) {
    const o = ones[j]!;
    const z = zeros[j]!;
    let next = w[d]!;
    let total = 0;
    for (let i = d - 1; i >= 0; i--) {
      if (o !== 0) {
        const tmp = (next * (d + 1)) / ((i + 1) * o);
        total += tmp;
        next = w[i]! - (tmp * z * (d - i)) / (d + 1);
      } else if (z !== 0) {
        total += w[i]! / z / ((d - i) / (d + 1));
      }
    }
    out.push(total);
  }
  return out;
}
