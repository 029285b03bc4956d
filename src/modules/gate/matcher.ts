/**
 * Matches a plate read to the vehicles the gate expects. Every candidate is scored by how much
 * OCR error it takes to explain the read (`readDistance`); the best one is accepted only when it
 * is close enough **and** clearly ahead of the next one. Anything else is referred to an officer
 * with the candidates — the matcher never guesses.
 *
 * Two things the read itself says are used too. Its layout: a read printed with separators
 * (`51C-96.34`) is compared with each plate's printed layout, so a character lost inside a group
 * is not mistaken for one lost elsewhere. And its form: a read that is itself a well-formed plate
 * (`15C-295.55`) and reaches a booked plate only through an error no camera confusion or
 * dropped character explains (a foreign character) is most likely a correct read of a truck
 * nobody booked — it is referred (`not_expected`), never matched.
 */
import { EDIT_COSTS, OCR_ONLY_COSTS, readDistance } from './ocr.ts';
import { compactPlate, normalizePlate, wellFormedRead } from './plates.ts';

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
  /**
   * A read that spells a booked plate exactly, from a camera that is sure of it, needs a smaller
   * lead: the runner-up would need the camera to have misread a character it was sure of.
   */
  confidentExact?: { minConfidence: number; minMargin: number };
}

/**
 * Accepts up to one dropped character plus two confusions, four confusions, or one foreign
 * character (on a read that is not itself a well-formed plate). The runner-up must be at least
 * three confusions behind: a confusion against a foreign character is decided, an exact read
 * against a dropped character (`30H7622` / `30H-762.42`) is not. An exact read at camera
 * confidence ≥ 0.93 (the noise model's clean reads: 0.95–0.99; one error: 0.87–0.91) needs one
 * confusion's lead: `桂A18345` read cleanly is that truck, not its booked near twin `桂A1B345`.
 */
export const DEFAULT_MATCH_POLICY: MatchPolicy = { maxDistance: 1.1, minMargin: 0.75, confidentExact: { minConfidence: 0.93, minMargin: 0.25 } };

/** A scored candidate. */
export interface ScoredCandidate {
  id: string;
  plate: string;
  distance: number;
}

/** The matcher's answer. `referral` carries the reason and the closest candidates for the officer. */
export type PlateMatch =
  | { kind: 'matched'; id: string; plate: string; distance: number; confidence: number; margin: number }
  | { kind: 'referral'; reason: 'ambiguous' | 'no_match' | 'not_expected' | 'empty_read'; candidates: ScoredCandidate[] };

const SEPARATED = /[-.]/;

/** The read as the camera laid it out: case and spacing normalised, `-` and `.` kept. */
function laidOut(read: string): string {
  return read.normalize('NFKC').replace(/[\s·•_]/g, '').toUpperCase();
}

/**
 * Matches `read` (any spelling) against `candidates`. `readConfidence` is the camera's own
 * confidence (0–1); the answer's confidence combines it with how well the plate explains the read.
 */
export function matchPlate(read: string, readConfidence: number, candidates: readonly PlateCandidate[], policy: MatchPolicy = DEFAULT_MATCH_POLICY): PlateMatch {
  const r = compactPlate(read);
  if (r.length < 3) return { kind: 'referral', reason: 'empty_read', candidates: [] };
  const layout = laidOut(read);
  const separated = SEPARATED.test(layout);
  // The texts compared: laid out when both the read and the plate's printed form have separators.
  const texts = (plate: string): [string, string] => {
    const printed = separated ? normalizePlate(plate) : '';
    return separated && SEPARATED.test(printed) ? [layout, printed] : [r, compactPlate(plate)];
  };
  const scored: ScoredCandidate[] = [];
  // Trucks a character further off than the policy accepts: never rivals, but shown to the officer.
  const further: ScoredCandidate[] = [];
  for (const c of candidates) {
    const gap = Math.abs(compactPlate(c.plate).length - r.length) * EDIT_COSTS.dropped;
    // A length gap alone costs more than the policy accepts (plus one more lost character for
    // `further`): skip the full distance.
    if (gap > policy.maxDistance + EDIT_COSTS.dropped) continue;
    const [a, b] = texts(c.plate);
    (gap > policy.maxDistance ? further : scored).push({ id: c.id, plate: c.plate, distance: readDistance(a, b) });
  }
  const byDistance = (a: ScoredCandidate, b: ScoredCandidate) => a.distance - b.distance || a.id.localeCompare(b.id);
  scored.sort(byDistance);
  const [best, next] = scored;
  if (!best || best.distance > policy.maxDistance) return { kind: 'referral', reason: 'no_match', candidates: [...scored, ...further].sort(byDistance).slice(0, 3) };
  // The same plate twice (two journeys of one truck) is not ambiguity about the plate.
  const rival = scored.find((s) => compactPlate(s.plate) !== compactPlate(best.plate));
  const margin = rival ? rival.distance - best.distance : Infinity;
  const sure = best.distance === 0 && policy.confidentExact !== undefined && readConfidence >= policy.confidentExact.minConfidence;
  if (margin < (sure ? policy.confidentExact!.minMargin : policy.minMargin)) return { kind: 'referral', reason: 'ambiguous', candidates: scored.slice(0, Math.max(2, scored.indexOf(rival ?? next!) + 1)).slice(0, 5) };
  // A read printed in a plate's own layout (`51C-779.3`) that needs a separator moved is another layout, so another plate.
  const ocrOnly = separated && normalizePlate(read) === layout ? OCR_ONLY_COSTS : { ...OCR_ONLY_COSTS, separator: EDIT_COSTS.separator };
  if (wellFormedRead(read) && readDistance(...texts(best.plate), ocrOnly) > best.distance + 1e-9) {
    return { kind: 'referral', reason: 'not_expected', candidates: scored.slice(0, 3) };
  }
  const fit = 1 - best.distance / (2 * policy.maxDistance);
  return { kind: 'matched', id: best.id, plate: best.plate, distance: round(best.distance), confidence: round(Math.max(0, Math.min(1, readConfidence)) * fit), margin: round(Math.min(margin, 99)) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
