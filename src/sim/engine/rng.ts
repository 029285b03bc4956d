/**
 * Seeded random numbers: xoshiro128** (Blackman & Vigna, 2018) seeded through splitmix32, with
 * named streams. Each stream's state depends only on (seed, name), so adding a new stream or
 * drawing more from one stream never shifts the numbers another stream produces — the basis of
 * common random numbers when comparing policies.
 */

/** A source of uniform numbers in [0, 1). */
export interface RandomStream {
  /** Next uniform number in [0, 1). */
  next(): number;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** xoshiro128**: 128-bit state, period 2^128 − 1, passes BigCrush; 32-bit integer ops only. */
export class Xoshiro128 implements RandomStream {
  #a: number; #b: number; #c: number; #d: number;

  /** Seeds the four state words from a 32-bit seed through splitmix32. */
  constructor(seed: number) {
    const st = { s: seed | 0 };
    this.#a = splitmix32(st); this.#b = splitmix32(st); this.#c = splitmix32(st); this.#d = splitmix32(st);
    if ((this.#a | this.#b | this.#c | this.#d) === 0) this.#a = 1;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const b = this.#b;
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    this.#c ^= this.#a; this.#d ^= b; this.#b ^= this.#c; this.#a ^= this.#d;
    this.#c ^= t;
    this.#d = rotl(this.#d, 11);
    return r >>> 0;
  }

  /** Next uniform number in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Named independent streams derived from one run seed. */
export class RandomStreams {
  readonly seed: number;
  #streams = new Map<string, Xoshiro128>();

  /** `seed` is any integer; it is reduced to 32 bits. */
  constructor(seed: number) {
    this.seed = seed;
  }

  /** The stream called `name`: the same object on every call, seeded from (seed, name). */
  stream(name: string): Xoshiro128 {
    let s = this.#streams.get(name);
    if (!s) {
      const mix = { s: (this.seed >>> 0) ^ fnv1a(name) };
      splitmix32(mix);
      s = new Xoshiro128(splitmix32(mix) ^ Math.imul(fnv1a(name + '#'), 0x9e3779b9));
      this.#streams.set(name, s);
    }
    return s;
  }
}
