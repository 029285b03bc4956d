/**
 * The model features of a Borderflow declaration (feature set `bf-1`), computed from what the
 * assessment stored — the declaration snapshot and the history figures read at that instant —
 * and from nothing else. History was read before the declaration's own outcome existed, so a
 * training row never sees its own label or anything later: no leakage by construction.
 *
 * History keys (parties, plate, gate, departure country, and per goods line HS at 4/6/8 digits,
 * origin, HS6 × origin, importer × HS6) give three features each: the inspection hit rate shrunk
 * towards the prior (target encoding), log(1 + inspections) and log(1 + declarations) (frequency
 * encoding). A line key takes the riskiest line: the highest rate and the fewest counts. Then
 * figures of the declaration itself: size, value, mass, unit values against their history,
 * packaging, importer recency and the partner-data gaps.
 */
import type { AssessmentInput, KeyHistory } from '../engine/context.ts';
import { declarationKeys, lineKeys } from '../engine/context.ts';
import type { Messages } from '../engine/reasons.ts';
import { robustZ } from '../engine/robust.ts';
import { shrunkRate } from '../rules/history.ts';
import { partnerGaps } from '../rules/partner.ts';
import { unitMeasures } from '../rules/unit-value.ts';

/** A version tag of this list; a model built on another is refused at load. */
export const BF_FEATURE_SET = 'bf-1';
/** Shrinkage of the target encoding (pseudo-inspections of prior). */
export const BF_SHRINKAGE = 5;
const MAD_FLOOR = 0.05;
const DAY_MS = 86_400_000;

const KEY_NAMES: Record<string, Messages> = {
  importer: { vi: 'nhà nhập khẩu', en: 'importer', zh: '进口商' },
  declarant: { vi: 'người khai hải quan', en: 'declarant', zh: '申报人' },
  exporter: { vi: 'nhà xuất khẩu', en: 'exporter', zh: '出口商' },
  importerDeclarant: { vi: 'cặp nhà nhập khẩu – người khai', en: 'importer with this declarant', zh: '进口商与申报人组合' },
  plate: { vi: 'biển số xe', en: 'truck plate', zh: '车牌' },
  gate: { vi: 'cửa khẩu', en: 'border gate', zh: '口岸' },
  departure: { vi: 'nước gửi hàng', en: 'country of departure', zh: '启运国' },
  hs4: { vi: 'nhóm HS 4 số', en: 'HS heading', zh: 'HS 品目' },
  hs6: { vi: 'phân nhóm HS 6 số', en: 'HS subheading', zh: 'HS 子目' },
  hs8: { vi: 'dòng thuế 8 số', en: 'tariff line', zh: '税号' },
  origin: { vi: 'xuất xứ', en: 'country of origin', zh: '原产地' },
  hs6Origin: { vi: 'phân nhóm HS từ xuất xứ này', en: 'HS subheading from this origin', zh: '该原产地的 HS 子目' },
  importerHs6: { vi: 'nhà nhập khẩu với phân nhóm HS này', en: 'importer with this HS subheading', zh: '进口商与该 HS 子目组合' },
};
const DECLARATION_KEYS = ['importer', 'declarant', 'exporter', 'importerDeclarant', 'plate', 'gate', 'departure'] as const;
const LINE_KEYS = ['hs4', 'hs6', 'hs8', 'origin', 'hs6Origin', 'importerHs6'] as const;
const ALL_KEYS = [...DECLARATION_KEYS, ...LINE_KEYS];

const NUMERIC: Array<[string, Messages]> = [
  ['goodsLines', { vi: 'số dòng hàng', en: 'number of goods lines', zh: '货物项数' }],
  ['logValueUsd', { vi: 'tổng trị giá (USD)', en: 'total declared value (USD)', zh: '申报总价（美元）' }],
  ['logNetMass', { vi: 'tổng khối lượng tịnh', en: 'total net mass', zh: '总净重' }],
  ['logValuePerKg', { vi: 'trị giá mỗi kg', en: 'value per kg', zh: '每千克价格' }],
  ['minUnitValueZ', { vi: 'đơn giá so với lịch sử (z thấp nhất)', en: 'unit value against its history (lowest robust z)', zh: '单价与历史比较（最低稳健 z）' }],
  ['minUnitValueRatio', { vi: 'đơn giá so với trung vị (log10)', en: 'unit value against the median (log10 ratio)', zh: '单价与中位数之比（log10）' }],
  ['maxGrossToNet', { vi: 'tỷ lệ cả bì / tịnh', en: 'gross to net mass ratio', zh: '毛重与净重之比' }],
  ['maxKgQuantityGap', { vi: 'chênh lệch số lượng – khối lượng', en: 'quantity against net mass gap', zh: '数量与净重差异' }],
  ['preferenceShare', { vi: 'tỷ lệ dòng hàng có C/O ưu đãi', en: 'share of lines with a preference certificate', zh: '有优惠原产地证的货物项比例' }],
  ['containers', { vi: 'số container', en: 'number of containers', zh: '集装箱数' }],
  ['logImporterDeclarations', { vi: 'số tờ khai trước của nhà nhập khẩu', en: "importer's earlier declarations", zh: '进口商以往申报数' }],
  ['logDaysSinceImporter', { vi: 'số ngày từ tờ khai trước của nhà nhập khẩu', en: "days since the importer's last declaration", zh: '距进口商上次申报天数' }],
  ['partnerData', { vi: 'có dữ liệu xuất khẩu phía bạn', en: 'partner export data present', zh: '有对方出口数据' }],
  ['partnerValueGap', { vi: 'chênh lệch trị giá với phía bạn', en: "value gap to the partner's data", zh: '与对方数据的价格差' }],
  ['partnerMassGap', { vi: 'chênh lệch khối lượng với phía bạn', en: "mass gap to the partner's data", zh: '与对方数据的重量差' }],
  ['partnerHsUnmatched', { vi: 'mã HS không khớp với phía bạn', en: "HS codes not matching the partner's", zh: '与对方不一致的 HS 编码数' }],
];

