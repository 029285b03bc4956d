/**
 * Reads what an assessment needs to know of the past — history counters, the importer's
 * previous declarations, unit-value references, the partner's export data — as of the instant
 * of the assessment. The result is stored with the assessment: re-running it reads nothing.
 */
import type { Executor } from '../../infra/db/index.ts';
import { historyKeys, type AssessmentContext, type UnitValueReference } from './engine/context.ts';
import { toUsd, type DeclarationSnapshot } from './engine/declaration.ts';
import { declarationMatchKeys } from './engine/partner-input.ts';
import { robustStats } from './engine/robust.ts';
import type { RuleSet } from './engine/rule-set.ts';
import { unitMeasures } from './rules/unit-value.ts';
import { history } from './store/history.ts';
import { partnerExports } from './store/partner.ts';

/** Partner data older than this is not matched to a new declaration. */
export const PARTNER_MATCH_DAYS = 14;

/** The history context of a declaration at `at`, under the rule set in force. */
export async function readContext(x: Executor, d: DeclarationSnapshot, ruleSet: RuleSet, at: Date): Promise<AssessmentContext> {
  const cfg = ruleSet.config;
  const stats = await history.keyStats(x, historyKeys(d));
  const importer = await history.importer(x, d.importer.taxId, d.declarationId, at);
  const unitValues: UnitValueReference[] = [];
  for (let i = 0; i < d.goods.length; i++) {
    const g = d.goods[i]!;
    for (const m of unitMeasures(g)) {
      const q = { origin: g.originCountry, measure: m.measure, declarationId: d.declarationId, before: at, limit: cfg.unitValue.window };
      let level: 'hs8' | 'hs6' = 'hs8';
      let values = await history.unitValues(x, { ...q, level, code: g.hsCode });
      if (values.length < cfg.unitValue.minSample) {
        level = 'hs6';
        values = await history.unitValues(x, { ...q, level, code: g.hsCode.slice(0, 6) });
      }
      if (values.length === 0) continue;
      const s = robustStats(values);
      unitValues.push({ item: i, measure: m.measure, level, code: level === 'hs8' ? g.hsCode : g.hsCode.slice(0, 6), origin: g.originCountry, n: s.n, median: s.median, mad: s.mad });
    }
  }
  const since = new Date(at.getTime() - PARTNER_MATCH_DAYS * 86_400_000);
  const found = await partnerExports.find(x, declarationMatchKeys(d), since, at);
  const partner = found && { ...found, goods: found.goods.map((g) => ({ ...g, valueUsd: toUsd(g.value.amount, g.value.currency, cfg.currencyToUsd) })) };
  return { global: stats.global, keys: stats.keys, importer, unitValues, partner };
}
