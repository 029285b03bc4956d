import { systemContext, type RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { platformError } from '../../infra/errors/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { changedSections, DEFAULT_RULE_CONFIG, mergeRuleConfig, ruleConfigProblems, ruleSetInForce, type RuleConfigPatch, type RuleSet } from './engine/rule-set.ts';
import { riskError } from './errors.ts';
import { ruleSets } from './store/rule-sets.ts';

class AlreadySeeded extends Error {}

// Another process may publish a version; this is how long we may serve the old list.
const CACHE_MS = 5_000;
// A version may be published to start this far in the past: clocks of two machines disagree a little.
const BACKDATE_TOLERANCE_MS = 60_000;

/** What a supervisor publishes: the sections that change, from when, and why. */
export interface RuleSetChange {
  rules: RuleConfigPatch;
  /** ISO instant; defaults to now. Not in the past: assessments already made keep their version. */
  effectiveFrom?: string;
  note: string;
}

/** The rule set's versions: publishing (audited) and "which version is in force now". */
export class RuleSetService {
  #cache: { at: number; sets: RuleSet[] } | null = null;
  #seeding: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Publishes the next version: the current latest version with the change laid over it. */
  async publish(ctx: RequestContext, change: RuleSetChange): Promise<RuleSet> {
    await this.#ensureSeeded();
    const now = this.clock.now();
    const from = change.effectiveFrom === undefined ? now : new Date(change.effectiveFrom);
    if (Number.isNaN(from.getTime())) throw invalid('/effectiveFrom', 'is not an ISO 8601 instant');
    if (from.getTime() < now.getTime() - BACKDATE_TOLERANCE_MS) throw invalid('/effectiveFrom', 'is in the past: a rule set takes effect from now or later');
    const set = await this.uow.run(ctx, async (w) => {
      const all = await ruleSets.all(w.tx);
      const latest = all[0] ?? null;
      const config = mergeRuleConfig(latest?.config ?? DEFAULT_RULE_CONFIG, change.rules);
      const problems = ruleConfigProblems(config);
      if (problems.length) throw platformError('VALIDATION_FAILED', `The rule set has ${problems.length} problem(s)`, problems);
      const s: RuleSet = {
        id: this.ids.next('rls'), version: (latest?.version ?? 0) + 1, effectiveFrom: from.toISOString(), publishedAt: w.now.toISOString(),
        publishedBy: { id: ctx.actor?.id ?? 'system', name: ctx.actor?.name ?? 'system' }, note: change.note.trim(), config,
      };
      if (!(await ruleSets.insert(w.tx, s))) throw platformError('CONFLICT', 'Another rule-set version was published at the same moment; reload and publish again');
      const details = { version: s.version, effectiveFrom: s.effectiveFrom, note: s.note, changed: changedSections(latest?.config ?? null, config), previousVersion: latest?.version ?? null };
      w.emit({ type: 'risk_rule_set.published', subject: s.id, data: details });
      w.audit({ action: 'risk.rule_set.publish', targetType: 'risk_rule_set', targetId: s.id, details });
      return s;
    });
    this.#cache = null;
    return set;
  }

  /** Every version, newest first. */
  async list(): Promise<RuleSet[]> {
    return (await this.#sets()).slice();
  }

  /** One version. */
  async byVersion(version: number): Promise<RuleSet> {
    const s = await ruleSets.byVersion(this.db, version);
    if (!s) throw riskError('RISK_RULE_SET_NOT_FOUND', `No rule-set version ${version}`);
    return s;
  }

  /** A version by id (for re-running a stored assessment). */
  async byId(id: string): Promise<RuleSet> {
    const s = (await this.#sets()).find((x) => x.id === id) ?? (await ruleSets.byId(this.db, id));
    if (!s) throw riskError('RISK_RULE_SET_NOT_FOUND', `No rule set ${id}`);
    return s;
  }

  /** The version in force at an instant (version 0, the defaults, is seeded on first use). */
  async inForce(at: Date = this.clock.now()): Promise<RuleSet> {
    const s = ruleSetInForce(await this.#sets(), at);
    if (!s) throw riskError('RISK_RULE_SET_NOT_FOUND', `No rule set is in force at ${at.toISOString()}`);
    return s;
  }

  async #sets(): Promise<RuleSet[]> {
    const now = this.clock.now().getTime();
    if (this.#cache && now - this.#cache.at < CACHE_MS && now >= this.#cache.at) return this.#cache.sets;
    await this.#ensureSeeded();
    const sets = await ruleSets.all(this.db);
    this.#cache = { at: now, sets };
    return sets;
  }

  /** Stores version 0 (the documented defaults) once, so every assessment names a stored version. */
  async #ensureSeeded(): Promise<void> {
    this.#seeding ??= (async () => {
      if ((await ruleSets.latestVersion(this.db)) !== null) return;
      await this.uow.run(systemContext(), async (w) => {
        // Another process may seed at the same moment: the version number decides, once.
        const s: RuleSet = {
          id: this.ids.next('rls'), version: 0, effectiveFrom: new Date(0).toISOString(), publishedAt: w.now.toISOString(),
          publishedBy: { id: 'system', name: 'system' }, note: 'built-in defaults', config: DEFAULT_RULE_CONFIG,
        };
        if (!(await ruleSets.insert(w.tx, s))) throw new AlreadySeeded();
        w.audit({ action: 'risk.rule_set.seed', targetType: 'risk_rule_set', targetId: s.id, details: { version: 0 } });
      }).catch((err: unknown) => {
        if (!(err instanceof AlreadySeeded)) throw err;
      });
    })().catch((err: unknown) => {
      this.#seeding = null;
      throw err;
    });
    return this.#seeding;
  }
}

function invalid(pointer: string, message: string) {
  return platformError('VALIDATION_FAILED', `effectiveFrom ${message}`, [{ pointer, code: 'INVALID_VALUE', message }]);
}
