import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binOf, binMatrix, quantileEdges } from '../../src/modules/risk/gbdt/binning.ts';
import { matrixFromRows, rowOf } from '../../src/modules/risk/gbdt/matrix.ts';
import { trainGbdt } from '../../src/modules/risk/gbdt/train.ts';
import { predictMargin, sigmoid } from '../../src/modules/risk/gbdt/tree.ts';
import { rocAuc } from '../../src/modules/risk/metrics.ts';
import { seededRng } from '../../src/modules/risk/rng.ts';

/** y = 1 with probability sigmoid(z): a threshold on x0, an interaction x1·x2, and noise x3. */
function known(n: number, seed: number) {
  const rng = seededRng(seed);
  const rows: number[][] = [];
  const y: number[] = [];
  const z: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = [rng.next(), rng.next(), rng.next(), rng.next()];
    const zi = (r[0]! > 0.6 ? 2.5 : -1.5) + (r[1]! > 0.5 && r[2]! > 0.5 ? 2 : 0);
    rows.push(r);
    z.push(zi);
    y.push(rng.next() < sigmoid(zi) ? 1 : 0);
  }
  return { x: matrixFromRows(rows), y, z };
}

test('quantile binning: at most maxBins bins, a heavy value gets its own bin, NaN falls in the last bin', () => {
  const col = Float32Array.from({ length: 1000 }, (_, i) => (i < 500 ? 0 : i));
  const edges = quantileEdges(col, 16);
  assert.ok(edges.length <= 15);
  assert.equal(edges[0], 0, 'the 500 zeros form the first bin');
  assert.equal(binOf(edges, 0), 0);
  assert.equal(binOf(edges, 1e9), edges.length);
  assert.equal(binOf(edges, NaN), edges.length);
  const few = quantileEdges(Float32Array.from([3, 1, 2, 3, 1]), 255);
  assert.deepEqual([...few], [1, 2], 'few distinct values: one bin per value');
  const m = binMatrix(matrixFromRows(Array.from({ length: 3000 }, (_, i) => [i * 0.37, i % 7])));
  assert.ok(m.edges[0]!.length <= 254 && m.edges[0]!.length >= 200);
  assert.equal(m.edges[1]!.length, 6);
});

test('GBDT learns a known function: held-out AUC near the Bayes AUC, the noise feature barely used', () => {
  const train = known(4000, 1);
  const valid = known(2000, 2);
  const fit = trainGbdt(train, valid, { seed: 7, learningRate: 0.1, maxLeaves: 8, maxDepth: 4, earlyStoppingRounds: 20 });
  const scores = Array.from({ length: valid.x.rows }, (_, i) => predictMargin(fit.ensemble, rowOf(valid.x, i)));
  const auc = rocAuc(scores, valid.y);
  const bayes = rocAuc(valid.z, valid.y);
  assert.ok(auc > bayes - 0.02, `AUC ${auc.toFixed(3)} should be close to the Bayes AUC ${bayes.toFixed(3)}`);
  assert.ok(fit.importance[3]! < 0.05 * fit.importance[0]!, 'the pure-noise feature carries little gain');
  assert.ok(fit.bestRounds < 1000 && fit.bestRounds === fit.ensemble.trees.length, 'early stopping kept the best prefix');
  const best = Math.min(...fit.validLoss);
  assert.equal(fit.validLoss[fit.bestRounds - 1], best);
});

test('GBDT is deterministic in its seed, and the seed matters when subsampling', () => {
  const data = known(1500, 3);
  const params = { seed: 11, rounds: 30, rowSample: 0.7, colSample: 0.75 };
  const a = trainGbdt(data, null, params);
  const b = trainGbdt(data, null, params);
  const c = trainGbdt(data, null, { ...params, seed: 12 });
  const dump = (f: typeof a) => JSON.stringify(f.ensemble.trees.map((t) => [[...t.feature], [...t.threshold], [...t.value]]));
  assert.equal(dump(a), dump(b));
  assert.notEqual(dump(a), dump(c));
});

test('GBDT refuses bad parameters with a message naming them', () => {
  const data = known(100, 4);
  assert.throws(() => trainGbdt(data, null, { learningRate: 0 }), /learningRate/);
  assert.throws(() => trainGbdt(data, null, { rowSample: 1.5 }), /rowSample/);
  assert.throws(() => trainGbdt({ x: data.x, y: [1, 0] }, null), /labels/);
});
