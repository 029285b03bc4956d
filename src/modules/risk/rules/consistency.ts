/**
 * Mass and quantity inconsistencies within the declaration itself: net above gross, packaging
 * heavier than plausible (gross/net), a quantity in KGM or TNE that is not the net mass, and more
 * goods than a container or a road truck can carry.
 */
import type { DeclarationSnapshot } from '../engine/declaration.ts';
import { fig, fmt, reason, type RuleReason } from '../engine/reasons.ts';
import type { RuleConfig } from '../engine/rule-set.ts';

/** Inconsistencies of masses and quantities. */
export function consistencyReasons(d: DeclarationSnapshot, cfg: RuleConfig['consistency']): RuleReason[] {
  const out: RuleReason[] = [];
  const r = (code: string, message: { vi: string; en: string; zh: string }, numbers: Record<string, number | string>) =>
    out.push(reason('consistency', code, message, numbers, cfg.weight, cfg.channel));
  d.goods.forEach((g, i) => {
    const n = i + 1;
    if (g.netMassKg > g.grossMassKg) {
      r('NET_ABOVE_GROSS', {
        vi: `Dòng hàng ${n}: khối lượng tịnh ${fmt(g.netMassKg)} kg lớn hơn khối lượng cả bì ${fmt(g.grossMassKg)} kg`,
        en: `Goods line ${n}: net mass ${fmt(g.netMassKg)} kg exceeds gross mass ${fmt(g.grossMassKg)} kg`,
        zh: `第 ${n} 项货物：净重 ${fmt(g.netMassKg)} 千克大于毛重 ${fmt(g.grossMassKg)} 千克`,
      }, { item: n, netMassKg: g.netMassKg, grossMassKg: g.grossMassKg });
    } else if (g.netMassKg > 0 && g.grossMassKg / g.netMassKg > cfg.maxGrossToNet) {
      const ratio = g.grossMassKg / g.netMassKg;
      r('PACKAGING_TOO_HEAVY', {
        vi: `Dòng hàng ${n}: khối lượng cả bì gấp ${fmt(ratio)} lần khối lượng tịnh (tối đa hợp lý ${fmt(cfg.maxGrossToNet)})`,
        en: `Goods line ${n}: gross mass is ${fmt(ratio)} times the net mass (plausible up to ${fmt(cfg.maxGrossToNet)})`,
        zh: `第 ${n} 项货物：毛重为净重的 ${fmt(ratio)} 倍（合理上限 ${fmt(cfg.maxGrossToNet)}）`,
      }, { item: n, grossToNet: fig(ratio), limit: cfg.maxGrossToNet });
    }
    const kg = g.unit === 'KGM' ? g.quantity : g.unit === 'TNE' ? g.quantity * 1000 : null;
    if (kg !== null && g.netMassKg > 0 && Math.abs(kg - g.netMassKg) / g.netMassKg > cfg.kgQuantityTolerance) {
      const gap = (kg - g.netMassKg) / g.netMassKg;
      r('QUANTITY_MASS_MISMATCH', {
        vi: `Dòng hàng ${n}: số lượng ${fmt(g.quantity)} ${g.unit} khác khối lượng tịnh ${fmt(g.netMassKg)} kg (lệch ${fmt(gap * 100, 1)} %)`,
        en: `Goods line ${n}: quantity ${fmt(g.quantity)} ${g.unit} differs from the net mass ${fmt(g.netMassKg)} kg by ${fmt(gap * 100, 1)} %`,
        zh: `第 ${n} 项货物：数量 ${fmt(g.quantity)} ${g.unit} 与净重 ${fmt(g.netMassKg)} 千克相差 ${fmt(gap * 100, 1)} %`,
      }, { item: n, quantityKg: kg, netMassKg: g.netMassKg, gap: fig(gap) });
    }
  });
  const gross = d.goods.reduce((s, g) => s + g.grossMassKg, 0);
  if (d.containers.length > 0 && gross / d.containers.length > cfg.maxGrossPerContainerKg) {
    const per = gross / d.containers.length;
    r('CONTAINER_OVERWEIGHT', {
      vi: `${fmt(gross)} kg hàng trong ${d.containers.length} container: ${fmt(per)} kg mỗi container, vượt ${fmt(cfg.maxGrossPerContainerKg)} kg`,
      en: `${fmt(gross)} kg of goods in ${d.containers.length} container(s): ${fmt(per)} kg each, above ${fmt(cfg.maxGrossPerContainerKg)} kg`,
      zh: `${d.containers.length} 个集装箱装货 ${fmt(gross)} 千克：每箱 ${fmt(per)} 千克，超过 ${fmt(cfg.maxGrossPerContainerKg)} 千克`,
    }, { grossMassKg: gross, containers: d.containers.length, perContainerKg: fig(per), limit: cfg.maxGrossPerContainerKg });
  }
  if (gross > cfg.maxGrossPerTruckKg) {
    r('TRUCK_OVERWEIGHT', {
      vi: `Tổng khối lượng cả bì ${fmt(gross)} kg vượt tải trọng một xe tải ${fmt(cfg.maxGrossPerTruckKg)} kg`,
      en: `Total gross mass ${fmt(gross)} kg is more than one road truck carries (${fmt(cfg.maxGrossPerTruckKg)} kg)`,
      zh: `总毛重 ${fmt(gross)} 千克超过单辆货车载重 ${fmt(cfg.maxGrossPerTruckKg)} 千克`,
    }, { grossMassKg: gross, limit: cfg.maxGrossPerTruckKg });
  }
  return out;
}
