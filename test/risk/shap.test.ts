import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrixFromRows, rowOf } from '../../src/modules/risk/gbdt/matrix.ts';
import { createExplainer, shapValues, shapValuesRecursive } from '../../src/modules/risk/gbdt/shap.ts';
import { trainGbdt } from '../../src/modules/risk/gbdt/train.ts';
import { predictMargin, type Ensemble, type Tree } from '../../src/modules/risk/gbdt/tree.ts';
import { seededRng } from '../../src/modules/risk/rng.ts';

function tree(t: { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[]; cover: number[] }): Tree {
  return {
    feature: Int32Array.from(t.feature), threshold: Float32Array.from(t.threshold), left: Int32Array.from(t.left),
    right: Int32Array.from(t.right), value: Float64Array.from(t.value), cover: Float64Array.from(t.cover),
  };
}

function explain(e: Ensemble, x: number[]) {
  const ex = createExplainer(e);
  const phi = new Float64Array(e.featureCount);
  const bias = shapValues(ex, Float32Array.from(x), phi);
  return { bias, phi: [...phi] };
}

test('TreeSHAP of an AND of two features matches the hand-computed Shapley values', () => {
  // f = 4 when x0 > 0.5 and x1 > 0.5, else 0; covers split 50/50 at each node, so E[f] = 1.
  const e: Ensemble = {
    baseScore: 0, featureCount: 3,
    trees: [tree({ feature: [0, -1, 1, -1, -1], threshold: [0.5, 0, 0.5, 0, 0], left: [1, -1, 3, -1, -1], right: [2, -1, 4, -1, -1], value: [0, 0, 0, 0, 4], cover: [100, 50, 50, 25, 25] })],
  };
  const both = explain(e, [0.9, 0.9, 7]);
  assert.equal(both.bias, 1);
  assert.deepEqual(both.phi.map((v) => Number(v.toFixed(12))), [1.5, 1.5, 0]);
  // x0 follows, x1 does not: v(∅)=1, v({0})=2, v({1})=0, v({0,1})=0 → φ0 = 0.5, φ1 = −1.5.
  const one = explain(e, [0.9, 0.1, 7]);
  assert.deepEqual(one.phi.map((v) => Number(v.toFixed(12))), [0.5, -1.5, 0]);
  const stump: Ensemble = {
    baseScore: 0.25, featureCount: 1,
    trees: [tree({ feature: [0, -1, -1], threshold: [0.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, -1, 2], cover: [10, 4, 6] })],
  };
  const s = explain(stump, [0.2]);
  assert.ok(Math.abs(s.bias - (0.25 + 0.8)) < 1e-12);
  assert.ok(Math.abs(s.phi[0]! - -1.8) < 1e-12);
});

test('explanations sum to the margin, and the leaf tables equal the recursive TreeSHAP', () => {
  const rng = seededRng(5);
  const rows = Array.from({ length: 3000 }, () => Array.from({ length: 6 }, () => rng.next()));
  const y = rows.map((r) => (r[0]! + r[1]! * r[2]! + 0.3 * rng.next() > 0.9 ? 1 : 0));
  const x = matrixFromRows(rows);
  const fit = trainGbdt({ x, y }, null, { seed: 1, rounds: 40, maxLeaves: 16, maxDepth: 7, learningRate: 0.2 });
  const ex = createExplainer(fit.ensemble);
  assert.ok(ex.tables.leafCond.length > 0 && ex.deepTrees.length === 0);
  let worstSum = 0;
  let worstTable = 0;
  for (let i = 0; i < 300; i++) {
    const v = rowOf(x, i);
    const fast = new Float64Array(6);
    const slow = new Float64Array(6);
    const bias = shapValues(ex, v, fast);
    shapValuesRecursive(ex, v, slow);
    const margin = predictMargin(fit.ensemble, v);
    worstSum = Math.max(worstSum, Math.abs(bias + fast.reduce((a, b) => a + b, 0) - margin));
    for (let f = 0; f < 6; f++) worstTable = Math.max(worstTable, Math.abs(fast[f]! - slow[f]!));
  }
  assert.ok(worstSum < 1e-9, `bias + Σ contributions differs from the margin by ${worstSum}`);
  assert.ok(worstTable < 1e-9, `leaf tables differ from recursive TreeSHAP by ${worstTable}`);
});
