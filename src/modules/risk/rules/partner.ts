/**
 * Mismatch with the partner side's export data for the same consignment (fed by the exchange
 * module): declared value, net mass, HS subheadings (6 digits: the tariffs differ beyond) and
 * containers. No partner data, no reason — the partner may simply not have sent it yet.
 */
import type { AssessmentContext, PartnerExport } from '../engine/context.ts';
import { normalizeContainer, type DeclarationSnapshot } from '../engine/declaration.ts';
import { fig, fmt, reason, type RuleReason } from '../engine/reasons.ts';
import type { RuleConfig } from '../engine/rule-set.ts';

/** How far our declaration is from the partner's export data. */
export interface PartnerGaps {
  /** ours / theirs − 1 in USD; null when a value could not be converted. */
  value: number | null;
  ourValueUsd: number | null;
  partnerValueUsd: number | null;
  /** ours / theirs − 1 of the net mass; null when theirs is 0. */
  mass: number | null;
  ourMassKg: number;
  partnerMassKg: number;
  hsOnlyOurs: string[];
  hsOnlyPartner: string[];
  containersOnlyOurs: string[];
  containersOnlyPartner: string[];
}

/** Compares a declaration with the partner's export data. */
export function partnerGaps(d: DeclarationSnapshot, p: PartnerExport): PartnerGaps {
  const ourValues = d.goods.map((g) => g.valueUsd);
  const theirValues = p.goods.map((g) => g.valueUsd);
  const sum = (xs: Array<number | null>) => (xs.some((x) => x === null) ? null : xs.reduce<number>((s, x) => s + x!, 0));
  const ourValueUsd = sum(ourValues);
  const partnerValueUsd = sum(theirValues);
  const ourMassKg = d.goods.reduce((s, g) => s + g.netMassKg, 0);
  const partnerMassKg = p.goods.reduce((s, g) => s + g.netMassKg, 0);
  const ourHs = new Set(d.goods.map((g) => g.hsCode.slice(0, 6)));
  const theirHs = new Set(p.goods.map((g) => g.hsCode.replace(/\D/g, '').slice(0, 6)));
  const ourC = new Set(d.containers);
  const theirC = new Set(p.containers.map(normalizeContainer));
  return {
    value: ourValueUsd !== null && partnerValueUsd ? ourValueUsd / partnerValueUsd - 1 : null,
    ourValueUsd, partnerValueUsd,
    mass: partnerMassKg > 0 ? ourMassKg / partnerMassKg - 1 : null,
    ourMassKg, partnerMassKg,
    hsOnlyOurs: [...ourHs].filter((h) => !theirHs.has(h)).sort(),
    hsOnlyPartner: [...theirHs].filter((h) => !ourHs.has(h)).sort(),
    containersOnlyOurs: [...ourC].filter((c) => !theirC.has(c)).sort(),
    containersOnlyPartner: [...theirC].filter((c) => !ourC.has(c)).sort(),
  };
}

/** Reasons for every way the declaration disagrees with the partner's export data. */
export function partnerReasons(d: DeclarationSnapshot, ctx: AssessmentContext, cfg: RuleConfig['partner']): RuleReason[] {
  const p = ctx.partner;
  if (!p) return [];
  const g = partnerGaps(d, p);
  const out: RuleReason[] = [];
  const r = (code: string, message: { vi: string; en: string; zh: string }, numbers: Record<string, number | string>) =>
    out.push(reason('partner', code, message, { consignmentRef: p.consignmentRef, ...numbers }, cfg.weight, cfg.channel));
  if (g.value !== null && Math.abs(g.value) > cfg.valueTolerance) {
    r('PARTNER_VALUE_MISMATCH', {
      vi: `Trị giá khai ${fmt(g.ourValueUsd!)} USD, tờ khai xuất khẩu phía bạn ${fmt(g.partnerValueUsd!)} USD (lệch ${fmt(g.value * 100, 1)} %)`,
      en: `Declared value ${fmt(g.ourValueUsd!)} USD; the partner's export declaration says ${fmt(g.partnerValueUsd!)} USD (${fmt(g.value * 100, 1)} %)`,
      zh: `申报价格 ${fmt(g.ourValueUsd!)} 美元，对方出口报关单为 ${fmt(g.partnerValueUsd!)} 美元（相差 ${fmt(g.value * 100, 1)} %）`,
    }, { ourValueUsd: fig(g.ourValueUsd!), partnerValueUsd: fig(g.partnerValueUsd!), gap: fig(g.value), tolerance: cfg.valueTolerance });
  }
  if (g.mass !== null && Math.abs(g.mass) > cfg.massTolerance) {
    r('PARTNER_MASS_MISMATCH', {
      vi: `Khối lượng tịnh khai ${fmt(g.ourMassKg)} kg, phía bạn ${fmt(g.partnerMassKg)} kg (lệch ${fmt(g.mass * 100, 1)} %)`,
      en: `Declared net mass ${fmt(g.ourMassKg)} kg; the partner's export data says ${fmt(g.partnerMassKg)} kg (${fmt(g.mass * 100, 1)} %)`,
      zh: `申报净重 ${fmt(g.ourMassKg)} 千克，对方出口数据为 ${fmt(g.partnerMassKg)} 千克（相差 ${fmt(g.mass * 100, 1)} %）`,
    }, { ourMassKg: g.ourMassKg, partnerMassKg: g.partnerMassKg, gap: fig(g.mass), tolerance: cfg.massTolerance });
  }
  if (g.hsOnlyOurs.length || g.hsOnlyPartner.length) {
    const ours = g.hsOnlyOurs.join(', ') || '–';
    const theirs = g.hsOnlyPartner.join(', ') || '–';
    r('PARTNER_HS_MISMATCH', {
      vi: `Mã HS (6 số) không khớp với phía bạn: chỉ ta khai ${ours}; chỉ phía bạn khai ${theirs}`,
      en: `HS subheadings differ from the partner's: only we declare ${ours}; only they declare ${theirs}`,
      zh: `HS 编码（6 位）与对方不一致：仅我方申报 ${ours}；仅对方申报 ${theirs}`,
    }, { onlyOurs: ours, onlyPartner: theirs, unmatched: g.hsOnlyOurs.length + g.hsOnlyPartner.length });
  }
  if (g.containersOnlyOurs.length || g.containersOnlyPartner.length) {
    const ours = g.containersOnlyOurs.join(', ') || '–';
    const theirs = g.containersOnlyPartner.join(', ') || '–';
    r('PARTNER_CONTAINER_MISMATCH', {
      vi: `Số container không khớp với phía bạn: chỉ ta khai ${ours}; chỉ phía bạn khai ${theirs}`,
      en: `Containers differ from the partner's: only we declare ${ours}; only they declare ${theirs}`,
      zh: `集装箱号与对方不一致：仅我方申报 ${ours}；仅对方申报 ${theirs}`,
    }, { onlyOurs: ours, onlyPartner: theirs, unmatched: g.containersOnlyOurs.length + g.containersOnlyPartner.length });
  }
  return out;
}
