/**
 * Risk: the fraud model that ranks declarations for inspection, with explanations an officer can
 * read. This file is the module's only entry point.
 *
 * Scoring is pure: `featuresOf(model, declaration)` encodes a declaration against the model's
 * frozen history, and `score(model, features)` returns the probability, the margin and the
 * TreeSHAP contribution of every feature (bias + Σ contributions = margin).
 */
export { riskError } from './errors.ts';
export type { KcsDeclaration } from './kcs/declaration.ts';
export { FEATURE_NAMES, FEATURE_DESCRIPTIONS, FEATURE_SET } from './kcs/features.ts';
export type { RiskModel, TrainingRecord } from './model.ts';
export { parseModel, serializeModel, MODEL_FORMAT_VERSION } from './model-file.ts';
export { score, marginOf, featuresOf, topContributions, type RiskScore, type Contribution } from './score.ts';
export { trainKcsModel, type KcsTrainOptions } from './train-kcs.ts';
export { evaluateRanking, TOP_PERCENTS, type EvalMetrics } from './metrics.ts';
export { runRiskCommand, RISK_USAGE, evaluateModel, loadModelFile, readKcsFile, type RiskCliIo } from './cli.ts';
