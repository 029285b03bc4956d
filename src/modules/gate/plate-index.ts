/**
 * A symmetric-delete index (as in SymSpell) over the expected plates, so a read is scored against
 * a handful of candidates instead of every truck. Plates are reduced to their confusion-class
 * skeleton (every O, D, Q becomes 0, …), and each plate is filed under its skeleton and every
 * skeleton with one or two characters deleted. A read looks up its own skeleton and deletions:
 * that finds every plate within two non-confusion edits — everything closer than 1.8 in
 * `readDistance` units. The store keeps the same keys in a table; this in-memory form serves the
 * pure tests and the twin.
 */
import { DEFAULT_MATCH_POLICY, matchPlate, type MatchPolicy, type PlateCandidate, type PlateMatch } from './matcher.ts';
import { CONFUSION_GROUPS, EDIT_COSTS } from './ocr.ts';
import { compactPlate } from './plates.ts';

const CLASS_OF: Record<string, string> = Object.fromEntries(CONFUSION_GROUPS.flatMap((g) => [...g].map((c) => [c, g[0]!])));

/** A plate or read reduced to its confusion classes (`2ZC-I23.4S` → `22C12345`). */
export function skeleton(text: string): string {
  return [...compactPlate(text)].map((c) => CLASS_OF[c] ?? c).join('');
}

/** The skeleton and every variant with up to `depth` characters deleted: the keys a plate is filed under. */
export function deletionKeys(text: string, depth = 2): string[] {
  const out = new Set<string>([skeleton(text)]);
  let frontier = [...out];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const k of frontier) {
      const chars = [...k];
      for (let i = 0; i < chars.length; i++) {
        const v = chars.slice(0, i).concat(chars.slice(i + 1)).join('');
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return [...out];
}

/** Below this best distance, every rival the index cannot see is at least `minMargin` behind. */
export function indexIsExact(best: number, policy: MatchPolicy): boolean {
  return best + policy.minMargin <= 3 * EDIT_COSTS.dropped;
}

/** The expected plates, indexed. */
export class PlateIndex {
  readonly #byKey = new Map<string, PlateCandidate[]>();
  readonly #all: PlateCandidate[] = [];

  constructor(candidates: readonly PlateCandidate[] = []) {
    for (const c of candidates) this.add(c);
  }

  /** Files one candidate. */
  add(c: PlateCandidate): void {
    this.#all.push(c);
    for (const k of deletionKeys(c.plate)) {
      const list = this.#byKey.get(k);
      if (list) list.push(c);
      else this.#byKey.set(k, [c]);
    }
  }

  /** Same answer as `matchPlate` over every candidate, looking at only the nearby ones. */
  match(read: string, readConfidence: number, policy: MatchPolicy = DEFAULT_MATCH_POLICY): PlateMatch {
    const near = new Map<string, PlateCandidate>();
    for (const k of deletionKeys(read)) for (const c of this.#byKey.get(k) ?? []) near.set(c.id, c);
    const m = matchPlate(read, readConfidence, [...near.values()], policy);
    const best = m.kind === 'matched' ? m.distance : m.candidates[0]?.distance;
    if (best !== undefined && !indexIsExact(best, policy) && best <= policy.maxDistance) return matchPlate(read, readConfidence, this.#all, policy);
    return m;
  }
}
