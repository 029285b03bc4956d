/**
 * A regression tree of the ensemble in flat typed arrays (node 0 is the root), and prediction.
 * A row goes left when `x[feature] <= threshold`; NaN compares false and goes right, as it falls
 * in the last bin at training time.
 */

/** One fitted tree. Internal nodes have `feature >= 0`; leaves have `feature === -1`. */
export interface Tree {
  readonly feature: Int32Array;
  readonly threshold: Float32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Leaf outputs, shrinkage included (0 on internal nodes). */
  readonly value: Float64Array;
  /** Sum of the hessians of the training rows that reached the node: the weights TreeSHAP needs. */
  readonly cover: Float64Array;
}

/** A boosted ensemble on the logit scale: margin = baseScore + Σ tree outputs. */
export interface Ensemble {
  readonly baseScore: number;
  readonly featureCount: number;
  readonly trees: readonly Tree[];
}

/** The leaf a row falls in. Pass a Float32Array: thresholds are float32 values of training data. */
export function leafOf(tree: Tree, x: ArrayLike<number>): number {
  let node = 0;
  const { feature, threshold, left, right } = tree;
  for (;;) {
    const f = feature[node]!;
    if (f < 0) return node;
    node = x[f]! <= threshold[node]! ? left[node]! : right[node]!;
  }
}

/** The margin (log-odds) of one row. */
export function predictMargin(ensemble: Ensemble, x: ArrayLike<number>): number {
  let margin = ensemble.baseScore;
  for (const tree of ensemble.trees) margin += tree.value[leafOf(tree, x)]!;
  return margin;
}

/** The logistic function, written to stay finite for any finite margin. */
export function sigmoid(margin: number): number {
  return margin >= 0 ? 1 / (1 + Math.exp(-margin)) : Math.exp(margin) / (1 + Math.exp(margin));
}

/** Depth of a tree (a single leaf has depth 0). */
export function treeDepth(tree: Tree, node = 0): number {
  if (tree.feature[node]! < 0) return 0;
  return 1 + Math.max(treeDepth(tree, tree.left[node]!), treeDepth(tree, tree.right[node]!));
}

/**
 * All trees in one set of flat arrays, for fast prediction: node k of the whole ensemble has its
 * children at absolute indices, so one loop walks every tree without touching per-tree objects.
 */
export interface CompiledEnsemble {
  readonly baseScore: number;
  /** Absolute index of each tree's root. */
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

/** Flattens an ensemble for `compiledMargin`. */
export function compileEnsemble(e: Ensemble): CompiledEnsemble {
  const total = e.trees.reduce((n, t) => n + t.feature.length, 0);
  const c = {
    baseScore: e.baseScore, roots: new Int32Array(e.trees.length), feature: new Int32Array(total), threshold: new Float32Array(total),
    left: new Int32Array(total), right: new Int32Array(total), value: new Float64Array(total),
  };
  let off = 0;
  e.trees.forEach((t, i) => {
    c.roots[i] = off;
    c.feature.set(t.feature, off);
    c.threshold.set(t.threshold, off);
    c.value.set(t.value, off);
    for (let k = 0; k < t.feature.length; k++) {
      c.left[off + k] = t.left[k]! + off;
      c.right[off + k] = t.right[k]! + off;
    }
    off += t.feature.length;
  });
  return c;
}

/** The margin of one row on a compiled ensemble (same result as `predictMargin`). */
export function compiledMargin(c: CompiledEnsemble, x: ArrayLike<number>): number {
  const { roots, feature, threshold, left, right, value } = c;
  let margin = c.baseScore;
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t]!;
    let f = feature[node]!;
    while (f >= 0) {
      node = x[f]! <= threshold[node]! ? left[node]! : right[node]!;
      f = feature[node]!;
    }
    margin += value[node]!;
  }
  return margin;
}
