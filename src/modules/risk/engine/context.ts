/**
 * What the engine knew when it assessed a declaration: the history figures read from the
 * database at that instant. Stored with the assessment beside the declaration snapshot, so that
 * re-running it needs no history at all and gives exactly the same answer. Everything here was
 * learned from declarations and inspection results before the assessment: nothing leaks.
 */
import type { DeclarationSnapshot } from './declaration.ts';

/** Counters of one history key (an importer, an HS subheading from an origin, …). */
export interface KeyHistory {
  /** Declaration versions assessed with this key. */
  declarations: number;
  /** Of those, how many were inspected with a recorded outcome. */
  inspections: number;
  /** Inspections that found a discrepancy. */
  hits: number;
}

/** Robust statistics of past unit values (log10 USD per kg or per unit) for one goods line. */
export interface UnitValueReference {
  item: number;
  /** `kg` (value per kg of net mass) or the quantity unit code (value per unit). */
  measure: string;
  /** The history the figures come from: the 8-digit line, or the 6-digit subheading when the line had too few. */
  level: 'hs8' | 'hs6';
  code: string;
  origin: string;
  n: number;
  /** Median of log10 unit values. */
  median: number;
  /** Median absolute deviation of log10 unit values. */
  mad: number;
}

/** Export data the partner customs sent for the same consignment (see rules/partner.ts). */
export interface PartnerExport {
  consignmentRef: string;
  receivedAt: string;
  source: string;
  exporterTaxId: string | null;
  tractorPlate: string | null;
  containers: string[];
  goods: Array<{
    hsCode: string; netMassKg: number; grossMassKg: number | null; value: { amount: number; currency: string }; quantity: number | null;
    /** The value in USD at the rates of the rule set in force when it was read; null without a rate. */
    valueUsd: number | null;
  }>;
}

/** The history figures an assessment used. */
export interface AssessmentContext {
  /** Whole-history counters: the prior of every shrunk rate. */
  global: KeyHistory;
  /** Counters per history key (see `historyKeys`). Absent keys were never seen. */
  keys: Record<string, KeyHistory>;
  /** Other declarations of the same importer before this one. */
  importer: { previousDeclarations: number; lastSeen: string | null };
  /** Unit-value references found, per goods line and measure (lines with too little history have none). */
  unitValues: UnitValueReference[];
  partner: PartnerExport | null;
}

/** Everything an assessment is a pure function of (with the rule set, model and calibration). */
export interface AssessmentInput {
  declarationId: string;
  version: number;
  /** ISO instant of the assessment. */
  assessedAt: string;
  declaration: DeclarationSnapshot;
  context: AssessmentContext;
}

/** An empty history: what a brand-new installation knows. */
export function emptyContext(): AssessmentContext {
  return { global: { declarations: 0, inspections: 0, hits: 0 }, keys: {}, importer: { previousDeclarations: 0, lastSeen: null }, unitValues: [], partner: null };
}

/** History keys of the whole declaration (parties, plate, gate, departure). */
export function declarationKeys(d: DeclarationSnapshot): Record<string, string> {
  return {
    importer: `importer:${d.importer.taxId}`,
    declarant: `declarant:${d.declarant.taxId}`,
    exporter: `exporter:${d.exporter.taxId}`,
    importerDeclarant: `importer-declarant:${d.importer.taxId}|${d.declarant.taxId}`,
    plate: `plate:${d.tractorPlate}`,
    gate: `gate:${d.borderGate}`,
    departure: `departure:${d.exporter.country}`,
  };
}

/** History keys of one goods line. */
export function lineKeys(d: DeclarationSnapshot, i: number): Record<string, string> {
  const g = d.goods[i]!;
  return {
    hs4: `hs4:${g.hsCode.slice(0, 4)}`,
    hs6: `hs6:${g.hsCode.slice(0, 6)}`,
    hs8: `hs8:${g.hsCode}`,
    origin: `origin:${g.originCountry}`,
    hs6Origin: `hs6-origin:${g.hsCode.slice(0, 6)}|${g.originCountry}`,
    importerHs6: `importer-hs6:${d.importer.taxId}|${g.hsCode.slice(0, 6)}`,
  };
}

/** Every distinct history key of a declaration: what its assessment reads and its inspection result updates. */
export function historyKeys(d: DeclarationSnapshot): string[] {
  const keys = new Set(Object.values(declarationKeys(d)));
  d.goods.forEach((_, i) => Object.values(lineKeys(d, i)).forEach((k) => keys.add(k)));
  return [...keys];
}
