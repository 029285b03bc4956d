/**
 * Seeded, reproducible draws for one declaration version: a uniform number in [0, 1) from
 * SHA-256 of a purpose, a seed, the declaration id and its version. The same declaration version
 * always gets the same draw, so random control selection and tie-breaking can be re-run exactly,
 * and nobody can pick a declaration's draw without changing the declaration.
 */
import { createHash } from 'node:crypto';

/** A uniform draw in [0, 1) for a declaration version. */
export function drawFor(purpose: string, seed: number, declarationId: string, version: number): number {
  const h = createHash('sha256').update(`${purpose}|${seed}|${declarationId}|${version}`).digest();
  // 48 bits: exactly representable in a double.
  return h.readUIntBE(0, 6) / 2 ** 48;
}
