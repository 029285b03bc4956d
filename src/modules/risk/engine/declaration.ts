/**
 * What the risk engine reads of a customs declaration: a flat snapshot of one submitted version,
 * with values converted to US dollars at the rule set's reference rates. The snapshot is stored
 * with every assessment, so the assessment can be re-run later from exactly what it saw.
 */
import type { Declaration } from '../../customs/index.ts';

/** One goods item as the engine sees it. */
export interface GoodsLine {
  /** 8-digit tariff line. */
  hsCode: string;
  originCountry: string;
  quantity: number;
  /** UN/ECE Rec 20 unit code (KGM, NAR, …). */
  unit: string;
  grossMassKg: number;
  netMassKg: number;
  value: { amount: number; currency: string };
  /** The value in USD at the rule set's reference rate; null when the currency has no rate. */
  valueUsd: number | null;
  preference: boolean;
}

/** A submitted declaration version, flattened for the rules and the model. */
export interface DeclarationSnapshot {
  declarationId: string;
  version: number;
  type: string;
  direction: string;
  borderGate: string;
  importer: { taxId: string; country: string };
  exporter: { taxId: string; country: string };
  declarant: { taxId: string; country: string };
  tractorPlate: string;
  trailerPlate: string;
  containers: string[];
  goods: GoodsLine[];
}

/** Plates compared without spaces, dots or dashes, upper case (桂A·12345 = 桂A12345). */
export function normalizePlate(plate: string): string {
  return plate.toUpperCase().replace(/[\s.\-·]/g, '');
}

/** Container numbers compared upper case without spaces. */
export function normalizeContainer(no: string): string {
  return no.toUpperCase().replace(/\s/g, '');
}

/** USD value of an amount at the given rates (units of USD per unit of currency), or null. */
export function toUsd(amount: number, currency: string, rates: Readonly<Record<string, number>>): number | null {
  const rate = rates[currency.toUpperCase()];
  return rate !== undefined && Number.isFinite(rate) && rate > 0 ? amount * rate : null;
}

/** Snapshot of a customs declaration (a submitted, hence complete, version). */
export function snapshotOf(d: Readonly<Declaration>, usdRates: Readonly<Record<string, number>>): DeclarationSnapshot {
  const c = d.content;
  const party = (p: { taxId?: string; country?: string } | undefined) => ({ taxId: (p?.taxId ?? '').toUpperCase(), country: (p?.country ?? '').toUpperCase() });
  return {
    declarationId: d.id,
    version: d.version,
    type: c.type ?? '',
    direction: c.direction ?? '',
    borderGate: c.borderGate ?? '',
    importer: party(c.parties?.importer),
    exporter: party(c.parties?.exporter),
    declarant: party(c.parties?.declarant ?? c.parties?.importer),
    tractorPlate: normalizePlate(c.consignment?.transport?.tractorPlate ?? ''),
    trailerPlate: normalizePlate(c.consignment?.transport?.trailerPlate ?? ''),
    containers: (c.consignment?.equipment ?? []).map((e) => normalizeContainer(e.containerNumber ?? '')).filter((x) => x !== ''),
    goods: (c.goods ?? []).map((g) => {
      const amount = num(g.customsValue?.amount);
      const currency = (g.customsValue?.currency ?? '').toUpperCase();
      return {
        hsCode: (g.hsCode ?? '').replace(/\D/g, ''),
        originCountry: (g.originCountry ?? '').toUpperCase(),
        quantity: num(g.quantity),
        unit: (g.unit ?? '').toUpperCase(),
        grossMassKg: num(g.grossMassKg),
        netMassKg: num(g.netMassKg),
        value: { amount, currency },
        valueUsd: toUsd(amount, currency, usdRates),
        preference: typeof g.preferenceCertificate === 'string' && g.preferenceCertificate.trim() !== '',
      };
    }),
  };
}

function num(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : 0;
}
