/**
 * The features of a KCS declaration. Categorical keys (parties, HS code at each level, countries
 * and pairs, exact declared values) become two features each, from the labelled history before the
 * row: the fraud rate shrunk towards the prior (target encoding) and log(1 + count) (frequency
 * encoding). A handful of numeric features come straight from the row.
 */
import type { KcsDeclaration } from './declaration.ts';

/** Pieces of a row that several keys share, computed once per row (number formatting is slow). */
export interface KeyParts {
  hs6: string;
  price: string;
  mass: string;
}

/** The shared key pieces of a row. */
export function keyParts(d: KcsDeclaration): KeyParts {
  return { hs6: d.hsCode.slice(0, 6), price: numberKey(d.itemPrice), mass: numberKey(d.netMassKg) };
}

/** A categorical key tracked by the encoder. `officer` is how an officer reads the feature. */
export interface CategoricalKey {
  name: string;
  officer: string;
  of(d: KcsDeclaration, p: KeyParts): string;
}

/** A numeric feature computed from the row alone. */
export interface NumericFeature {
  name: string;
  officer: string;
  of(d: KcsDeclaration): number;
}

/**
 * Numbers as keys: 12 significant digits, so that float noise in the files (7.3400000000000025
 * vs 7.340000000000002 for the same value) does not split one value into two.
 */
export function numberKey(x: number): string {
  const s = String(x);
  // Short forms cannot carry float noise; only long ones need the (slower) rounding.
  return s.length <= 12 ? s : String(Number(x.toPrecision(12)));
}

/** The keys, in feature order. Changing this list changes the model format (see FEATURE_SET). */
export const CATEGORICAL_KEYS: readonly CategoricalKey[] = [
  { name: 'importer', officer: 'importer', of: (d) => d.importer },
  { name: 'declarant', officer: 'declarant (broker)', of: (d) => d.declarant },
  { name: 'seller', officer: 'seller', of: (d) => d.seller },
  { name: 'courier', officer: 'courier', of: (d) => d.courier },
  { name: 'office', officer: 'customs office', of: (d) => d.office },
  { name: 'processType', officer: 'process type', of: (d) => d.processType },
  { name: 'importType', officer: 'import type', of: (d) => d.importType },
  { name: 'importUse', officer: 'import use', of: (d) => d.importUse },
  { name: 'paymentType', officer: 'payment type', of: (d) => d.paymentType },
  { name: 'transportMode', officer: 'mode of transport', of: (d) => d.transportMode },
  { name: 'taxType', officer: 'tax type', of: (d) => d.taxType },
  { name: 'taxRate', officer: 'tax rate', of: (d) => numberKey(d.taxRate) },
  { name: 'originIndicator', officer: 'origin indicator', of: (d) => d.originIndicator },
  { name: 'hs2', officer: 'HS chapter', of: (d) => d.hsCode.slice(0, 2) },
  { name: 'hs4', officer: 'HS heading', of: (d) => d.hsCode.slice(0, 4) },
  { name: 'hs6', officer: 'HS subheading', of: (_, p) => p.hs6 },
  { name: 'hsFull', officer: 'tariff line', of: (d) => d.hsCode },
  { name: 'origin', officer: 'country of origin', of: (d) => d.originCountry },
  { name: 'departure', officer: 'country of departure', of: (d) => d.departureCountry },
  { name: 'departure|origin', officer: 'departure and origin countries', of: (d) => `${d.departureCountry}|${d.originCountry}` },
  { name: 'hs6|origin', officer: 'HS subheading from this origin', of: (d, p) => `${p.hs6}|${d.originCountry}` },
  { name: 'importer|declarant', officer: 'importer with this declarant', of: (d) => `${d.importer}|${d.declarant}` },
  { name: 'importer|hs6', officer: 'importer with this HS subheading', of: (d, p) => `${d.importer}|${p.hs6}` },
  { name: 'declarant|hs6', officer: 'declarant with this HS subheading', of: (d, p) => `${d.declarant}|${p.hs6}` },
  { name: 'price', officer: 'declared value (exact amount)', of: (_, p) => p.price },
  { name: 'mass', officer: 'net mass (exact amount)', of: (_, p) => p.mass },
  { name: 'price|mass', officer: 'declared value and mass together', of: (_, p) => `${p.price}|${p.mass}` },
  { name: 'price|hs6', officer: 'declared value for this HS subheading', of: (_, p) => `${p.price}|${p.hs6}` },
  { name: 'unitValue', officer: 'value per kg (exact)', of: (d) => (d.netMassKg > 0 ? numberKey(d.itemPrice / d.netMassKg) : '-') },
];

/** Row-only features. Values are finite for every valid row (mass 0 gives -1 for per-kg ones). */
export const NUMERIC_FEATURES: readonly NumericFeature[] = [
  { name: 'logPrice', officer: 'declared value', of: (d) => Math.log1p(d.itemPrice) },
  { name: 'logMass', officer: 'net mass', of: (d) => Math.log1p(d.netMassKg) },
  { name: 'logUnitValue', officer: 'value per kg', of: (d) => (d.netMassKg > 0 ? Math.log1p(d.itemPrice / d.netMassKg) : -1) },
  { name: 'taxRate', officer: 'tax rate', of: (d) => d.taxRate },
  { name: 'logTax', officer: 'duty amount', of: (d) => Math.log1p((d.itemPrice * d.taxRate) / 100) },
  { name: 'hsChapter', officer: 'HS chapter', of: (d) => Number(d.hsCode.slice(0, 2)) },
];

/** A version tag of the feature list; a model built on another list is refused at load. */
export const FEATURE_SET = 'kcs-1';

/** Feature names in vector order: per key `rate:<key>`, `count:<key>`, then the numeric ones. */
export const FEATURE_NAMES: readonly string[] = [
  ...CATEGORICAL_KEYS.flatMap((k) => [`rate:${k.name}`, `count:${k.name}`]),
  ...NUMERIC_FEATURES.map((f) => f.name),
];

/** How an officer reads each feature, in vector order (English; the officer view translates). */
export const FEATURE_DESCRIPTIONS: readonly string[] = [
  ...CATEGORICAL_KEYS.flatMap((k) => [`past fraud rate of this ${k.officer}`, `how often this ${k.officer} was seen before`]),
  ...NUMERIC_FEATURES.map((f) => f.officer),
];
