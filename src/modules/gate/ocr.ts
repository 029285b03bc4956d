/**
 * The character confusions of plate and container cameras (0/O/D/Q, 1/I/L, 8/B, 5/S, 2/Z) and
 * the weighted edit distance the matcher ranks candidates by. Pure.
 */

/** Groups of characters cameras mistake for one another. */
export const CONFUSION_GROUPS: readonly string[] = ['0ODQ', '1IL', '8B', '5S', '2Z'];

/** For each confusable character, the others of its group. */
export const CONFUSABLE: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  CONFUSION_GROUPS.flatMap((g) => [...g].map((c) => [c, [...g].filter((o) => o !== c)])),
);

/** Costs of the edit operations; a confusion is cheap, anything else is not. */
export const EDIT_COSTS = {
  /** Swapping two characters of one confusion group (O read for 0). */
  confusion: 0.25,
  /** A character of the plate the camera missed (the read is shorter). */
  dropped: 0.6,
  /** A character in the read that is not on the plate. */
  extra: 1,
  /** Any other substitution. */
  substitution: 1,
} as const;

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  return CONFUSABLE[a]?.includes(b) ? EDIT_COSTS.confusion : EDIT_COSTS.substitution;
}

/**
 * Weighted Levenshtein distance from what the camera read to a plate (both compacted): how much
 * OCR error it takes to explain the read as that plate.
 */
export function readDistance(read: string, plate: string): number {
  const r = [...read];
  const p = [...plate];
  let prev = Array.from({ length: r.length + 1 }, (_, j) => j * EDIT_COSTS.extra);
  for (let i = 1; i <= p.length; i++) {
    const cur = [i * EDIT_COSTS.dropped];
    for (let j = 1; j <= r.length; j++) {
      cur[j] = Math.min(
        prev[j]! + EDIT_COSTS.dropped, // plate char i not in the read
        cur[j - 1]! + EDIT_COSTS.extra, // read char j not on the plate
        prev[j - 1]! + substitutionCost(p[i - 1]!, r[j - 1]!),
      );
    }
    prev = cur;
  }
  return prev[r.length]!;
}
