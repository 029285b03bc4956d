/**
 * Scoring: a pure function of the model and a feature vector, so the customs `Assessor` port can
 * call it directly. The margin is the log-odds of fraud; contributions are exact TreeSHAP values,
 * one per feature, with bias + Σ contributions = margin.
 */
import { compiledMargin, sigmoid } from './gbdt/tree.ts';
import { shapValues } from './gbdt/shap.ts';
import type { KcsDeclaration } from './kcs/declaration.ts';
import { encode } from './kcs/encoder.ts';
import { FEATURE_DESCRIPTIONS } from './kcs/features.ts';
import type { RiskModel } from './model.ts';

/** The score of one declaration and why. */
export interface RiskScore {
  /** Probability of fraud, in [0, 1]. */
  score: number;
  /** Log-odds: bias + Σ contributions. */
  margin: number;
  /** Expected margin over the training data (the TreeSHAP base value). */
  bias: number;
  /** TreeSHAP value per feature, in `model.featureNames` order. */
  contributions: Float64Array;
}

/** The feature vector of a declaration against the model's frozen history. */
export function featuresOf(model: RiskModel, d: KcsDeclaration): Float32Array {
  const hsCode = model.hsDigits === 6 && d.hsCode.length > 6 ? d.hsCode.slice(0, 6) : d.hsCode;
  return encode(model.encoder, hsCode === d.hsCode ? d : { ...d, hsCode });
}

/** Scores a feature vector and explains it. */
export function score(model: RiskModel, features: Float32Array): RiskScore {
  const contributions = new Float64Array(model.featureNames.length);
  const bias = shapValues(model.explainer, features, contributions);
  const margin = compiledMargin(model.predictor, features);
  return { score: sigmoid(margin), margin, bias, contributions };
}

/** The margin only: for ranking many rows fast. */
export function marginOf(model: RiskModel, features: Float32Array): number {
  return compiledMargin(model.predictor, features);
}

/** One reason an officer can read: what the feature is, its value, and how far it moved the score. */
export interface Contribution {
  feature: string;
  description: string;
  value: number;
  /** Change in log-odds; positive raises the risk. */
  contribution: number;
  direction: 'raises' | 'lowers';
}

/** The `n` features that moved this score most, largest effect first. */
export function topContributions(model: RiskModel, features: Float32Array, result: RiskScore, n = 5): Contribution[] {
  return Array.from(result.contributions, (c, f) => ({ c, f }))
    .filter((e) => e.c !== 0)
    .sort((a, b) => Math.abs(b.c) - Math.abs(a.c) || a.f - b.f)
    .slice(0, n)
    .map(({ c, f }) => ({
      feature: model.featureNames[f]!,
      description: FEATURE_DESCRIPTIONS[f] ?? model.featureNames[f]!,
      value: features[f]!,
      contribution: c,
      direction: c > 0 ? 'raises' : 'lowers',
    }));
}
