/**
 * The model for Borderflow declarations: boosted trees over the `bf-1` features, with the record
 * of how it was trained, its metrics, and the distribution of its scores on the training rows
 * (the reference of the weekly drift report). Scoring is pure: probability, margin and the exact
 * TreeSHAP contribution of every feature, read out as the features that moved the score most.
 */
import type { GbdtParams } from '../gbdt/train.ts';
import { createExplainer, shapValues, type Explainer } from '../gbdt/shap.ts';
import { compileEnsemble, compiledMargin, sigmoid, type CompiledEnsemble, type Ensemble } from '../gbdt/tree.ts';
import type { Messages } from '../engine/reasons.ts';
import { BF_FEATURE_DESCRIPTIONS } from './features.ts';

/** Metrics on the early-stopping rows (the latest labelled ones), kept with the model. */
export interface DeclarationModelMetrics {
  rows: number;
  positives: number;
  auc: number;
  logLoss: number;
  /** Precision among the top 10 % by score. */
  precisionAt10: number;
  recallAt10: number;
}

/** How a declaration model was trained. */
export interface DeclarationTrainingRecord {
  seed: number;
  params: GbdtParams;
  rows: number;
  positives: number;
  fitRows: number;
  stoppingRows: number;
  /** ISO instants of the first and last labelled assessment used. */
  from: string;
  to: string;
  trees: number;
  metrics: DeclarationModelMetrics;
  importance: Array<[string, number]>;
}

/** Score distribution of the training rows: bin edges (ascending, inner) and the share in each bin. */
export interface ScoreReference {
  edges: number[];
  shares: number[];
}

/** A loaded, validated declaration model. */
export interface DeclarationModel {
  readonly format: 'borderflow';
  readonly featureSet: string;
  readonly featureNames: readonly string[];
  readonly ensemble: Ensemble;
  readonly training: DeclarationTrainingRecord;
  readonly reference: ScoreReference;
  readonly explainer: Explainer;
  readonly predictor: CompiledEnsemble;
}

/** Assembles a model from its parts, preparing the explainer and predictor once. */
export function assembleDeclarationModel(parts: Omit<DeclarationModel, 'explainer' | 'predictor'>): DeclarationModel {
  return { ...parts, explainer: createExplainer(parts.ensemble), predictor: compileEnsemble(parts.ensemble) };
}

/** A feature that moved the score, as an officer reads it. */
export interface ModelContribution {
  feature: string;
  description: Messages;
  value: number;
  /** Change in log-odds; positive raises the risk. */
  contribution: number;
  direction: 'raises' | 'lowers';
}

/** The model's answer for one declaration. */
export interface ModelScore {
  probability: number;
  margin: number;
  bias: number;
  contributions: ModelContribution[];
}

// One SHAP buffer per model, reused: scoring allocates only its answer.
const buffers = new WeakMap<DeclarationModel, Float64Array>();

/** Scores a feature vector and names the `top` features that moved it most. */
export function scoreDeclaration(model: DeclarationModel, features: Float32Array, top = 5): ModelScore {
  let phi = buffers.get(model);
  if (!phi) buffers.set(model, (phi = new Float64Array(model.featureNames.length)));
  phi.fill(0);
  const bias = shapValues(model.explainer, features, phi);
  const margin = compiledMargin(model.predictor, features);
  // The `top` largest |φ| by insertion (ties: lower feature index first), without sorting all.
  const best: number[] = [];
  for (let f = 0; f < phi.length; f++) {
    const c = Math.abs(phi[f]!);
    if (c === 0 || (best.length === top && c <= Math.abs(phi[best[top - 1]!]!))) continue;
    let k = best.length < top ? best.length : top - 1;
    while (k > 0 && Math.abs(phi[best[k - 1]!]!) < c) k--;
    best.splice(k, 0, f);
    if (best.length > top) best.pop();
  }
  return {
    probability: sigmoid(margin),
    margin,
    bias,
    contributions: best.map((f) => ({
      feature: model.featureNames[f]!,
      description: BF_FEATURE_DESCRIPTIONS[f]!,
      value: Number(features[f]!.toPrecision(6)),
      contribution: Number(phi[f]!.toPrecision(6)),
      direction: phi[f]! > 0 ? 'raises' : 'lowers',
    })),
  };
}
