/**
 * Risk: picks the declarations to inspect and says why. This file is the module's only entry point.
 *
 * - The rule layer (watchlists, unit-value anomaly, mass/quantity consistency, new or dormant
 *   importer, compliance history, partner-data mismatch, random control) in versioned rule sets
 *   a supervisor publishes; every rule answers reasons in vi/en/zh with their numbers.
 * - A gradient-boosted model of Borderflow declarations trained from stored inspection results,
 *   with TreeSHAP explanations; registry, audited activation, drift. Without an active model the
 *   score comes from the rules alone.
 * - Channel thresholds calibrated to target inspection rates; every assessment stored with its
 *   input and the versions it used, so that it can be re-run exactly.
 * - The KCS model and the `risk train` / `risk eval` commands of the independent evaluation.
 *
 * Customs gets the engine through its `Assessor` port (`assessor` below); inspection results come
 * back as `declaration.*` events (`consumer`); the exchange module stores the partner's export data
 * with `storePartnerExport`.
 */
import type { RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { Consumer, UnitOfWork } from '../../infra/events/index.ts';
import type { HttpApp } from '../../infra/http/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import type { Assessor } from '../customs/index.ts';
import { RiskEngine } from './assessment-service.ts';
import { CalibrationService } from './calibration-service.ts';
import { riskAssessor } from './customs-assessor.ts';
import type { PartnerExport } from './engine/context.ts';
import type { PartnerExportInput } from './engine/partner-input.ts';
import { feedbackConsumer } from './feedback.ts';
import { ModelRegistry } from './model-service.ts';
import { PartnerDataService } from './partner-service.ts';
import { assessmentRoutes } from './routes/assessments.ts';
import type { RiskServices } from './routes/context.ts';
import { modelRoutes } from './routes/models.ts';
import { ruleSetRoutes } from './routes/rule-sets.ts';
import { RuleSetService } from './rule-set-service.ts';

export { riskError } from './errors.ts';
export type { KcsDeclaration } from './kcs/declaration.ts';
export { FEATURE_NAMES, FEATURE_DESCRIPTIONS, FEATURE_SET } from './kcs/features.ts';
export type { RiskModel, TrainingRecord } from './model.ts';
export { parseModel, serializeModel, MODEL_FORMAT_VERSION } from './model-file.ts';
export { score, marginOf, featuresOf, topContributions, type RiskScore, type Contribution } from './score.ts';
export { trainKcsModel, type KcsTrainOptions } from './train-kcs.ts';
export { evaluateRanking, TOP_PERCENTS, type EvalMetrics } from './metrics.ts';
export { runRiskCommand, RISK_USAGE, evaluateModel, loadModelFile, readKcsFile, type RiskCliIo } from './cli.ts';
export { riskMigrations } from './migrations/index.ts';
export { assessInput, type AssessmentResult, type EngineState, type ActiveModel } from './engine/assess.ts';
export { calibrateThresholds, channelFor, type Thresholds, type ScoredItem } from './engine/calibrate.ts';
export { emptyContext, historyKeys, type AssessmentInput, type AssessmentContext, type KeyHistory, type PartnerExport } from './engine/context.ts';
export { snapshotOf, type DeclarationSnapshot } from './engine/declaration.ts';
export { psi, weeklyDrift } from './engine/drift.ts';
export type { PartnerExportInput } from './engine/partner-input.ts';
export type { Channel, Messages, RuleReason } from './engine/reasons.ts';
export { DEFAULT_RULE_CONFIG, mergeRuleConfig, type RuleConfig, type RuleConfigPatch, type RuleSet } from './engine/rule-set.ts';
export { evaluateRules } from './rules/evaluate.ts';
export { BF_FEATURE_NAMES, BF_FEATURE_SET, declarationFeatures } from './bf/features.ts';
export { scoreDeclaration, type DeclarationModel } from './bf/model.ts';
export { parseDeclarationModel, serializeDeclarationModel } from './bf/model-file.ts';
export { trainDeclarationModel, type LabelledAssessment } from './bf/train.ts';
export { toCustomsAssessment, ASSESSOR_NAME } from './customs-assessor.ts';
export { RISK_FEEDBACK_CONSUMER } from './feedback.ts';
export type { StoredAssessment } from './store/assessments.ts';
export type { RiskServices } from './routes/context.ts';

/** What the risk module needs from the composition root. */
export interface RiskDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
}

/** The risk module, wired. */
export interface RiskModule {
  services: RiskServices;
  /** The engine as the customs `Assessor`: plug it with `customs.plugAssessor`. */
  assessor: Assessor;
  /** Consumes `declaration.assessed` and `declaration.inspected`; subscribe it before the bus starts. */
  consumer: Consumer;
  /** Mounts /api/risk/…. */
  register(app: HttpApp): Promise<void>;
  /** Stores the partner side's export data for a consignment (for the exchange module). */
  storePartnerExport(ctx: RequestContext, input: PartnerExportInput): Promise<PartnerExport>;
}

/** Builds the risk module. */
export function createRiskModule(deps: RiskDeps): RiskModule {
  const ruleSets = new RuleSetService(deps.db, deps.uow, deps.clock, deps.ids);
  const registry = new ModelRegistry(deps.db, deps.uow, deps.clock, deps.ids, deps.log);
  const calibrations = new CalibrationService(deps.db, deps.uow, deps.clock, deps.ids, ruleSets, registry);
  const engine = new RiskEngine(deps.db, deps.uow, deps.clock, deps.ids, ruleSets, registry, calibrations);
  const partner = new PartnerDataService(deps.db, deps.uow, deps.clock);
  const services: RiskServices = { ruleSets, registry, calibrations, engine, partner };
  return {
    services,
    assessor: riskAssessor(engine),
    consumer: feedbackConsumer(),
    async register(app) {
      await app.register(ruleSetRoutes(services), { prefix: '/api/risk/rule-sets' });
      await app.register(modelRoutes(services), { prefix: '/api/risk' });
      await app.register(assessmentRoutes(services), { prefix: '/api/risk' });
    },
    storePartnerExport: (ctx, input) => partner.store(ctx, input),
  };
}
