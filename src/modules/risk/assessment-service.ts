import { canonicalJson, sha256Hex } from '../../infra/crypto/index.ts';
import { systemActor, type RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Declaration } from '../customs/index.ts';
import type { CalibrationService } from './calibration-service.ts';
import { readContext } from './context-reader.ts';
import { assessInput, type AssessmentResult, type EngineState } from './engine/assess.ts';
import { historyKeys, type AssessmentInput } from './engine/context.ts';
import { snapshotOf } from './engine/declaration.ts';
import { weeklyDrift, type WeeklyDrift } from './engine/drift.ts';
import { riskError } from './errors.ts';
import type { ModelRegistry } from './model-service.ts';
import type { RuleSetService } from './rule-set-service.ts';
import { unitMeasures } from './rules/unit-value.ts';
import { assessments, type ItemValue, type StoredAssessment } from './store/assessments.ts';
import { history } from './store/history.ts';

/** The engine's context when it acts on its own (assessing for customs). */
export const ENGINE_CONTEXT: RequestContext = { actor: { ...systemActor, name: 'risk-engine' }, requestId: null, sourceIp: null };

/** A stored assessment re-run: did it come out the same? */
export interface Reproduction {
  assessmentId: string;
  matches: boolean;
  storedSha256: string;
  recomputedSha256: string;
  /** Top-level result fields that differ (empty when it matches). */
  differences: string[];
  stored: AssessmentResult;
  recomputed: AssessmentResult;
}

/**
 * Assessing declarations: read the history as of now, run the pure assessment, store input and
 * result together (audited) so that it can be re-run exactly later, and report score drift.
 */
export class RiskEngine {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly ruleSets: RuleSetService,
    private readonly registry: ModelRegistry,
    private readonly calibrations: CalibrationService,
  ) {}

  /** What assessments use now: the rule set in force, the active model and its calibration. */
  async state(at: Date = this.clock.now()): Promise<EngineState> {
    const ruleSet = await this.ruleSets.inForce(at);
    const model = await this.registry.active();
    return { ruleSet, model, calibration: await this.calibrations.inUse(model) };
  }

  /** Assesses a submitted declaration version and stores the assessment. */
  async assess(declaration: Readonly<Declaration>, ctx: RequestContext = ENGINE_CONTEXT): Promise<StoredAssessment> {
    const at = this.clock.now();
    const state = await this.state(at);
    const snapshot = snapshotOf(declaration, state.ruleSet.config.currencyToUsd);
    const context = await readContext(this.db, snapshot, state.ruleSet, at);
    const input: AssessmentInput = { declarationId: declaration.id, version: declaration.version, assessedAt: at.toISOString(), declaration: snapshot, context };
    const result = assessInput(input, state);
    const items: ItemValue[] = snapshot.goods.flatMap((g) => unitMeasures(g).map((m) => ({
      hs8: g.hsCode, hs6: g.hsCode.slice(0, 6), origin: g.originCountry, measure: m.measure, logValue: m.logValue,
    })));
    return this.uow.run(ctx, async (w) => {
      const stored: StoredAssessment = {
        id: this.ids.next('rsk'), declarationId: declaration.id, version: declaration.version, assessedAt: input.assessedAt,
        ruleSetId: state.ruleSet.id, modelId: state.model?.id ?? null, calibrationId: state.calibration?.id ?? null,
        score: result.score, channel: result.channel, input, result, resultSha256: sha256Hex(canonicalJson(result)), applied: false,
      };
      await assessments.insert(w.tx, stored, items, historyKeys(snapshot));
      const details = {
        declarationId: declaration.id, version: declaration.version, channel: result.channel, score: result.score,
        ruleSetVersion: result.ruleSet.version, modelVersion: result.model?.version ?? null, calibrationId: result.calibration?.id ?? null,
        reasons: result.reasons.map((r) => r.code), resultSha256: stored.resultSha256,
      };
      w.emit({ type: 'risk_assessment.recorded', subject: stored.id, data: details });
      w.audit({ action: 'risk.assess', targetType: 'risk_assessment', targetId: stored.id, details });
      return stored;
    });
  }

  /** One stored assessment. */
  async get(id: string): Promise<StoredAssessment> {
    const a = await assessments.byId(this.db, id);
    if (!a) throw riskError('RISK_ASSESSMENT_NOT_FOUND', `No risk assessment ${id}`);
    return a;
  }

  /** The assessments of a declaration, newest first. */
  ofDeclaration(declarationId: string): Promise<StoredAssessment[]> {
    return assessments.ofDeclaration(this.db, declarationId);
  }

  /** Re-runs a stored assessment from its stored input with the versions it named, and compares. */
  async reproduce(id: string): Promise<Reproduction> {
    const a = await this.get(id);
    const ruleSet = await this.ruleSets.byId(a.ruleSetId);
    const model = a.modelId ? await this.registry.byId(a.modelId) : null;
    const calibration = a.calibrationId ? await this.calibrations.byId(a.calibrationId) : null;
    const recomputed = assessInput(a.input, { ruleSet, model, calibration });
    const recomputedSha256 = sha256Hex(canonicalJson(recomputed));
    const storedHash = sha256Hex(canonicalJson(a.result));
    const differences: string[] = (Object.keys(recomputed) as Array<keyof AssessmentResult>).filter((k) => canonicalJson(recomputed[k]) !== canonicalJson(a.result[k]));
    // The stored result must also still be what was hashed when it was made.
    if (storedHash !== a.resultSha256) differences.push('storedResultHash');
    return { assessmentId: id, matches: differences.length === 0 && recomputedSha256 === a.resultSha256, storedSha256: a.resultSha256, recomputedSha256, differences, stored: a.result, recomputed };
  }

  /** How many inspection results are stored as labels, and how many found a discrepancy. */
  labelCounts(): Promise<{ labels: number; discrepancies: number }> {
    return history.labelCounts(this.db);
  }

  /** Weekly PSI of the scores of the active model (or of rules only) over the last `weeks` weeks. */
  async drift(weeks: number): Promise<{ modelId: string | null; reference: 'model' | 'first-week' | null; weeks: WeeklyDrift[] }> {
    const model = await this.registry.active();
    const since = new Date(this.clock.now().getTime() - weeks * 7 * 86_400_000);
    const rows = await assessments.scoresSince(this.db, since, model?.id ?? null);
    return { modelId: model?.id ?? null, ...weeklyDrift(rows, model?.model.reference ?? null) };
  }
}
