/**
 * Training the declaration model from stored labelled history: each row is an assessment input
 * (declaration snapshot + the history read at the time) with the outcome of the inspection that
 * followed. Rows are taken in time order; the trees are fitted on the earlier 80 % and stop early
 * on the latest 20 % (a time split, never a random one), where the metrics are measured too.
 * Deterministic: the same rows and seed give the same model bytes.
 */
import { riskError } from '../errors.ts';
import { createMatrix, type FeatureMatrix } from '../gbdt/matrix.ts';
import { DEFAULT_GBDT_PARAMS, trainGbdt, type GbdtParams } from '../gbdt/train.ts';
import { compileEnsemble, compiledMargin, sigmoid } from '../gbdt/tree.ts';
import type { AssessmentInput } from '../engine/context.ts';
import { referenceOf } from '../engine/drift.ts';
import { evaluateRanking } from '../metrics.ts';
import { BF_FEATURE_NAMES, BF_FEATURE_SET, declarationFeatures } from './features.ts';
import { assembleDeclarationModel, type DeclarationModel } from './model.ts';

/** One labelled row: what the assessment saw and what the inspection found (1: discrepancy). */
export interface LabelledAssessment {
  input: AssessmentInput;
  label: 0 | 1;
}

/** Fewest labelled rows, and of each outcome, a model is trained from. */
export const MIN_TRAINING_ROWS = 40;
export const MIN_PER_CLASS = 5;

/** Settings for the small, young histories of a new border gate: shallow trees, small leaves. */
export const BF_GBDT_PARAMS: Partial<GbdtParams> = {
  rounds: 300, learningRate: 0.1, maxLeaves: 8, maxDepth: 4, minDataInLeaf: 5, rowSample: 0.9, colSample: 0.8, earlyStoppingRounds: 30,
};

/** Trains a declaration model. Throws RISK_NOT_ENOUGH_LABELS when the history is too thin. */
export function trainDeclarationModel(rows: readonly LabelledAssessment[], options: { seed: number; params?: Partial<GbdtParams> }): DeclarationModel {
  const positives = rows.filter((r) => r.label === 1).length;
  if (rows.length < MIN_TRAINING_ROWS || positives < MIN_PER_CLASS || rows.length - positives < MIN_PER_CLASS) {
    throw riskError('RISK_NOT_ENOUGH_LABELS', `training needs at least ${MIN_TRAINING_ROWS} inspection results with ${MIN_PER_CLASS} of each outcome; there are ${rows.length} (${positives} discrepancies)`);
  }
  const sorted = [...rows].sort((a, b) => cmp(a.input.assessedAt, b.input.assessedAt) || cmp(a.input.declarationId, b.input.declarationId) || a.input.version - b.input.version);
  const cut = Math.floor(sorted.length * 0.8);
  const fit = sorted.slice(0, cut);
  const stop = sorted.slice(cut);
  const params: GbdtParams = { ...DEFAULT_GBDT_PARAMS, ...BF_GBDT_PARAMS, ...options.params, seed: options.seed };
  const xFit = matrixOf(fit);
  const xStop = matrixOf(stop);
  const g = trainGbdt({ x: xFit, y: Uint8Array.from(fit, (r) => r.label) }, { x: xStop, y: Uint8Array.from(stop, (r) => r.label) }, params);
  const predictor = compileEnsemble(g.ensemble);
  const x = new Float32Array(BF_FEATURE_NAMES.length);
  const score = (r: LabelledAssessment) => sigmoid(compiledMargin(predictor, declarationFeatures(r.input, x)));
  const stopScores = stop.map(score);
  const ranking = evaluateRanking(stopScores, stop.map((r) => r.label), options.seed);
  const total = g.importance.reduce((a, b) => a + b, 0) || 1;
  return assembleDeclarationModel({
    format: 'borderflow', featureSet: BF_FEATURE_SET, featureNames: BF_FEATURE_NAMES, ensemble: g.ensemble, reference: referenceOf(sorted.map(score)),
    training: {
      seed: options.seed, params, rows: sorted.length, positives, fitRows: fit.length, stoppingRows: stop.length,
      from: sorted[0]!.input.assessedAt, to: sorted[sorted.length - 1]!.input.assessedAt, trees: g.ensemble.trees.length,
      metrics: {
        rows: stop.length, positives: stop.filter((r) => r.label === 1).length, auc: round(ranking.auc), logLoss: round(g.validLoss[g.bestRounds - 1] ?? NaN),
        precisionAt10: round(ranking.precisionAt['10']!), recallAt10: round(ranking.recallAt['10']!),
      },
      importance: Array.from(g.importance, (v, f): [string, number] => [BF_FEATURE_NAMES[f]!, round(v / total)]).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]).slice(0, 15),
    },
  });
}

function matrixOf(rows: readonly LabelledAssessment[]): FeatureMatrix {
  const m = createMatrix(rows.length, BF_FEATURE_NAMES.length);
  const v = new Float32Array(BF_FEATURE_NAMES.length);
  rows.forEach((r, i) => {
    declarationFeatures(r.input, v);
    for (let f = 0; f < v.length; f++) m.values[f * rows.length + i] = v[f]!;
  });
  return m;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : 0;
}
