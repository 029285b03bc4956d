/**
 * Unit-value anomaly: a goods line declared at a value per kg (or per unit of its quantity) far
 * below what the same tariff line from the same origin usually declares. The reference is the
 * median and MAD of log10 USD unit values of earlier assessed declarations (those an inspection
 * found in discrepancy left out), taken from the 8-digit line, or from the 6-digit subheading when
 * the line has fewer than `minSample` values; with fewer still, the rule stays silent.
 */
import type { AssessmentContext } from '../engine/context.ts';
import type { DeclarationSnapshot, GoodsLine } from '../engine/declaration.ts';
import { fig, fmt, pct, reason, type RuleReason } from '../engine/reasons.ts';
import { robustZ } from '../engine/robust.ts';
import type { RuleConfig } from '../engine/rule-set.ts';

/** One measure of a goods line's unit value. */
export interface UnitMeasure {
  measure: string;
  /** log10 of USD per kg or per unit. */
  logValue: number;
}

/** The unit values of a line: per kg of net mass, and per unit of quantity when the unit is not KGM. */
export function unitMeasures(g: GoodsLine): UnitMeasure[] {
  if (g.valueUsd === null || g.valueUsd <= 0) return [];
  const out: UnitMeasure[] = [];
  if (g.netMassKg > 0) out.push({ measure: 'kg', logValue: Math.log10(g.valueUsd / g.netMassKg) });
  if (g.unit !== 'KGM' && g.unit !== '' && g.quantity > 0) out.push({ measure: g.unit, logValue: Math.log10(g.valueUsd / g.quantity) });
  return out;
}

/** Lines valued far below their reference. */
export function unitValueReasons(d: DeclarationSnapshot, ctx: AssessmentContext, cfg: RuleConfig['unitValue']): RuleReason[] {
  const out: RuleReason[] = [];
  d.goods.forEach((g, i) => {
    for (const m of unitMeasures(g)) {
      const ref = ctx.unitValues.find((r) => r.item === i && r.measure === m.measure);
      if (!ref || ref.n < cfg.minSample) continue;
      const z = robustZ(m.logValue, ref.median, ref.mad, cfg.madFloor);
      if (z > -cfg.zThreshold) continue;
      const declared = 10 ** m.logValue;
      const typical = 10 ** ref.median;
      const per = m.measure === 'kg' ? { vi: 'kg', en: 'kg', zh: '千克' } : { vi: m.measure, en: m.measure, zh: m.measure };
      out.push(reason('unitValue', 'UNIT_VALUE_LOW', {
        vi: `Dòng hàng ${i + 1} (${g.hsCode}, xuất xứ ${g.originCountry}) khai ${fmt(declared)} USD/${per.vi}, bằng ${pct(declared / typical)} mức trung vị ${fmt(typical)} USD/${per.vi} của ${ref.n} tờ khai trước (z = ${fmt(z, 1)})`,
        en: `Goods line ${i + 1} (${g.hsCode} from ${g.originCountry}) is declared at ${fmt(declared)} USD/${per.en}, ${pct(declared / typical)} of the median ${fmt(typical)} USD/${per.en} of ${ref.n} earlier declarations (robust z = ${fmt(z, 1)})`,
        zh: `第 ${i + 1} 项货物（${g.hsCode}，原产 ${g.originCountry}）申报 ${fmt(declared)} 美元/${per.zh}，为此前 ${ref.n} 份申报中位数 ${fmt(typical)} 美元/${per.zh} 的 ${pct(declared / typical)}（稳健 z = ${fmt(z, 1)}）`,
      }, {
        item: i + 1, measure: m.measure, declaredUsdPerMeasure: fig(declared), medianUsdPerMeasure: fig(typical), ratio: fig(declared / typical),
        robustZ: fig(z), sample: ref.n, level: ref.level,
      }, cfg.weight, cfg.channel));
    }
  });
  return out;
}

/** Lines whose currency has no reference rate: their value could not be compared. */
export function currencyReasons(d: DeclarationSnapshot): RuleReason[] {
  const out: RuleReason[] = [];
  d.goods.forEach((g, i) => {
    if (g.valueUsd !== null) return;
    const c = g.value.currency;
    out.push(reason('currency', 'CURRENCY_NO_RATE', {
      vi: `Dòng hàng ${i + 1} khai bằng ${c}, chưa có tỷ giá tham chiếu: không so sánh được trị giá`,
      en: `Goods line ${i + 1} is declared in ${c}, which has no reference rate: its value could not be compared`,
      zh: `第 ${i + 1} 项货物以 ${c} 申报，无参考汇率，无法比对价格`,
    }, { item: i + 1, currency: c }, 0.1, null));
  });
  return out;
}
