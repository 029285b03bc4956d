/**
 * ISO 6346 container numbers: owner code (3 letters), category (U, J, Z), six-digit serial and a
 * check digit. Container cameras confuse letters and digits; the check digit lets the gate
 * correct a read — but only when exactly one correction fits. Pure functions.
 */
import { CONFUSABLE } from './ocr.ts';

// ISO 6346 Annex A: letters take the values 10…38, skipping multiples of 11.
const LETTER_VALUES: Record<string, number> = (() => {
  const out: Record<string, number> = {};
  let v = 10;
  for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (v % 11 === 0) v++;
    out[c] = v++;
  }
  return out;
})();

const FORMAT = /^[A-Z]{3}[UJZ]\d{7}$/;

/** The check digit of the first ten characters: (Σ valueᵢ·2ⁱ mod 11) mod 10. */
export function iso6346CheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const c = first10[i]!;
    sum += (/\d/.test(c) ? Number(c) : LETTER_VALUES[c]!) * 2 ** i;
  }
  return (sum % 11) % 10;
}

/** True for a well-formed container number with a correct check digit. */
export function isValidContainerNumber(value: string): boolean {
  return FORMAT.test(value) && iso6346CheckDigit(value.slice(0, 10)) === Number(value[10]);
}

/** What a container read resolved to. */
export type ContainerResolution =
  | { kind: 'valid'; number: string; corrected: boolean }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'invalid'; reason: string };

const isLetterPos = (i: number) => i < 4;

// Container cameras also mix up digits of similar shape (stencilled, often dirty): 3/8, 6/8, 0/8, 1/7.
const DIGIT_CONFUSABLE: Readonly<Record<string, readonly string[]>> = { '3': ['8'], '8': ['3', '6', '0'], '6': ['8'], '0': ['8'], '1': ['7'], '7': ['1'] };

/** Characters a camera may have meant at position `i`, the read one first. */
function alternatives(c: string, i: number): string[] {
  const alts = [c, ...(CONFUSABLE[c] ?? []), ...(DIGIT_CONFUSABLE[c] ?? [])];
  return [...new Set(alts)].filter((a) => (isLetterPos(i) ? /[A-Z]/.test(a) : /\d/.test(a)));
}

/**
 * Resolves a container-number read: spaces removed, letters and digits put where ISO 6346 wants
 * them, then the check digit decides. A read that fails its check digit is corrected only when
 * exactly one single-character OCR confusion makes it valid (or exactly one of `expected` is
 * within one confusion); two or more fits, or a single fit that is not among `expected` when the
 * expected containers are known, are `ambiguous` and go to an officer.
 */
export function resolveContainerRead(raw: string, expected: readonly string[] = []): ContainerResolution {
  const v = raw.replace(/[\s\-.]/g, '').toUpperCase();
  if (v.length !== 11) return { kind: 'invalid', reason: `${v.length} characters, a container number has 11` };
  // Positionally forced fixes: a digit in the owner code or a letter in the serial can only be a confusion.
  const forced = [...v].map((c, i) => alternatives(c, i));
  if (forced.some((a) => a.length === 0)) return { kind: 'invalid', reason: 'a character fits neither a letter nor a digit position' };
  const base = forced.map((a) => a[0]!).join('');
  const changedByPosition = base !== v;
  if (isValidContainerNumber(base)) return { kind: 'valid', number: base, corrected: changedByPosition };
  const fits = new Set<string>();
  for (let i = 0; i < 11; i++) {
    for (const alt of forced[i]!.slice(1)) {
      const candidate = base.slice(0, i) + alt + base.slice(i + 1);
      if (isValidContainerNumber(candidate)) fits.add(candidate);
    }
  }
  const known = [...fits].filter((f) => expected.includes(f));
  if (known.length === 1) return { kind: 'valid', number: known[0]!, corrected: true };
  // Knowing what should come, a correction to anything else is a guess: refer it.
  if (fits.size === 1 && expected.length === 0) return { kind: 'valid', number: [...fits][0]!, corrected: true };
  if (fits.size === 1) return { kind: 'ambiguous', candidates: [...fits] };
  if (fits.size > 1) return { kind: 'ambiguous', candidates: [...fits].sort() };
  return { kind: 'invalid', reason: 'the check digit fails and no single OCR confusion repairs it' };
}
