/**
 * Per-stage dwell times, pure: how long trucks stayed in each stage (from the stage's stamp to
 * the next one), from the journeys' own stage records — measured, not estimated.
 */
import type { Journey, JourneyState } from './model.ts';

/** Dwell figures of one stage. */
export interface StageDwell {
  stage: JourneyState;
  /** Trucks that left the stage in the period. */
  completed: number;
  p50Minutes: number | null;
  p90Minutes: number | null;
  /** Trucks in the stage now, and the longest of their waits so far. */
  current: number;
  longestCurrentMinutes: number | null;
}

/** The stages a truck waits in on its way through (in order). */
export const DWELL_STAGES: readonly JourneyState[] = ['arrived', 'in_yard', 'called_forward', 'weighed', 'scanned', 'released', 'border_checked'];

const quantile = (xs: number[], p: number) => (xs.length ? Math.round(xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]! * 10) / 10 : null);

/** Dwell per stage over `journeys`: left stages counted when they were left at or after `since`. */
export function stageDwells(journeys: readonly Pick<Journey, 'stages' | 'state'>[], now: Date, since: Date): StageDwell[] {
  const done = new Map<JourneyState, number[]>();
  const current = new Map<JourneyState, number[]>();
  for (const j of journeys) {
    j.stages.forEach((s, i) => {
      const next = j.stages[i + 1];
      if (next) {
        if (next.at.getTime() >= since.getTime()) (done.get(s.stage) ?? done.set(s.stage, []).get(s.stage)!).push((next.at.getTime() - s.at.getTime()) / 60_000);
      } else if (s.stage === j.state) {
        (current.get(s.stage) ?? current.set(s.stage, []).get(s.stage)!).push((now.getTime() - s.at.getTime()) / 60_000);
      }
    });
  }
  return DWELL_STAGES.map((stage) => {
    const d = (done.get(stage) ?? []).sort((a, b) => a - b);
    const c = current.get(stage) ?? [];
    return {
      stage, completed: d.length, p50Minutes: quantile(d, 0.5), p90Minutes: quantile(d, 0.9), current: c.length,
      longestCurrentMinutes: c.length ? Math.round(Math.max(...c) * 10) / 10 : null,
    };
  });
}
