/**
 * The risk model: everything needed to score a new declaration — the encoder state learned from
 * the labelled history (train + valid), the boosted trees, and the feature list they were built
 * on — plus the record of how it was trained.
 */
import type { GbdtParams } from './gbdt/train.ts';
import { compileEnsemble, type CompiledEnsemble, type Ensemble } from './gbdt/tree.ts';
import { createExplainer, type Explainer } from './gbdt/shap.ts';
import type { EncoderState } from './kcs/encoder.ts';

/** How a model was trained, kept in the file for the registry and for reproducing it. */
export interface TrainingRecord {
  seed: number;
  params: GbdtParams;
  /** Rows the trees were fitted on, and the date range. */
  fitRows: number;
  fitDates: [string, string];
  /** Rows used for early stopping, and whether they came from --valid or a time split of --train. */
  stoppingRows: number;
  stoppingDates: [string, string];
  stoppingSource: 'valid-file' | 'time-split';
  /** Rows in the encoder's history (all labelled rows given to `train`). */
  historyRows: number;
  trees: number;
  /** Log loss on the early-stopping rows at the kept round. */
  stoppingLogLoss: number;
  /** Split-gain importance, normalised to sum 1, largest first (top 20). */
  importance: Array<[string, number]>;
}

/** A loaded, validated risk model ready to score. */
export interface RiskModel {
  readonly format: 'kcs';
  readonly featureSet: string;
  readonly featureNames: readonly string[];
  /** HS code length the encoder keys were built with (6 or 10). */
  readonly hsDigits: 6 | 10;
  readonly encoder: EncoderState;
  readonly ensemble: Ensemble;
  readonly training: TrainingRecord;
  /** Leaf tables and bias for TreeSHAP, prepared once at load. */
  readonly explainer: Explainer;
  /** The trees flattened for fast scoring. */
  readonly predictor: CompiledEnsemble;
}

/** Assembles a model from its parts (and prepares its explainer and predictor). */
export function assembleModel(parts: Omit<RiskModel, 'explainer' | 'predictor'>): RiskModel {
  return { ...parts, explainer: createExplainer(parts.ensemble), predictor: compileEnsemble(parts.ensemble) };
}
