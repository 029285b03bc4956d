/**
 * The rule layer as one pure function: every enabled rule over the declaration and its history,
 * the reasons they give (most forcing and heaviest first), the rule score (a noisy-OR of the
 * reasons' weights: 1 − Π(1 − wᵢ)) and the channel the reasons force.
 */
import type { AssessmentInput } from '../engine/context.ts';
import { CHANNELS, maxChannel, type Channel, type RuleReason } from '../engine/reasons.ts';
import type { RuleConfig } from '../engine/rule-set.ts';
import { consistencyReasons } from './consistency.ts';
import { complianceReasons, newImporterReasons } from './history.ts';
import { partnerReasons } from './partner.ts';
import { randomControlReasons } from './random-control.ts';
import { currencyReasons, unitValueReasons } from './unit-value.ts';
import { watchlistReasons } from './watchlist.ts';

/** What the rule layer concluded. */
export interface RuleOutcome {
  reasons: RuleReason[];
  /** 1 − Π(1 − weight) over the reasons, in [0, 1]. */
  score: number;
  /** The most intrusive channel a reason forces, or null. */
  forced: Channel | null;
}

/** Runs every enabled rule. */
export function evaluateRules(input: AssessmentInput, c: RuleConfig): RuleOutcome {
  const d = input.declaration;
  const ctx = input.context;
  const reasons: RuleReason[] = [
    ...watchlistReasons(d, c.watchlists),
    ...(c.unitValue.enabled ? unitValueReasons(d, ctx, c.unitValue) : []),
    ...currencyReasons(d),
    ...(c.consistency.enabled ? consistencyReasons(d, c.consistency) : []),
    ...(c.newImporter.enabled ? newImporterReasons(d, ctx, input.assessedAt, c.newImporter) : []),
    ...(c.compliance.enabled ? complianceReasons(d, ctx, c.compliance) : []),
    ...(c.partner.enabled ? partnerReasons(d, ctx, c.partner) : []),
    ...randomControlReasons(input.declarationId, input.version, c.randomControl),
  ];
  let keep = 1;
  let forced: Channel | null = null;
  for (const r of reasons) {
    keep *= 1 - r.weight;
    forced = maxChannel(forced, r.channel);
  }
  const rank = (r: RuleReason) => (r.channel ? CHANNELS.indexOf(r.channel) + 1 : 0);
  // Stable sort: equal reasons keep rule order, so the list is the same on every re-run.
  reasons.sort((a, b) => rank(b) - rank(a) || b.weight - a.weight);
  return { reasons, score: 1 - keep, forced };
}
