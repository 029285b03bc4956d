import { typed, type Executor } from '../../../infra/db/index.ts';
import type { RuleConfig, RuleSet } from '../engine/rule-set.ts';
import { iso, json, type RuleSetRow, type Tables } from './tables.ts';

const toRuleSet = (r: RuleSetRow): RuleSet => ({
  id: r.id, version: r.version, effectiveFrom: iso(r.effective_from), publishedAt: iso(r.published_at),
  publishedBy: { id: r.published_by_id, name: r.published_by_name }, note: r.note, config: r.config as RuleConfig,
});

/** Rule-set versions: written once, never changed. */
export const ruleSets = {
  /** Inserts a version; false when the version number was taken meanwhile. */
  async insert(x: Executor, s: RuleSet): Promise<boolean> {
    const r = await typed<Tables>(x).insertInto('risk.rule_sets').values({
      id: s.id, version: s.version, effective_from: new Date(s.effectiveFrom), published_at: new Date(s.publishedAt),
      published_by_id: s.publishedBy.id, published_by_name: s.publishedBy.name, note: s.note, config: json(s.config),
    }).onConflict((oc) => oc.column('version').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  /** Every version, newest first. */
  async all(x: Executor): Promise<RuleSet[]> {
    return (await typed<Tables>(x).selectFrom('risk.rule_sets').selectAll().orderBy('version', 'desc').execute()).map(toRuleSet);
  },
  async byVersion(x: Executor, version: number): Promise<RuleSet | null> {
    const r = await typed<Tables>(x).selectFrom('risk.rule_sets').selectAll().where('version', '=', version).executeTakeFirst();
    return r ? toRuleSet(r) : null;
  },
  async byId(x: Executor, id: string): Promise<RuleSet | null> {
    const r = await typed<Tables>(x).selectFrom('risk.rule_sets').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toRuleSet(r) : null;
  },
  async latestVersion(x: Executor): Promise<number | null> {
    const r = await typed<Tables>(x).selectFrom('risk.rule_sets').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    return r?.v === null || r?.v === undefined ? null : Number(r.v);
  },
};
