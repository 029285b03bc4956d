/**
 * Duty and VAT estimates per goods item, from the tariff line's rates. Import duty is charged on
 * the customs value; import VAT on the customs value plus the duty (Law on VAT, art. 7). Exports
 * and transit owe neither here. Amounts are rounded to the currency's minor unit. Pure.
 */
import { currencyDigits } from './codes.ts';
import type { DeclarationContent } from './model.ts';

/** A tariff line's rates, in percent. */
export interface TariffRates {
  line: string;
  description: string;
  importDutyRate: number;
  vatRate: number;
}

/** The estimate for one goods item; `tariffLine` null when the 8-digit line is not in the tariff. */
export interface GoodsItemDuties {
  item: number;
  tariffLine: string | null;
  importDutyRate: number | null;
  vatRate: number | null;
  currency: string | null;
  customsValue: number | null;
  importDuty: number | null;
  vat: number | null;
  note: string | null;
}

/** Estimates for every goods item, and totals per currency. */
export interface DutyEstimate {
  items: GoodsItemDuties[];
  totals: Array<{ currency: string; importDuty: number; vat: number }>;
}

/** Estimates duties and VAT for each goods item of a declaration. */
export function estimateDuties(c: DeclarationContent, rates: (line: string) => TariffRates | undefined): DutyEstimate {
  const items: GoodsItemDuties[] = (c.goods ?? []).map((g, item) => {
    const currency = g.customsValue?.currency ?? null;
    const value = typeof g.customsValue?.amount === 'number' && g.customsValue.amount > 0 ? g.customsValue.amount : null;
    const base = { item, tariffLine: null, importDutyRate: null, vatRate: null, currency, customsValue: value, importDuty: null, vat: null };
    if (c.type && c.type !== 'import') return { ...base, importDuty: 0, vat: 0, note: `no import duty or VAT on ${c.type}` };
    const r = g.hsCode ? rates(g.hsCode) : undefined;
    if (!r) return { ...base, note: 'no tariff line for this code; no estimate' };
    const withRates = { ...base, tariffLine: r.line, importDutyRate: r.importDutyRate, vatRate: r.vatRate };
    if (value === null || currency === null) return { ...withRates, note: 'customs value missing; no estimate' };
    const scale = 10 ** currencyDigits(currency);
    const valueMinor = Math.round(value * scale);
    const dutyMinor = Math.round((valueMinor * r.importDutyRate) / 100);
    const vatMinor = Math.round(((valueMinor + dutyMinor) * r.vatRate) / 100);
    return { ...withRates, importDuty: dutyMinor / scale, vat: vatMinor / scale, note: null };
  });
  const totals = new Map<string, { currency: string; importDuty: number; vat: number; scale: number }>();
  for (const i of items) {
    if (!i.currency || i.importDuty === null || i.vat === null) continue;
    const scale = 10 ** currencyDigits(i.currency);
    const t = totals.get(i.currency) ?? { currency: i.currency, importDuty: 0, vat: 0, scale };
    t.importDuty += Math.round(i.importDuty * scale);
    t.vat += Math.round(i.vat * scale);
    totals.set(i.currency, t);
  }
  return { items, totals: [...totals.values()].map((t) => ({ currency: t.currency, importDuty: t.importDuty / t.scale, vat: t.vat / t.scale })) };
}
