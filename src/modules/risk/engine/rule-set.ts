/**
 * Rule sets: the rule layer's configuration, published by a supervisor as numbered versions,
 * each effective from an instant. Versions are immutable; an assessment names the version it
 * used, so it can be re-run later with exactly those rules.
 */
import type { FieldProblem } from '../../../infra/errors/index.ts';
import type { Channel } from './reasons.ts';

/** A watchlist entry: the value watched, why, and what a hit does. */
export interface WatchEntry {
  value: string;
  note: string;
  /** The channel a hit forces (null: it only raises the score). */
  channel: Channel | null;
  weight: number;
}

/** Every rule's settings. */
export interface RuleConfig {
  /** USD per unit of each currency: values are compared in USD. */
  currencyToUsd: Record<string, number>;
  watchlists: { parties: WatchEntry[]; hsCodes: WatchEntry[]; countries: WatchEntry[]; plates: WatchEntry[] };
  unitValue: { enabled: boolean; minSample: number; window: number; zThreshold: number; madFloor: number; weight: number; channel: Channel | null };
  consistency: {
    enabled: boolean; maxGrossToNet: number; kgQuantityTolerance: number; maxGrossPerContainerKg: number; maxGrossPerTruckKg: number;
    weight: number; channel: Channel | null;
  };
  newImporter: { enabled: boolean; dormantDays: number; firstTimeWeight: number; dormantWeight: number; channel: Channel | null };
  compliance: { enabled: boolean; shrinkage: number; threshold: number; minLift: number; minInspections: number; channel: Channel | null };
  partner: { enabled: boolean; valueTolerance: number; massTolerance: number; weight: number; channel: Channel | null };
  randomControl: { rate: number; seed: number; channel: Channel };
  /** Score thresholds used until a calibration for the active model exists. */
  thresholds: { yellow: number; red: number };
}

/** A published version. */
export interface RuleSet {
  id: string;
  version: number;
  effectiveFrom: string;
  publishedAt: string;
  publishedBy: { id: string; name: string };
  note: string;
  config: RuleConfig;
}

/** The settings of version 0, seeded on first use (docs/risk.md explains each). */
export const DEFAULT_RULE_CONFIG: RuleConfig = {
  currencyToUsd: { USD: 1, VND: 0.00004, CNY: 0.14, EUR: 1.08, JPY: 0.0067, KRW: 0.00073, HKD: 0.128, THB: 0.028 },
  watchlists: { parties: [], hsCodes: [], countries: [], plates: [] },
  unitValue: { enabled: true, minSample: 20, window: 500, zThreshold: 3.5, madFloor: 0.05, weight: 0.5, channel: null },
  consistency: { enabled: true, maxGrossToNet: 1.5, kgQuantityTolerance: 0.02, maxGrossPerContainerKg: 30_480, maxGrossPerTruckKg: 48_000, weight: 0.35, channel: null },
  newImporter: { enabled: true, dormantDays: 365, firstTimeWeight: 0.25, dormantWeight: 0.15, channel: null },
  compliance: { enabled: true, shrinkage: 5, threshold: 0.3, minLift: 1.5, minInspections: 1, channel: null },
  partner: { enabled: true, valueTolerance: 0.1, massTolerance: 0.05, weight: 0.6, channel: 'yellow' },
  randomControl: { rate: 0.01, seed: 1, channel: 'red' },
  thresholds: { yellow: 0.2, red: 0.6 },
};

/** A watchlist entry as sent: only the value is required (channel red, weight 0.9, no note by default). */
export type WatchEntryInput = Pick<WatchEntry, 'value'> & Partial<WatchEntry>;

/** What a supervisor sends: any section left out keeps the previous version's settings. */
export type RuleConfigPatch = { [K in Exclude<keyof RuleConfig, 'watchlists'>]?: Partial<RuleConfig[K]> } & {
  watchlists?: Partial<Record<keyof RuleConfig['watchlists'], WatchEntryInput[]>>;
};

/** The previous config with the sections (or fields) of the patch laid over it. */
export function mergeRuleConfig(base: RuleConfig, patch: RuleConfigPatch): RuleConfig {
  const out = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
  for (const [section, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (section === 'currencyToUsd') out[section] = { ...(value as Record<string, number>) };
    else out[section] = { ...out[section], ...structuredClone(value as Record<string, unknown>) };
  }
  const merged = out as unknown as RuleConfig;
  for (const list of Object.values(merged.watchlists)) {
    for (const e of list) {
      // Only absent fields take defaults: an explicit null channel means "raise the score only".
      if (e.channel === undefined) e.channel = 'red';
      if (e.weight === undefined) e.weight = 0.9;
      if (e.note === undefined) e.note = '';
    }
  }
  return merged;
}

/** Semantic checks the schema cannot express; each problem names its field. */
export function ruleConfigProblems(c: RuleConfig): FieldProblem[] {
  const p: FieldProblem[] = [];
  const add = (pointer: string, message: string) => p.push({ pointer: `/rules${pointer}`, code: 'RULE_INVALID', message });
  for (const [cur, rate] of Object.entries(c.currencyToUsd)) {
    if (!/^[A-Z]{3}$/.test(cur)) add(`/currencyToUsd/${cur}`, 'must be an ISO 4217 code in capitals');
    if (!(rate > 0) || !Number.isFinite(rate)) add(`/currencyToUsd/${cur}`, 'must be a positive rate (USD per unit)');
  }
  c.watchlists.hsCodes.forEach((e, i) => {
    if (!/^\d{2,8}$/.test(e.value)) add(`/watchlists/hsCodes/${i}/value`, 'must be 2 to 8 digits (an HS chapter, heading, subheading or tariff line)');
  });
  c.watchlists.countries.forEach((e, i) => {
    if (!/^[A-Z]{2}$/.test(e.value)) add(`/watchlists/countries/${i}/value`, 'must be an ISO 3166-1 alpha-2 code in capitals');
  });
  if (c.thresholds.yellow > c.thresholds.red) add('/thresholds/yellow', 'must not exceed the red threshold');
  if (c.unitValue.minSample < 3) add('/unitValue/minSample', 'must be at least 3 for a median and MAD to mean anything');
  if (c.unitValue.window < c.unitValue.minSample) add('/unitValue/window', 'must be at least minSample');
  return p;
}

/** The version in force at `at`: the latest effective on or before it, the last published winning a tie. */
export function ruleSetInForce(sets: readonly RuleSet[], at: Date): RuleSet | null {
  let best: RuleSet | null = null;
  const t = at.getTime();
  for (const s of sets) {
    const from = Date.parse(s.effectiveFrom);
    if (from > t) continue;
    if (!best || from > Date.parse(best.effectiveFrom) || (from === Date.parse(best.effectiveFrom) && s.version > best.version)) best = s;
  }
  return best;
}

/** The sections that differ between two configs (for the audit record of a change). */
export function changedSections(before: RuleConfig | null, after: RuleConfig): string[] {
  return (Object.keys(after) as Array<keyof RuleConfig>).filter((k) => !before || JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
