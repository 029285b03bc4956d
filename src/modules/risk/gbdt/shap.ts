/**
 * Exact TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent Individualized Feature Attribution for
 * Tree Ensembles", Algorithm 2) with node covers as the background distribution. For every row,
 * bias + Σ contributions = margin exactly (up to float rounding): the bias is the cover-weighted
 * mean output of the ensemble, and each contribution is the Shapley value of one feature.
 * Cost per tree is O(leaves · depth²), with scratch arrays reused between calls.
 */
import { MAX_TABLE_DEPTH, addTableShap, buildLeafTables, uniqueDepth, type LeafTables } from './shap-table.ts';
import { treeDepth, type Ensemble, type Tree } from './tree.ts';

/** Precomputed per-ensemble state for explanations. */
export interface Explainer {
  readonly ensemble: Ensemble;
  /** baseScore + Σ trees' cover-weighted mean leaf value. */
  readonly bias: number;
  /** Path scratch, sized for the deepest tree: 4 doubles per element (feature, zero, one, weight). */
  readonly path: Float64Array;
  /** Precomputed leaf tables of the trees shallow enough for them (see shap-table.ts). */
  readonly tables: LeafTables;
  /** Trees explained by the recursive algorithm (too deep for tables). */
  readonly deepTrees: readonly Tree[];
}

/** Prepares an explainer (once per model). */
export function createExplainer(ensemble: Ensemble): Explainer {
  let bias = ensemble.baseScore;
  let maxDepth = 0;
  for (const tree of ensemble.trees) {
    bias += expectedValue(tree, 0);
    maxDepth = Math.max(maxDepth, treeDepth(tree));
  }
  const d = maxDepth + 2;
  const shallow = ensemble.trees.filter((t) => uniqueDepth(t) <= MAX_TABLE_DEPTH);
  const deepTrees = ensemble.trees.filter((t) => uniqueDepth(t) > MAX_TABLE_DEPTH);
  return { ensemble, bias, path: new Float64Array(((d * (d + 1)) / 2) * 4), tables: buildLeafTables(shallow), deepTrees };
}

/**
 * Adds the SHAP values of one row to `phi` (length = feature count; zero it first) and returns
 * the bias. Pass a Float32Array row, as for prediction.
 */
export function shapValues(ex: Explainer, x: ArrayLike<number>, phi: Float64Array): number {
  addTableShap(ex.tables, x, phi);
  for (const tree of ex.deepTrees) {
    if (tree.feature[0]! < 0) continue;
    recurse(ex.path, tree, x, phi, 0, 0, 0, 1, 1, -1);
  }
  return ex.bias;
}

/** The recursive TreeSHAP over every tree: the reference the leaf tables are checked against. */
export function shapValuesRecursive(ex: Explainer, x: ArrayLike<number>, phi: Float64Array): number {
  for (const tree of ex.ensemble.trees) {
    if (tree.feature[0]! < 0) continue; // a single leaf explains nothing: its value is in the bias
    recurse(ex.path, tree, x, phi, 0, 0, 0, 1, 1, -1);
  }
  return ex.bias;
}

function expectedValue(tree: Tree, node: number): number {
  if (tree.feature[node]! < 0) return tree.value[node]!;
  const c = tree.cover[node]!;
  if (!(c > 0)) return 0;
  const l = tree.left[node]!;
  const r = tree.right[node]!;
  return (tree.cover[l]! * expectedValue(tree, l) + tree.cover[r]! * expectedValue(tree, r)) / c;
}

// Path element e of the segment at `o` lives at P[(o + e) * 4 + {0: feature, 1: zero fraction,
// 2: one fraction, 3: permutation weight}]. A child's segment starts right after its parent's
// (o + depth + 1), so the parent's path is intact when the recursion returns to it.
const F = 0;
const Z = 1;
const O = 2;
const W = 3;

function recurse(
  P: Float64Array, tree: Tree, x: ArrayLike<number>, phi: Float64Array,
  node: number, parentOffset: number, depth: number, zeroFraction: number, oneFraction: number, featureIndex: number,
): void {
  const o = depth === 0 ? 0 : parentOffset + depth;
  for (let k = 0; k < depth * 4; k++) P[o * 4 + k] = P[parentOffset * 4 + k]!;
  extendPath(P, o, depth, zeroFraction, oneFraction, featureIndex);

  const split = tree.feature[node]!;
  if (split < 0) {
    const v = tree.value[node]!;
    for (let i = 1; i <= depth; i++) {
      const e = (o + i) * 4;
      phi[P[e + F]!]! += unwoundPathSum(P, o, depth, i) * (P[e + O]! - P[e + Z]!) * v;
    }
    return;
  }
  const goesLeft = x[split]! <= tree.threshold[node]!;
  const hot = goesLeft ? tree.left[node]! : tree.right[node]!;
  const cold = goesLeft ? tree.right[node]! : tree.left[node]!;
  const w = tree.cover[node]!;
  let incomingZero = 1;
  let incomingOne = 1;
  let d = depth;
  // A feature already on the path is split again: undo its earlier extension and carry its
  // fractions into this split, so each feature appears on the path once.
  let k = 1;
  while (k <= d && P[(o + k) * 4 + F] !== split) k++;
  if (k <= d) {
    incomingZero = P[(o + k) * 4 + Z]!;
    incomingOne = P[(o + k) * 4 + O]!;
    unwindPath(P, o, d, k);
    d -= 1;
  }
  recurse(P, tree, x, phi, hot, o, d + 1, (tree.cover[hot]! / w) * incomingZero, incomingOne, split);
  recurse(P, tree, x, phi, cold, o, d + 1, (tree.cover[cold]! / w) * incomingZero, 0, split);
}

function extendPath(P: Float64Array, o: number, depth: number, zero: number, one: number, feature: number): void {
  const e = (o + depth) * 4;
  P[e + F] = feature;
  P[e + Z] = zero;
  P[e + O] = one;
  P[e + W] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    const wi = P[(o + i) * 4 + W]!;
    P[(o + i + 1) * 4 + W]! += (one * wi * (i + 1)) / (depth + 1);
    P[(o + i) * 4 + W] = (zero * wi * (depth - i)) / (depth + 1);
  }
}

function unwindPath(P: Float64Array, o: number, depth: number, pathIndex: number): void {
  const one = P[(o + pathIndex) * 4 + O]!;
  const zero = P[(o + pathIndex) * 4 + Z]!;
  let next = P[(o + depth) * 4 + W]!;
  for (let i = depth - 1; i >= 0; i--) {
    const wi = (o + i) * 4 + W;
    if (one !== 0) {
      const tmp = P[wi]!;
      P[wi] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (P[wi]! * zero * (depth - i)) / (depth + 1);
    } else {
      P[wi] = (P[wi]! * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = pathIndex; i < depth; i++) {
    const a = (o + i) * 4;
    P[a + F] = P[a + 4 + F]!;
    P[a + Z] = P[a + 4 + Z]!;
    P[a + O] = P[a + 4 + O]!;
  }
}

function unwoundPathSum(P: Float64Array, o: number, depth: number, pathIndex: number): number {
  const one = P[(o + pathIndex) * 4 + O]!;
  const zero = P[(o + pathIndex) * 4 + Z]!;
  let next = P[(o + depth) * 4 + W]!;
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    const wi = P[(o + i) * 4 + W]!;
    if (one !== 0) {
      const tmp = (next * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      next = wi - (tmp * zero * (depth - i)) / (depth + 1);
    } else if (zero !== 0) {
      total += wi / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}
