import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateRanking, precisionRecallAt, rankByScore, rocAuc } from '../../src/modules/risk/metrics.ts';

// Ten rows, five frauds. Scores tie at 0.8 (three rows: two frauds) and at 0.3 and 0.1.
const scores = [0.9, 0.8, 0.8, 0.8, 0.5, 0.3, 0.3, 0.2, 0.1, 0.1];
const labels = [1, 1, 0, 1, 0, 1, 0, 0, 0, 1];

test('precision and recall at k: k = floor(n·p), whole tie blocks inside k count exactly', () => {
  const ranked = rankByScore(scores, 0);
  // top 40 % → k = 4: 0.9 and all three 0.8 rows → 3 frauds of 4; recall 3 of 5.
  assert.deepEqual(precisionRecallAt(ranked, labels, 40), { precision: 3 / 4, recall: 3 / 5, k: 4 });
  // top 15 % → k = floor(1.5) = 1: the 0.9 row.
  assert.deepEqual(precisionRecallAt(ranked, labels, 15), { precision: 1, recall: 1 / 5, k: 1 });
  // top 5 % of 10 rows → k = 0: precision is reported as 0, not NaN.
  assert.deepEqual(precisionRecallAt(ranked, labels, 5), { precision: 0, recall: 0, k: 0 });
});

test('a tie block straddling k is cut in a seeded order: reproducible, and fair across seeds', () => {
  // top 30 % → k = 3: the 0.9 row plus two of the three 0.8 rows (two of which are frauds).
  const at = (seed: number) => precisionRecallAt(rankByScore(scores, seed), labels, 30).precision;
  assert.equal(at(42), at(42));
  const seen = new Set<number>();
  let sum = 0;
  for (let seed = 0; seed < 300; seed++) {
    const p = at(seed);
    assert.ok(p === 1 || Math.abs(p - 2 / 3) < 1e-12, `precision ${p}`);
    seen.add(p);
    sum += p;
  }
  assert.equal(seen.size, 2, 'both outcomes occur');
  // Expected: (1 + 2 · 2/3) / 3 = 7/9.
  assert.ok(Math.abs(sum / 300 - 7 / 9) < 0.04, `mean ${sum / 300}`);
});

test('ROC AUC counts ties as one half', () => {
  // Pairs (fraud, clean): (0.8,0.8) ½, (0.8,0.5) 1, (0.8,0.2) 1, (0.5,0.8) 0, (0.5,0.5) ½, (0.5,0.2) 1 → 4/6.
  assert.equal(rocAuc([0.8, 0.8, 0.5, 0.5, 0.2], [1, 0, 1, 0, 0]), 4 / 6);
  assert.equal(rocAuc([1, 2, 3], [0, 1, 1]), 1);
  assert.equal(rocAuc([3, 2, 1], [0, 1, 1]), 0);
  assert.equal(rocAuc([1, 1, 1, 1], [0, 1, 0, 1]), 0.5);
});

test('evaluateRanking reports the shape `risk eval --json` prints', () => {
  const scores100 = Array.from({ length: 100 }, (_, i) => 100 - i);
  const labels100 = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : 0)); // 34 frauds, rows 0, 3, 6…
  const m = evaluateRanking(scores100, labels100, 0);
  assert.deepEqual(Object.keys(m), ['precisionAt', 'recallAt', 'auc', 'rows']);
  assert.deepEqual(Object.keys(m.precisionAt), ['1', '2', '5', '10']);
  assert.equal(m.precisionAt['1'], 1); // row 0
  assert.equal(m.precisionAt['2'], 1 / 2); // rows 0, 1
  assert.equal(m.precisionAt['5'], 2 / 5); // rows 0 and 3 of 0…4
  assert.equal(m.precisionAt['10'], 4 / 10); // rows 0, 3, 6, 9
  assert.equal(m.recallAt['10'], 4 / 34);
  assert.equal(m.rows, 100);
});
