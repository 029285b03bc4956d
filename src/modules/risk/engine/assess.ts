/**
 * One assessment as a pure function of its stored input, the rule set, the model and the
 * calibration: the rule layer's reasons and score, the model's probability and TreeSHAP
 * explanation, their combination, and the channel. Nothing here reads a clock, a database or a
 * random source, which is what makes an assessment reproducible to the last bit.
 *
 * score = 1 − (1 − rule score) · (1 − model probability): either can raise it, neither can hide
 * what the other saw. With no active model the score is the rule score alone.
 */
import { declarationFeatures, BF_FEATURE_NAMES } from '../bf/features.ts';
import { scoreDeclaration, type DeclarationModel, type ModelContribution } from '../bf/model.ts';
import { evaluateRules } from '../rules/evaluate.ts';
import { channelFor, type Thresholds } from './calibrate.ts';
import type { AssessmentInput } from './context.ts';
import { drawFor } from './draw.ts';
import type { Channel, RuleReason } from './reasons.ts';
import type { RuleSet } from './rule-set.ts';

/** A registered model as the engine uses it. */
export interface ActiveModel {
  id: string;
  version: number;
  model: DeclarationModel;
}

/** Stored thresholds of a calibration. */
export interface CalibrationRef {
  id: string;
  thresholds: Thresholds;
}

/** What the engine assesses with. */
export interface EngineState {
  ruleSet: RuleSet;
  model: ActiveModel | null;
  calibration: CalibrationRef | null;
}

/** The outcome of an assessment, stored beside its input. */
export interface AssessmentResult {
  ruleSet: { id: string; version: number };
  model: { id: string; version: number } | null;
  calibration: { id: string } | null;
  ruleScore: number;
  modelScore: number | null;
  score: number;
  /** Seeded draw ordering equal scores at a threshold. */
  tie: number;
  thresholds: Thresholds;
  scoreChannel: Channel;
  forcedChannel: Channel | null;
  channel: Channel;
  reasons: RuleReason[];
  contributions: ModelContribution[];
}

/** Assesses one declaration version. */
export function assessInput(input: AssessmentInput, state: EngineState, scratch = new Float32Array(BF_FEATURE_NAMES.length)): AssessmentResult {
  const rules = evaluateRules(input, state.ruleSet.config);
  const scored = state.model ? scoreDeclaration(state.model.model, declarationFeatures(input, scratch)) : null;
  const modelScore = scored ? scored.probability : null;
  const score = 1 - (1 - rules.score) * (1 - (modelScore ?? 0));
  const tie = drawFor('tie', 0, input.declarationId, input.version);
  const t = state.ruleSet.config.thresholds;
  const thresholds = state.calibration?.thresholds ?? { yellow: { score: t.yellow, tie: 0 }, red: { score: t.red, tie: 0 } };
  const { byScore, channel } = channelFor(score, tie, rules.forced, thresholds);
  return {
    ruleSet: { id: state.ruleSet.id, version: state.ruleSet.version },
    model: state.model ? { id: state.model.id, version: state.model.version } : null,
    calibration: state.calibration ? { id: state.calibration.id } : null,
    ruleScore: rules.score,
    modelScore,
    score,
    tie,
    thresholds,
    scoreChannel: byScore,
    forcedChannel: rules.forced,
    channel,
    reasons: rules.reasons,
    contributions: scored?.contributions ?? [],
  };
}
