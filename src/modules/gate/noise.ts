/**
 * The documented, seeded noise model the plate matcher is measured on (test/gate/matcher-set.test.ts
 * prints the figures). It stands in for a roadside ANPR camera until real reads are collected.
 *
 * Population (`expectedPlates`): Vietnamese plates of the border provinces and the big transport
 * hubs (12 Lạng Sơn, 14 Quảng Ninh, 29/30 Hà Nội, 15/16 Hải Phòng, 51 HCMC; series C, D, H, LD,
 * 5 digits, one in ten still 4 digits) and Chinese plates of Guangxi (桂A…桂P, five characters of
 * A–Z without I/O and digits). A share of "near twins" — a second plate one confusion away from
 * another, e.g. 桂A18345 and 桂A1B345 — is planted because the matcher must refer those.
 *
 * Each read (`noisyRead`) of a plate, independently:
 * - separators: printed (`29C-123.45`) or not (`29C12345`), ½ each;
 * - confusions: every character is replaced by one of its confusion group (0/O/D/Q, 1/I/L, 8/B,
 *   5/S, 2/Z) with probability `confusionRate` (4 %);
 * - a dropped character: with probability `dropRate` (8 %) one character is missing, anywhere
 *   (for CN plates the province character is the likeliest to be lost: half of those drops);
 * - a foreign substitution: with probability `foreignRate` (0.3 %) one character becomes an
 *   unrelated one — the error no matcher can always undo;
 * - the camera's confidence: 0.97 minus 0.08 per injected error, ± 0.02.
 */
import { CONFUSABLE } from './ocr.ts';
import { parsePlate } from './plates.ts';
import type { Rng } from './rng.ts';

/** The rates of the noise model (defaults documented above). */
export interface NoiseRates {
  confusionRate: number;
  dropRate: number;
  foreignRate: number;
}

/** The documented defaults. */
export const DEFAULT_NOISE: NoiseRates = { confusionRate: 0.04, dropRate: 0.08, foreignRate: 0.003 };

const VN_PROVINCES = ['12', '14', '29', '30', '15', '16', '51'];
const VN_SERIES = ['C', 'D', 'H', 'LD', 'C', 'H'];
const CN_CITY = 'ABCDEFGHJKLMNP';
const CN_ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += DIGITS[rng.below(10)];
  return s;
}

/** One random plate in canonical spelling. */
export function randomPlate(rng: Rng): string {
  if (rng.next() < 0.6) {
    const head = rng.pick(VN_PROVINCES) + rng.pick(VN_SERIES);
    return rng.next() < 0.1 ? `${head}-${digits(rng, 4)}` : `${head}-${digits(rng, 3)}.${digits(rng, 2)}`;
  }
  let tail = '';
  for (let i = 0; i < 5; i++) tail += CN_ALNUM[rng.below(CN_ALNUM.length)];
  return `桂${CN_CITY[rng.below(CN_CITY.length)]}${tail}`;
}

/** `n` distinct expected plates, `twinShare` of them near twins of another one. */
export function expectedPlates(rng: Rng, n: number, twinShare = 0.01): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const p = randomPlate(rng);
    out.add(p);
    if (out.size < n && rng.next() < twinShare) {
      const twin = confuseOne(rng, p);
      if (twin && parsePlate(twin)) out.add(parsePlate(twin)!.normalized);
    }
  }
  return [...out];
}

function confuseOne(rng: Rng, plate: string): string | null {
  const positions = [...plate].map((c, i) => (CONFUSABLE[c] ? i : -1)).filter((i) => i > 2);
  if (positions.length === 0) return null;
  const i = rng.pick(positions);
  return plate.slice(0, i) + rng.pick(CONFUSABLE[plate[i]!]!) + plate.slice(i + 1);
}

/** A noisy camera read of `plate` and the confidence the camera reports. */
export function noisyRead(rng: Rng, plate: string, rates: NoiseRates = DEFAULT_NOISE): { text: string; confidence: number } {
  let chars = [...(rng.next() < 0.5 ? plate : plate.replace(/[-.]/g, ''))];
  let errors = 0;
  chars = chars.map((c) => {
    const alts = CONFUSABLE[c];
    if (alts && rng.next() < rates.confusionRate) {
      errors++;
      return rng.pick(alts);
    }
    return c;
  });
  if (rng.next() < rates.dropRate) {
    const letters = chars.map((c, i) => (/[-.]/.test(c) ? -1 : i)).filter((i) => i >= 0);
    const i = chars[0] !== undefined && chars[0].charCodeAt(0) > 127 && rng.next() < 0.5 ? 0 : rng.pick(letters);
    chars.splice(i, 1);
    errors++;
  }
  if (rng.next() < rates.foreignRate) {
    const i = rng.below(chars.length);
    const pool = CN_ALNUM.replace(chars[i]!, '');
    chars[i] = pool[rng.below(pool.length)]!;
    errors++;
  }
  const confidence = Math.max(0.05, Math.min(1, 0.97 - 0.08 * errors + (rng.next() - 0.5) * 0.04));
  return { text: chars.join(''), confidence };
}
