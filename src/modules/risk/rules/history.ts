/**
 * Party history: a first-time or dormant importer, and the compliance record of the importer and
 * of the declarant (customs broker) — their past inspection hit rate, shrunk towards the rate of
 * all inspections so that one unlucky inspection of a newcomer does not brand it:
 * rate = (hits + m · prior) / (inspections + m), prior = (all hits + 1) / (all inspections + 2).
 */
import type { AssessmentContext, KeyHistory } from '../engine/context.ts';
import { declarationKeys } from '../engine/context.ts';
import type { DeclarationSnapshot } from '../engine/declaration.ts';
import { fig, fmt, pct, reason, type RuleReason } from '../engine/reasons.ts';
import type { RuleConfig } from '../engine/rule-set.ts';

const DAY_MS = 86_400_000;

/** The shrunk hit rate of a key's inspections. */
export function shrunkRate(k: KeyHistory | undefined, global: KeyHistory, m: number): { rate: number; prior: number; n: number; hits: number } {
  const prior = (global.hits + 1) / (global.inspections + 2);
  const n = k?.inspections ?? 0;
  const hits = k?.hits ?? 0;
  return { rate: n + m > 0 ? (hits + m * prior) / (n + m) : prior, prior, n, hits };
}

/** First-time or dormant importer. */
export function newImporterReasons(d: DeclarationSnapshot, ctx: AssessmentContext, assessedAt: string, cfg: RuleConfig['newImporter']): RuleReason[] {
  const id = d.importer.taxId;
  if (ctx.importer.previousDeclarations === 0 || ctx.importer.lastSeen === null) {
    return [reason('newImporter', 'FIRST_TIME_IMPORTER', {
      vi: `Nhà nhập khẩu ${id} chưa từng có tờ khai nào trước đây`,
      en: `Importer ${id} has never declared before`,
      zh: `进口商 ${id} 此前从未申报`,
    }, { previousDeclarations: 0 }, cfg.firstTimeWeight, cfg.channel)];
  }
  const days = Math.floor((Date.parse(assessedAt) - Date.parse(ctx.importer.lastSeen)) / DAY_MS);
  if (days < cfg.dormantDays) return [];
  return [reason('newImporter', 'DORMANT_IMPORTER', {
    vi: `Nhà nhập khẩu ${id} không có tờ khai nào trong ${fmt(days, 0)} ngày (ngưỡng ${cfg.dormantDays} ngày)`,
    en: `Importer ${id} has not declared for ${fmt(days, 0)} days (dormant after ${cfg.dormantDays})`,
    zh: `进口商 ${id} 已 ${fmt(days, 0)} 天未申报（超过 ${cfg.dormantDays} 天视为休眠）`,
  }, { daysSinceLast: days, previousDeclarations: ctx.importer.previousDeclarations, dormantDays: cfg.dormantDays }, cfg.dormantWeight, cfg.channel)];
}

/** Poor compliance record of the importer or the declarant. */
export function complianceReasons(d: DeclarationSnapshot, ctx: AssessmentContext, cfg: RuleConfig['compliance']): RuleReason[] {
  const keys = declarationKeys(d);
  const parties = [
    { role: 'importer', key: keys.importer!, id: d.importer.taxId, vi: 'Nhà nhập khẩu', en: 'Importer', zh: '进口商' },
    { role: 'declarant', key: keys.declarant!, id: d.declarant.taxId, vi: 'Người khai hải quan', en: 'Declarant', zh: '申报人' },
  ].filter((p, i) => i === 0 || p.id !== d.importer.taxId);
  const out: RuleReason[] = [];
  for (const p of parties) {
    const s = shrunkRate(ctx.keys[p.key], ctx.global, cfg.shrinkage);
    // Worse than a fixed bar and worse than everyone else: when most inspections find something,
    // a high rate says little about this party.
    if (s.n < cfg.minInspections || s.rate < cfg.threshold || s.rate < cfg.minLift * s.prior) continue;
    out.push(reason('compliance', p.role === 'importer' ? 'IMPORTER_POOR_COMPLIANCE' : 'DECLARANT_POOR_COMPLIANCE', {
      vi: `${p.vi} ${p.id}: ${s.hits}/${s.n} lần kiểm tra trước phát hiện vi phạm; tỷ lệ đã hiệu chỉnh ${pct(s.rate)} (chung ${pct(s.prior)})`,
      en: `${p.en} ${p.id}: ${s.hits} of ${s.n} past inspections found a discrepancy; shrunk hit rate ${pct(s.rate)} (all inspections ${pct(s.prior)})`,
      zh: `${p.zh} ${p.id}：以往 ${s.n} 次查验中 ${s.hits} 次查获问题；修正查获率 ${pct(s.rate)}（总体 ${pct(s.prior)}）`,
    }, { inspections: s.n, hits: s.hits, rawRate: fig(s.hits / s.n), shrunkRate: fig(s.rate), prior: fig(s.prior), lift: fig(s.rate / s.prior), shrinkage: cfg.shrinkage }, s.rate, cfg.channel));
  }
  return out;
}
