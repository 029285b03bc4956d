/**
 * Matches a plate read to the vehicles the gate expects. Every candidate is scored by how much
 * OCR error it takes to explain the read (`readDistance`); the best one is accepted only when it
 * is close enough **and** clearly ahead of the next one. Anything else is referred to an officer
 * with the candidates — the matcher never guesses.
 */
import { readDistance } from './ocr.ts';
import { compactPlate } from './plates.ts';

/** A vehicle the gate expects, under the id of whatever the caller tracks (a journey). */
export interface PlateCandidate {
  id: string;
  plate: string;
}

/** Thresholds, in edit-cost units (a confusion costs 0.25, a dropped character 0.6, anything else 1). */
export interface MatchPolicy {
  /** Largest distance still accepted as the same plate. */
  maxDistance: number;
  /** How far the runner-up must be behind the best. */
  minMargin: number;
}

/** Accepts up to one dropped character plus two confusions, or four confusions; the runner-up must be a whole substitution behind. */
export const DEFAULT_MATCH_POLICY: MatchPolicy = { maxDistance: 1.1, minMargin: 0.9 };

/** A scored candidate. */
export interface ScoredCandidate {
  id: string;
  plate: string;
  distance: number;
}

/** The matcher's answer. `referral` carries the reason and the closest candidates for the officer. */
export type PlateMatch =
  | { kind: 'matched'; id: string; plate: string; distance: number; confidence: number; margin: number }
  | { kind: 'referral'; reason: 'ambiguous' | 'no_match' | 'empty_read'; candidates: ScoredCandidate[] };

/**
 * Matches `read` (any spelling) against `candidates`. `readConfidence` is the camera's own
 * confidence (0–1); the answer's confidence combines it with how well the plate explains the read.
 */
export function matchPlate(read: string, readConfidence: number, candidates: readonly PlateCandidate[], policy: MatchPolicy = DEFAULT_MATCH_POLICY): PlateMatch {
  const r = compactPlate(read);
  if (r.length < 3) return { kind: 'referral', reason: 'empty_read', candidates: [] };
  const scored: ScoredCandidate[] = [];
  for (const c of candidates) {
    const plate = compactPlate(c.plate);
    // A length gap alone already costs more than the policy accepts: skip the full distance.
    if (Math.abs(plate.length - r.length) * 0.6 > policy.maxDistance) continue;
    scored.push({ id: c.id, plate: c.plate, distance: readDistance(r, plate) });
  }
  scored.sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
  const [best, next] = scored;
  if (!best || best.distance > policy.maxDistance) return { kind: 'referral', reason: 'no_match', candidates: scored.slice(0, 3) };
  // The same plate twice (two journeys of one truck) is not ambiguity about the plate.
  const rival = scored.find((s) => compactPlate(s.plate) !== compactPlate(best.plate));
  const margin = rival ? rival.distance - best.distance : Infinity;
  if (margin < policy.minMargin) return { kind: 'referral', reason: 'ambiguous', candidates: scored.slice(0, Math.max(2, scored.indexOf(rival ?? next!) + 1)).slice(0, 5) };
  const fit = 1 - best.distance / (2 * policy.maxDistance);
  return { kind: 'matched', id: best.id, plate: best.plate, distance: round(best.distance), confidence: round(Math.max(0, Math.min(1, readConfidence)) * fit), margin: round(Math.min(margin, 99)) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
