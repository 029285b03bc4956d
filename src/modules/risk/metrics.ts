/**
 * Ranking metrics of the evaluation: precision and recall among the top p % of rows by score,
 * with k = floor(n · p) and ties in score broken by a seeded random order (so a block of equal
 * scores straddling the cut is sampled fairly, and the same seed gives the same figures), and
 * ROC AUC with ties counted as one half (Mann–Whitney U with mid-ranks).
 */
import { permutation, seededRng } from './rng.ts';

/** The percentages the CLI reports. */
export const TOP_PERCENTS = [1, 2, 5, 10] as const;

/** What `risk eval` prints. Keys of precisionAt/recallAt are the percentages as strings. */
export interface EvalMetrics {
  precisionAt: Record<string, number>;
  recallAt: Record<string, number>;
  auc: number;
  rows: number;
}

/**
 * Row indices from highest to lowest score; equal scores in the order of a seeded permutation.
 */
export function rankByScore(scores: ArrayLike<number>, seed: number): Uint32Array {
  const n = scores.length;
  const tie = new Uint32Array(n);
  const perm = permutation(n, seededRng(seed));
  for (let r = 0; r < n; r++) tie[perm[r]!] = r;
  const idx = Uint32Array.from({ length: n }, (_, i) => i);
  return idx.sort((a, b) => scores[b]! - scores[a]! || tie[a]! - tie[b]!);
}

/** Precision and recall of the top k = floor(n · percent / 100) rows of a ranking. */
export function precisionRecallAt(ranked: Uint32Array, labels: ArrayLike<number>, percent: number): { precision: number; recall: number; k: number } {
  const n = labels.length;
  const k = Math.floor((n * percent) / 100);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]! ? 1 : 0;
  let hits = 0;
  for (let r = 0; r < k; r++) hits += labels[ranked[r]!]! ? 1 : 0;
  return { precision: k > 0 ? hits / k : 0, recall: positives > 0 ? hits / positives : 0, k };
}

/** ROC AUC with mid-ranks for ties; 0.5 when one class is absent (no ranking to judge). */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const idx = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && scores[idx[j]!] === scores[idx[i]!]) j++;
    const midRank = (i + 1 + j) / 2; // ranks i+1 … j share their mean
    for (let t = i; t < j; t++) {
      if (labels[idx[t]!]) {
        positives++;
        rankSum += midRank;
      }
    }
    i = j;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** All the figures of `risk eval` for scores against 0/1 labels. */
export function evaluateRanking(scores: ArrayLike<number>, labels: ArrayLike<number>, seed = 0): EvalMetrics {
  if (scores.length !== labels.length) throw new Error(`${scores.length} scores for ${labels.length} labels`);
  const ranked = rankByScore(scores, seed);
  const precisionAt: Record<string, number> = {};
  const recallAt: Record<string, number> = {};
  for (const p of TOP_PERCENTS) {
    const r = precisionRecallAt(ranked, labels, p);
    precisionAt[String(p)] = r.precision;
    recallAt[String(p)] = r.recall;
  }
  return { precisionAt, recallAt, auc: rocAuc(scores, labels), rows: scores.length };
}
