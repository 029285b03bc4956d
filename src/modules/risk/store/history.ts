import { sql, typed, type Executor } from '../../../infra/db/index.ts';
import type { KeyHistory } from '../engine/context.ts';
import { iso, type Tables } from './tables.ts';

/** What a recorded inspection result changed. */
export interface LabelRecorded {
  /** False when this version already had a result (a redelivered event). */
  fresh: boolean;
  /** The assessment the result belongs to, null when the version was assessed by something else. */
  assessmentId: string | null;
}

/** History reads for assessments, and the inspection results (labels) that feed them. */
export const history = {
  /** Counters of the given keys (absent ones were never seen) and the global counters. */
  async keyStats(x: Executor, keys: readonly string[]): Promise<{ global: KeyHistory; keys: Record<string, KeyHistory> }> {
    const rows = await typed<Tables>(x).selectFrom('risk.key_stats').selectAll().where('key', 'in', [...keys, 'global']).execute();
    const out: Record<string, KeyHistory> = {};
    let global: KeyHistory = { declarations: 0, inspections: 0, hits: 0 };
    for (const r of rows) {
      const h = { declarations: Number(r.declarations), inspections: Number(r.inspections), hits: Number(r.hits) };
      if (r.key === 'global') global = h;
      else out[r.key] = h;
    }
    return { global, keys: out };
  },
  /** Other declarations of an importer assessed before `before`, and the last time. */
  async importer(x: Executor, taxId: string, declarationId: string, before: Date): Promise<{ previousDeclarations: number; lastSeen: string | null }> {
    const r = await typed<Tables>(x).selectFrom('risk.assessments')
      .select((eb) => [eb.fn.count<string>('declaration_id').distinct().as('n'), eb.fn.max('assessed_at').as('last')])
      .where('importer_tax_id', '=', taxId).where('declaration_id', '<>', declarationId).where('assessed_at', '<=', before).executeTakeFirst();
    return { previousDeclarations: Number(r?.n ?? 0), lastSeen: r?.last ? iso(r.last as Date) : null };
  },
  /** The latest `limit` log10 unit values of a tariff line (or subheading) from an origin, per measure. */
  async unitValues(x: Executor, q: { level: 'hs8' | 'hs6'; code: string; origin: string; measure: string; declarationId: string; before: Date; limit: number }): Promise<number[]> {
    const rows = await typed<Tables>(x).selectFrom('risk.item_values').select('log_value')
      .where(q.level, '=', q.code).where('origin', '=', q.origin).where('measure', '=', q.measure).where('excluded', '=', false)
      .where('declaration_id', '<>', q.declarationId).where('assessed_at', '<=', q.before)
      .orderBy('assessed_at', 'desc').limit(q.limit).execute();
    return rows.map((r) => Number(r.log_value));
  },
  /**
   * Records an inspection result as the label of the declaration version's latest assessment,
   * counts it under that assessment's history keys, and leaves a discrepant declaration's unit
   * values out of later references.
   */
  async recordLabel(x: Executor, l: { declarationId: string; version: number; outcome: 'compliant' | 'discrepancy'; at: Date; eventId: string; assessment: { id: string; keys: string[] } | null }): Promise<LabelRecorded> {
    const db = typed<Tables>(x);
    const label = l.outcome === 'discrepancy' ? 1 : 0;
    const r = await db.insertInto('risk.labels').values({
      declaration_id: l.declarationId, declaration_version: l.version, outcome: l.outcome, label, inspected_at: l.at,
      assessment_id: l.assessment?.id ?? null, event_id: l.eventId,
    }).onConflict((oc) => oc.columns(['declaration_id', 'declaration_version']).doNothing()).executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return { fresh: false, assessmentId: l.assessment?.id ?? null };
    if (l.assessment) {
      const all = [...new Set([...l.assessment.keys, 'global'])].sort();
      await db.insertInto('risk.key_stats').values(all.map((key) => ({ key, declarations: 0, inspections: 1, hits: label })))
        .onConflict((oc) => oc.column('key').doUpdateSet({ inspections: sql<number>`key_stats.inspections + 1`, hits: sql<number>`key_stats.hits + ${label}` })).execute();
    }
    if (label === 1) await db.updateTable('risk.item_values').set({ excluded: true }).where('declaration_id', '=', l.declarationId).execute();
    return { fresh: true, assessmentId: l.assessment?.id ?? null };
  },
  /** How many inspection results are stored, and how many found a discrepancy. */
  async labelCounts(x: Executor): Promise<{ labels: number; discrepancies: number }> {
    const r = await typed<Tables>(x).selectFrom('risk.labels').select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string>('label').as('hits')]).executeTakeFirst();
    return { labels: Number(r?.n ?? 0), discrepancies: Number(r?.hits ?? 0) };
  },
};
