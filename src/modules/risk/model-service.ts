import type { RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import { sha256Hex } from '../../infra/crypto/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { AppError } from '../../infra/errors/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import { parseDeclarationModel, serializeDeclarationModel } from './bf/model-file.ts';
import type { DeclarationModel } from './bf/model.ts';
import { trainDeclarationModel } from './bf/train.ts';
import type { ActiveModel } from './engine/assess.ts';
import { riskError } from './errors.ts';
import { assessments } from './store/assessments.ts';
import { models, type ModelEntry } from './store/models.ts';

// Another process may activate a model; this is how long we may keep scoring with the old one.
const ACTIVE_CHECK_MS = 5_000;

/**
 * The model registry: trained or imported models stored with their metrics; activating one is a
 * supervisor's audited action. A model is parsed and checked before it is stored and again before
 * it is activated or loaded: a broken one is refused and the active model stays as it was.
 */
export class ModelRegistry {
  #active: { checkedAt: number; model: ActiveModel | null } | null = null;
  readonly #parsed = new Map<string, ActiveModel>();

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly log: Logger,
  ) {}

  /** Every registered model, newest first (without the files). */
  list(): Promise<ModelEntry[]> {
    return models.list(this.db);
  }

  /** One registered model. */
  async get(id: string): Promise<ModelEntry> {
    const m = await models.byId(this.db, id);
    if (!m) throw riskError('RISK_MODEL_NOT_FOUND', `No risk model ${id}`);
    return m.entry;
  }

  /** The model file of a registered model. */
  async file(id: string): Promise<string> {
    const m = await models.byId(this.db, id);
    if (!m) throw riskError('RISK_MODEL_NOT_FOUND', `No risk model ${id}`);
    return m.body;
  }

  /** Registers a model file as a candidate; a file that does not load is refused and nothing is stored. */
  async register(ctx: RequestContext, text: string, opts: { note: string; source?: 'trained' | 'imported' }): Promise<ModelEntry> {
    const model = parseDeclarationModel(text, 'the model file');
    return this.uow.run(ctx, async (w) => {
      const e: ModelEntry = {
        id: this.ids.next('mdl'), version: await models.nextVersion(w.tx), format: model.format, featureSet: model.featureSet, source: opts.source ?? 'imported',
        status: 'candidate', createdAt: w.now.toISOString(), createdBy: { id: ctx.actor?.id ?? 'system', name: ctx.actor?.name ?? 'system' }, note: opts.note,
        metrics: { ...model.training.metrics, trainingRows: model.training.rows, trainingPositives: model.training.positives, trees: model.training.trees, from: model.training.from, to: model.training.to },
        sha256: sha256Hex(text), activatedAt: null, activatedBy: null,
      };
      await models.insert(w.tx, e, text);
      const details = { version: e.version, source: e.source, sha256: e.sha256, metrics: e.metrics };
      w.emit({ type: 'risk_model.registered', subject: e.id, data: details });
      w.audit({ action: 'risk.model.register', targetType: 'risk_model', targetId: e.id, details });
      return e;
    });
  }

  /** Trains a model on every stored inspection result and registers it as a candidate. */
  async train(ctx: RequestContext, opts: { seed: number; note: string }): Promise<ModelEntry> {
    const rows = await assessments.labelled(this.db);
    const model = trainDeclarationModel(rows, { seed: opts.seed });
    return this.register(ctx, serializeDeclarationModel(model), { note: opts.note, source: 'trained' });
  }

  /** Makes a model the active one (the previous one is retired); a model that does not load is refused. */
  async activate(ctx: RequestContext, id: string): Promise<ModelEntry> {
    const found = await models.byId(this.db, id);
    if (!found) throw riskError('RISK_MODEL_NOT_FOUND', `No risk model ${id}`);
    let model: DeclarationModel;
    try {
      model = parseDeclarationModel(found.body, `model ${id}`);
    } catch (err) {
      const reason = err instanceof AppError ? err.detail : String(err);
      // The refusal is on record too: someone tried to put a broken model in charge.
      await this.uow.run(ctx, async (w) => w.audit({ action: 'risk.model.activate', targetType: 'risk_model', targetId: id, outcome: 'failed', details: { reason } }));
      throw err;
    }
    const entry = await this.uow.run(ctx, async (w) => {
      const previous = await models.activeId(w.tx);
      await models.activate(w.tx, id, w.now, ctx.actor?.id ?? 'system');
      const details = { version: found.entry.version, previous, sha256: found.entry.sha256 };
      w.emit({ type: 'risk_model.activated', subject: id, data: details });
      w.audit({ action: 'risk.model.activate', targetType: 'risk_model', targetId: id, details });
      return (await models.byId(w.tx, id))!.entry;
    });
    const active = { id, version: entry.version, model };
    this.#parsed.set(id, active);
    this.#active = { checkedAt: this.clock.now().getTime(), model: active };
    return entry;
  }

  /** Retires the active model: the score comes from the rules alone until another is activated. */
  async deactivate(ctx: RequestContext, id: string): Promise<ModelEntry> {
    const found = await models.byId(this.db, id);
    if (!found) throw riskError('RISK_MODEL_NOT_FOUND', `No risk model ${id}`);
    if (found.entry.status !== 'active') return found.entry;
    const entry = await this.uow.run(ctx, async (w) => {
      await models.retire(w.tx, id);
      w.emit({ type: 'risk_model.deactivated', subject: id, data: { version: found.entry.version } });
      w.audit({ action: 'risk.model.deactivate', targetType: 'risk_model', targetId: id, details: { version: found.entry.version } });
      return (await models.byId(w.tx, id))!.entry;
    });
    this.#active = { checkedAt: this.clock.now().getTime(), model: null };
    return entry;
  }

  /**
   * The model assessments use now. The database's choice is re-read every few seconds; a stored
   * model that no longer loads (corrupted in place) is refused with an error in the log, and the
   * model already in use stays in use.
   */
  async active(): Promise<ActiveModel | null> {
    const now = this.clock.now().getTime();
    const cached = this.#active;
    if (cached && now - cached.checkedAt < ACTIVE_CHECK_MS && now >= cached.checkedAt) return cached.model;
    const id = await models.activeId(this.db);
    let model: ActiveModel | null = null;
    if (id !== null) {
      try {
        model = await this.byId(id);
      } catch (err) {
        this.log.error({ err, modelId: id }, 'the active risk model does not load; keeping the model in use');
        model = cached?.model ?? null;
      }
    }
    this.#active = { checkedAt: now, model };
    return model;
  }

  /** A registered model, loaded (for re-running the assessments it made). */
  async byId(id: string): Promise<ActiveModel> {
    const hit = this.#parsed.get(id);
    if (hit) return hit;
    const found = await models.byId(this.db, id);
    if (!found) throw riskError('RISK_MODEL_NOT_FOUND', `No risk model ${id}`);
    const loaded = { id, version: found.entry.version, model: parseDeclarationModel(found.body, `model ${id}`) };
    this.#parsed.set(id, loaded);
    return loaded;
  }
}
