/**
 * Channel thresholds calibrated to target inspection rates. Given recent assessments re-scored
 * under the current rules and model, the red threshold is placed so that the declarations forced
 * red plus those scoring at or above it make the red target share, then the yellow one likewise
 * among the rest. Equal scores (common with rules only) are ordered by each declaration's seeded
 * tie draw, so a cut through a block of equal scores still hits the target, reproducibly.
 */
import { maxChannel, type Channel } from './reasons.ts';

/** A threshold: a score, and among equal scores the least tie draw that is in. */
export interface Threshold {
  score: number;
  tie: number;
}

/** What a calibration decided and achieved. */
export interface Thresholds {
  yellow: Threshold;
  red: Threshold;
}

/** A threshold no score reaches (scores are ≤ 1 and tie draws < 1). */
export const NEVER: Threshold = { score: 1, tie: 1 };

/** True when (score, tie) is at or above the threshold. */
export function reaches(score: number, tie: number, t: Threshold): boolean {
  return score > t.score || (score === t.score && tie >= t.tie);
}

/** The channel of a score: by thresholds, raised to what the rules force. */
export function channelFor(score: number, tie: number, forced: Channel | null, t: Thresholds): { byScore: Channel; channel: Channel } {
  const byScore: Channel = reaches(score, tie, t.red) ? 'red' : reaches(score, tie, t.yellow) ? 'yellow' : 'green';
  return { byScore, channel: maxChannel(byScore, forced)! };
}

/** One re-scored assessment. */
export interface ScoredItem {
  score: number;
  tie: number;
  forced: Channel | null;
}

/** The result of a calibration. */
export interface CalibrationResult {
  thresholds: Thresholds;
  achieved: { red: number; yellow: number; green: number };
  notes: string[];
}

/** Target shares of declarations per channel. */
export interface ChannelTargets {
  red: number;
  yellow: number;
}

/** Places the thresholds so that the channel shares of `items` hit the targets (to within 1/n). */
export function calibrateThresholds(items: readonly ScoredItem[], targets: ChannelTargets): CalibrationResult {
  const n = items.length;
  const notes: string[] = [];
  const desc = (a: ScoredItem, b: ScoredItem) => b.score - a.score || b.tie - a.tie;
  const cut = (pool: ScoredItem[], needed: number, channel: Channel, forcedCount: number): Threshold => {
    if (needed <= 0) {
      if (needed < 0) notes.push(`forced ${channel} alone is ${pct(forcedCount / n)}, above the ${channel} target: no declaration goes ${channel} by score`);
      return NEVER;
    }
    if (needed >= pool.length) {
      notes.push(`every remaining declaration goes ${channel} to reach the target`);
      return { score: 0, tie: 0 };
    }
    const at = pool.sort(desc)[needed - 1]!;
    return { score: at.score, tie: at.tie };
  };
  const forcedRed = items.filter((i) => i.forced === 'red');
  const red = cut(items.filter((i) => i.forced !== 'red'), Math.round(n * targets.red) - forcedRed.length, 'red', forcedRed.length);
  const rest = items.filter((i) => i.forced !== 'red' && !reaches(i.score, i.tie, red));
  const forcedYellow = rest.filter((i) => i.forced === 'yellow');
  const yellow = cut(rest.filter((i) => i.forced !== 'yellow'), Math.round(n * targets.yellow) - forcedYellow.length, 'yellow', forcedYellow.length);
  const thresholds = { red, yellow };
  const count = { red: 0, yellow: 0, green: 0 };
  for (const i of items) count[channelFor(i.score, i.tie, i.forced, thresholds).channel]++;
  return { thresholds, achieved: { red: count.red / n, yellow: count.yellow / n, green: count.green / n }, notes };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}
