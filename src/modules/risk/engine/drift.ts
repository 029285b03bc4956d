/**
 * Score drift: the population stability index of each week's scores against a reference
 * distribution (the model's training scores, or the first week when there is no model).
 * PSI = Σ (aᵢ − eᵢ) · ln(aᵢ / eᵢ) over score bins, shares floored at 0.0001 so an empty bin does
 * not make it infinite. Conventional reading: < 0.1 stable, 0.1–0.25 moderate, > 0.25 shifted.
 */
import type { ScoreReference } from '../bf/model.ts';

const FLOOR = 1e-4;

/** The bin of a score: the number of edges it lies above. */
export function binOf(edges: readonly number[], x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x > edges[mid]!) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A reference of `bins` quantile bins from a sample of scores. */
export function referenceOf(scores: readonly number[], bins = 10): ScoreReference {
  const s = Float64Array.from(scores).sort();
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const e = s[Math.min(s.length - 1, Math.floor((k * s.length) / bins))]!;
    if (s.length && (edges.length === 0 || e > edges[edges.length - 1]!)) edges.push(Number(e.toPrecision(12)));
  }
  return { edges, shares: sharesOf(edges, scores) };
}

/** Share of the scores in each bin of the edges. */
export function sharesOf(edges: readonly number[], scores: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const x of scores) counts[binOf(edges, x)]!++;
  return counts.map((c) => (scores.length ? c / scores.length : 0));
}

/** PSI of a sample against a reference. */
export function psi(reference: ScoreReference, scores: readonly number[]): number {
  const actual = sharesOf(reference.edges, scores);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = Math.max(actual[i]!, FLOOR);
    const e = Math.max(reference.shares[i]!, FLOOR);
    sum += (a - e) * Math.log(a / e);
  }
  return sum;
}

/** How a PSI reads. */
export function driftLevel(value: number): 'stable' | 'moderate' | 'shifted' {
  return value < 0.1 ? 'stable' : value <= 0.25 ? 'moderate' : 'shifted';
}

/** ISO 8601 week of an instant (UTC): `2026-W48`, with the Monday it starts on. */
export function isoWeek(at: Date): { week: string; monday: string } {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const day = d.getUTCDay() || 7;
  const monday = new Date(d.getTime() - (day - 1) * 86_400_000);
  const thursday = new Date(d.getTime() + (4 - day) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return { week: `${year}-W${String(week).padStart(2, '0')}`, monday: monday.toISOString().slice(0, 10) };
}

/** One week of the drift report. */
export interface WeeklyDrift {
  week: string;
  from: string;
  assessments: number;
  psi: number;
  level: 'stable' | 'moderate' | 'shifted';
}

/** PSI per ISO week of scored assessments, oldest first. Without a reference, the first week is it. */
export function weeklyDrift(rows: ReadonlyArray<{ at: Date; score: number }>, reference: ScoreReference | null): { reference: 'model' | 'first-week' | null; weeks: WeeklyDrift[] } {
  const byWeek = new Map<string, { monday: string; scores: number[] }>();
  for (const r of rows) {
    const w = isoWeek(r.at);
    const entry = byWeek.get(w.week) ?? { monday: w.monday, scores: [] };
    entry.scores.push(r.score);
    byWeek.set(w.week, entry);
  }
  const weeks = [...byWeek.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  if (weeks.length === 0) return { reference: reference ? 'model' : null, weeks: [] };
  const ref = reference ?? referenceOf(weeks[0]![1].scores);
  return {
    reference: reference ? 'model' : 'first-week',
    weeks: weeks.map(([week, w]) => {
      const value = Number(psi(ref, w.scores).toPrecision(4));
      return { week, from: w.monday, assessments: w.scores.length, psi: value, level: driftLevel(value) };
    }),
  };
}
