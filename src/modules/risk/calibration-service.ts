import type { RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { platformError } from '../../infra/errors/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { assessInput, type ActiveModel, type CalibrationRef } from './engine/assess.ts';
import { calibrateThresholds, type ChannelTargets } from './engine/calibrate.ts';
import { riskError } from './errors.ts';
import type { ModelRegistry } from './model-service.ts';
import type { RuleSetService } from './rule-set-service.ts';
import { assessments } from './store/assessments.ts';
import { calibrations, type Calibration } from './store/calibrations.ts';

/** Fewest assessments a calibration is made from. */
export const MIN_CALIBRATION_ROWS = 100;
/** Most (the newest in the window): enough for shares to 0.01 pp, bounded in memory and time. */
export const MAX_CALIBRATION_ROWS = 20_000;
const CACHE_MS = 5_000;
const DAY_MS = 86_400_000;

/** What a supervisor asks for: target shares per channel over a window of recent history. */
export interface CalibrationRequest {
  targets: ChannelTargets;
  /** Days of history before now (default 90). */
  days?: number;
}

/**
 * Threshold calibration: re-scores the recent assessments under the rule set in force and the
 * active model (from their stored inputs, so nothing is re-read), then places the thresholds so
 * the channel shares hit the targets. The newest calibration for the active model is used; with
 * none, the rule set's own thresholds are.
 */
export class CalibrationService {
  #cache: { at: number; modelId: string | null; calibration: Calibration | null } | null = null;

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly ruleSets: RuleSetService,
    private readonly registry: ModelRegistry,
  ) {}

  /** Calibrates and stores the thresholds (audited); they apply from the next assessment. */
  async calibrate(ctx: RequestContext, req: CalibrationRequest): Promise<Calibration> {
    const { red, yellow } = req.targets;
    if (!(red >= 0 && yellow >= 0 && red + yellow <= 1)) {
      throw platformError('VALIDATION_FAILED', 'The targets are not shares that fit in one', [{ pointer: '/targets', code: 'INVALID_VALUE', message: 'red and yellow must be ≥ 0 and add up to at most 1' }]);
    }
    const now = this.clock.now();
    const from = new Date(now.getTime() - (req.days ?? 90) * DAY_MS);
    const inputs = await assessments.inputsBetween(this.db, from, now, MAX_CALIBRATION_ROWS);
    if (inputs.length < MIN_CALIBRATION_ROWS) {
      throw riskError('RISK_NOT_ENOUGH_HISTORY', `calibration needs at least ${MIN_CALIBRATION_ROWS} assessments in the window; there are ${inputs.length} since ${from.toISOString()}`);
    }
    const ruleSet = await this.ruleSets.inForce(now);
    const model = await this.registry.active();
    const state = { ruleSet, model, calibration: null };
    const items = inputs.map((input) => {
      const r = assessInput(input, state);
      return { score: r.score, tie: r.tie, forced: r.forcedChannel };
    });
    const result = calibrateThresholds(items, req.targets);
    const c = await this.uow.run(ctx, async (w) => {
      const cal: Calibration = {
        id: this.ids.next('cal'), createdAt: w.now.toISOString(), createdBy: { id: ctx.actor?.id ?? 'system', name: ctx.actor?.name ?? 'system' },
        ruleSetId: ruleSet.id, modelId: model?.id ?? null, targets: req.targets, thresholds: result.thresholds, achieved: result.achieved,
        rows: items.length, from: from.toISOString(), to: now.toISOString(), notes: result.notes,
      };
      await calibrations.insert(w.tx, cal);
      const details = { ruleSetVersion: ruleSet.version, modelVersion: model?.version ?? null, targets: cal.targets, thresholds: cal.thresholds, achieved: cal.achieved, rows: cal.rows };
      w.emit({ type: 'risk_calibration.created', subject: cal.id, data: details });
      w.audit({ action: 'risk.calibrate', targetType: 'risk_calibration', targetId: cal.id, details });
      return cal;
    });
    this.#cache = null;
    return c;
  }

  /** The calibration in use for a model (null: rules only), or null when there is none. */
  async inUse(model: ActiveModel | null): Promise<CalibrationRef | null> {
    const modelId = model?.id ?? null;
    const now = this.clock.now().getTime();
    const c = this.#cache;
    if (c && c.modelId === modelId && now - c.at < CACHE_MS && now >= c.at) return c.calibration;
    const calibration = await calibrations.latestFor(this.db, modelId);
    this.#cache = { at: now, modelId, calibration };
    return calibration;
  }

  /** A stored calibration (for re-running the assessments that used it). */
  async byId(id: string): Promise<Calibration> {
    const c = await calibrations.byId(this.db, id);
    if (!c) throw platformError('NOT_FOUND', `No calibration ${id}`);
    return c;
  }
}
