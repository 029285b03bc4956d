/**
 * Declare once across the border, pure: a partner's export declaration becomes the pre-filled
 * body of our importer's import declaration, and the two are compared field by field (value,
 * mass, HS code, containers) so that differences are flagged before submission.
 */
import type { ExportDeclaration } from './messages.ts';

/** One difference between the partner's export data and our declaration. */
export interface Mismatch {
  field: 'customsValue' | 'grossMass' | 'netMass' | 'hsCode' | 'containers' | 'goodsCount';
  /** JSON pointer into our declaration. */
  pointer: string;
  partner: unknown;
  ours: unknown;
  message: string;
}

/** The pre-filled draft content of the import declaration (customs' `DeclarationContent`). */
export function prefillImport(d: ExportDeclaration, consignmentRef: string, siteId: string): Record<string, unknown> {
  return {
    localReference: `ADV-${consignmentRef}`.slice(0, 100),
    type: 'import',
    direction: 'inbound',
    ...(siteId.startsWith('VN-') ? { borderGate: siteId } : {}),
    ...(d.expectedArrival ? { expectedArrival: d.expectedArrival } : {}),
    parties: { importer: { ...d.importer }, exporter: { ...d.exporter } },
    consignment: {
      transport: { tractorPlate: d.transport.tractorPlate, ...(d.transport.trailerPlate ? { trailerPlate: d.transport.trailerPlate } : {}) },
      equipment: d.equipment.map((e) => ({ containerNumber: e.containerNumber, sealNumbers: [...e.sealNumbers] })),
    },
    // The partner's tariff line is its own (CN: 10 digits); the first 8 are a starting point the importer checks.
    goods: d.goods.map((g) => ({
      hsCode: g.hsCode.slice(0, 8).padEnd(8, '0'), description: g.description, originCountry: g.originCountry, quantity: g.quantity, unit: g.unit,
      grossMassKg: g.grossMassKg, netMassKg: g.netMassKg, customsValue: { ...g.customsValue },
    })),
  };
}

type Goods = { hsCode?: string; grossMassKg?: number; netMassKg?: number; customsValue?: { amount?: number; currency?: string } };

/**
 * Differences between the partner's export data and a declaration's content: per goods line
 * (by position) the HS code at 6 digits, masses beyond 2 %, and values beyond 2 % in the same
 * currency; the container sets as wholes.
 */
export function compareWithPartner(d: ExportDeclaration, content: Record<string, unknown>): Mismatch[] {
  const out: Mismatch[] = [];
  const goods = (Array.isArray(content.goods) ? content.goods : []) as Goods[];
  if (goods.length !== d.goods.length) out.push({ field: 'goodsCount', pointer: '/goods', partner: d.goods.length, ours: goods.length, message: 'a different number of goods lines' });
  const off = (a: number, b: number) => Math.abs(a - b) > 0.02 * Math.max(Math.abs(a), Math.abs(b), 1);
  d.goods.forEach((p, i) => {
    const o = goods[i];
    if (!o) return;
    if ((o.hsCode ?? '').slice(0, 6) !== p.hsCode.slice(0, 6)) out.push({ field: 'hsCode', pointer: `/goods/${i}/hsCode`, partner: p.hsCode, ours: o.hsCode ?? null, message: 'HS heading (6 digits) differs' });
    if (typeof o.grossMassKg === 'number' && off(o.grossMassKg, p.grossMassKg)) out.push({ field: 'grossMass', pointer: `/goods/${i}/grossMassKg`, partner: p.grossMassKg, ours: o.grossMassKg, message: 'gross mass differs by more than 2 %' });
    if (typeof o.netMassKg === 'number' && off(o.netMassKg, p.netMassKg)) out.push({ field: 'netMass', pointer: `/goods/${i}/netMassKg`, partner: p.netMassKg, ours: o.netMassKg, message: 'net mass differs by more than 2 %' });
    const v = o.customsValue;
    if (v && typeof v.amount === 'number' && v.currency === p.customsValue.currency && off(v.amount, p.customsValue.amount)) {
      out.push({ field: 'customsValue', pointer: `/goods/${i}/customsValue/amount`, partner: p.customsValue, ours: v, message: 'value differs by more than 2 %' });
    }
  });
  const consignment = content.consignment as { equipment?: Array<{ containerNumber?: string }> } | undefined;
  const ours = new Set((consignment?.equipment ?? []).map((e) => (e.containerNumber ?? '').toUpperCase()).filter(Boolean));
  const theirs = new Set(d.equipment.map((e) => e.containerNumber));
  if (ours.size !== theirs.size || [...theirs].some((c) => !ours.has(c))) {
    out.push({ field: 'containers', pointer: '/consignment/equipment', partner: [...theirs].sort(), ours: [...ours].sort(), message: 'the containers differ' });
  }
  return out;
}
