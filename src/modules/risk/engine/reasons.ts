/**
 * What every rule answers: reasons, not booleans. A reason says which rule fired, in the three
 * languages officers and partners read (Vietnamese, English, Chinese), the figures behind it, how
 * much it raises the rule score, and the channel it forces, if any.
 */

/** The channels, least to most intrusive. Same values as the customs channel. */
export const CHANNELS = ['green', 'yellow', 'red'] as const;
/** A risk channel: green (release), yellow (documentary check), red (physical inspection). */
export type Channel = (typeof CHANNELS)[number];

/** A text in the three languages of the border. */
export interface Messages {
  vi: string;
  en: string;
  zh: string;
}

/** The rules of the rule layer, as named in reasons and rule-set sections. */
export const RULE_NAMES = ['watchlist', 'unitValue', 'consistency', 'newImporter', 'compliance', 'partner', 'randomControl', 'currency'] as const;
/** A rule's name. */
export type RuleName = (typeof RULE_NAMES)[number];

/** Figures (and codes) behind a reason, by name. */
export type ReasonNumbers = Record<string, number | string>;

/** One reason a rule fired. */
export interface RuleReason {
  /** Stable code, e.g. `WATCHLIST_PARTY`. */
  code: string;
  rule: RuleName;
  message: Messages;
  numbers: ReasonNumbers;
  /** How much it raises the rule score, in [0, 1] (combined as a noisy-OR). */
  weight: number;
  /** The least channel this reason forces, or null. */
  channel: Channel | null;
}

/** Builds a reason. */
export function reason(rule: RuleName, code: string, message: Messages, numbers: ReasonNumbers, weight: number, channel: Channel | null): RuleReason {
  return { code, rule, message, numbers, weight: clamp01(weight), channel };
}

/** The more intrusive of two channels (null counts as none). */
export function maxChannel(a: Channel | null, b: Channel | null): Channel | null {
  if (a === null) return b;
  if (b === null) return a;
  return CHANNELS.indexOf(a) >= CHANNELS.indexOf(b) ? a : b;
}

/** Clamps to [0, 1]; NaN becomes 0. */
export function clamp01(x: number): number {
  return x > 0 ? (x < 1 ? x : 1) : 0;
}

/** Rounds a figure for a reason: 4 significant digits keeps messages readable and numbers honest. */
export function fig(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : 0;
}

// Formatters are costly to build (≈ 0.2 ms each): one per precision, made once.
const formatters = new Map<number, Intl.NumberFormat>();

/** A number as officers read it in each language (grouping, no exponent). */
export function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  return f.format(x);
}

/** A ratio as a percentage text. */
export function pct(x: number): string {
  return `${fmt(x * 100, 1)} %`;
}
