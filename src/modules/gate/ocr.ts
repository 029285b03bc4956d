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
  /** A separator (`-`, `.`) missing, extra, or one for the other: layouts vary between cameras. */
  separator: 0.5,
} as const;

/** The costs `readDistance` uses; `OCR_ONLY_COSTS` forbids the edits a confusion or a drop cannot explain. */
export type EditCosts = { [K in keyof typeof EDIT_COSTS]: number };
/** Only confusions and dropped characters: a read needing more is another plate, or an error of another kind. */
export const OCR_ONLY_COSTS: EditCosts = { ...EDIT_COSTS, extra: 99, substitution: 99, separator: 99 };

const isSeparator = (c: string) => c === '-' || c === '.';

function substitutionCost(a: string, b: string, costs: EditCosts): number {
  if (a === b) return 0;
  if (isSeparator(a) || isSeparator(b)) return isSeparator(a) && isSeparator(b) ? costs.separator : costs.substitution;
  return CONFUSABLE[a]?.includes(b) ? costs.confusion : costs.substitution;
}

/**
 * Weighted Levenshtein distance from what the camera read to a plate (both compacted): how much
 * OCR error it takes to explain the read as that plate.
 */
export function readDistance(read: string, plate: string, costs: EditCosts = EDIT_COSTS): number {
  const r = [...read];
  const p = [...plate];
  const drop = (c: string) => (isSeparator(c) ? costs.separator : costs.dropped);
  const extra = (c: string) => (isSeparator(c) ? costs.separator : costs.extra);
  let prev = [0];
  for (let j = 1; j <= r.length; j++) prev[j] = prev[j - 1]! + extra(r[j - 1]!);
  for (let i = 1; i <= p.length; i++) {
    const cur = [prev[0]! + drop(p[i - 1]!)];
    for (let j = 1; j <= r.length; j++) {
      cur[j] = Math.min(
        prev[j]! + drop(p[i - 1]!), // plate char i not in the read
        cur[j - 1]! + extra(r[j - 1]!), // read char j not on the plate
        prev[j - 1]! + substitutionCost(p[i - 1]!, r[j - 1]!, costs),
      );
    }
    prev = cur;
  }
  return prev[r.length]!;
}