/** Feature names in vector order. */
export const BF_FEATURE_NAMES: readonly string[] = [
  ...ALL_KEYS.flatMap((k) => [`rate:${k}`, `inspections:${k}`, `declarations:${k}`]),
  ...NUMERIC.map(([n]) => n),
];

/** How an officer reads each feature, in vector order. */
export const BF_FEATURE_DESCRIPTIONS: readonly Messages[] = [
  ...ALL_KEYS.flatMap((k) => {
    const n = KEY_NAMES[k]!;
    return [
      { vi: `tỷ lệ vi phạm khi kiểm tra trước đây của ${n.vi}`, en: `past inspection hit rate of this ${n.en}`, zh: `该${n.zh}以往查验查获率` },
      { vi: `số lần kiểm tra trước đây của ${n.vi}`, en: `how often this ${n.en} was inspected before`, zh: `该${n.zh}以往被查验次数` },
      { vi: `số tờ khai trước đây của ${n.vi}`, en: `how often this ${n.en} was declared before`, zh: `该${n.zh}以往申报次数` },
    ];
  }),
  ...NUMERIC.map(([, m]) => m),
];

/** The feature vector of an assessment input. Every value is finite. */
export function declarationFeatures(input: AssessmentInput, out: Float32Array = new Float32Array(BF_FEATURE_NAMES.length)): Float32Array {
  const d = input.declaration;
  const ctx = input.context;
  let j = 0;
  const put = (x: number) => (out[j++] = Number.isFinite(x) ? x : 0);
  const encode = (h: KeyHistory | undefined) => [shrunkRate(h, ctx.global, BF_SHRINKAGE).rate, Math.log1p(h?.inspections ?? 0), Math.log1p(h?.declarations ?? 0)] as const;
  const dk = declarationKeys(d);
  for (const k of DECLARATION_KEYS) for (const v of encode(ctx.keys[dk[k]!])) put(v);
  const perLine = d.goods.map((_, i) => lineKeys(d, i));
  for (const k of LINE_KEYS) {
    let rate = perLine.length ? -Infinity : shrunkRate(undefined, ctx.global, BF_SHRINKAGE).rate;
    let insp = perLine.length ? Infinity : 0;
    let decl = perLine.length ? Infinity : 0;
    for (const keys of perLine) {
      const [r, i, n] = encode(ctx.keys[keys[k]!]);
      rate = Math.max(rate, r);
      insp = Math.min(insp, i);
      decl = Math.min(decl, n);
    }
    put(rate);
    put(insp);
    put(decl);
  }
  const valueKnown = d.goods.every((g) => g.valueUsd !== null);
  const value = d.goods.reduce((s, g) => s + (g.valueUsd ?? 0), 0);
  const net = d.goods.reduce((s, g) => s + g.netMassKg, 0);
  let minZ = 0;
  let minRatio = 0;
  d.goods.forEach((g, i) => {
    for (const m of unitMeasures(g)) {
      const ref = ctx.unitValues.find((r) => r.item === i && r.measure === m.measure);
      if (!ref) continue;
      minZ = Math.min(minZ, robustZ(m.logValue, ref.median, ref.mad, MAD_FLOOR));
      minRatio = Math.min(minRatio, m.logValue - ref.median);
    }
  });
  const ratios = d.goods.map((g) => (g.netMassKg > 0 ? g.grossMassKg / g.netMassKg : 1));
  const kgGaps = d.goods.map((g) => {
    const kg = g.unit === 'KGM' ? g.quantity : g.unit === 'TNE' ? g.quantity * 1000 : null;
    return kg !== null && g.netMassKg > 0 ? Math.abs(kg - g.netMassKg) / g.netMassKg : 0;
  });
  const lastSeen = ctx.importer.lastSeen;
  const gaps = ctx.partner ? partnerGaps(d, ctx.partner) : null;
  put(d.goods.length);
  put(valueKnown ? Math.log1p(value) : -1);
  put(Math.log1p(net));
  put(valueKnown && net > 0 ? Math.log1p(value / net) : -1);
  put(minZ);
  put(minRatio);
  put(Math.max(1, ...ratios));
  put(Math.max(0, ...kgGaps));
  put(d.goods.length ? d.goods.filter((g) => g.preference).length / d.goods.length : 0);
  put(d.containers.length);
  put(Math.log1p(ctx.importer.previousDeclarations));
  put(lastSeen ? Math.log1p(Math.max(0, (Date.parse(input.assessedAt) - Date.parse(lastSeen)) / DAY_MS)) : -1);
  put(gaps ? 1 : 0);
  put(gaps?.value ?? 0);
  put(gaps?.mass ?? 0);
  put(gaps ? gaps.hsOnlyOurs.length + gaps.hsOnlyPartner.length : 0);
  return out;
}
