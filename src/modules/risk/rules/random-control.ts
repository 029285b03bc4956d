/**
 * Random control selection: a configured share of declarations is sent to a channel regardless of
 * risk, so that officers also see ordinary traffic (and the model gets labels that are not only
 * of what it already suspected). The draw is seeded by the rule set and the declaration version:
 * the same declaration version is always selected or always not, and it can be re-run.
 */
import { drawFor } from '../engine/draw.ts';
import { fig, pct, reason, type RuleReason } from '../engine/reasons.ts';
import type { RuleConfig } from '../engine/rule-set.ts';

/** The random-control reason, when this declaration version is drawn. */
export function randomControlReasons(declarationId: string, version: number, cfg: RuleConfig['randomControl']): RuleReason[] {
  if (!(cfg.rate > 0)) return [];
  const draw = drawFor('random-control', cfg.seed, declarationId, version);
  if (draw >= cfg.rate) return [];
  return [reason('randomControl', 'RANDOM_CONTROL', {
    vi: `Được chọn ngẫu nhiên để kiểm tra (tỷ lệ ${pct(cfg.rate)})`,
    en: `Selected at random for control (rate ${pct(cfg.rate)})`,
    zh: `被随机抽中查验（抽查率 ${pct(cfg.rate)}）`,
  }, { rate: cfg.rate, draw: fig(draw), seed: cfg.seed }, 0, cfg.channel)];
}
