import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock/index.ts';
import { systemClock } from '../clock/index.ts';

const ENCODING = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32, as the ULID spec requires

/** A source of random bytes; tests and the twin pass a seeded one. */
export type RandomBytes = (n: number) => Uint8Array;

/** Generates prefixed ULIDs (`decl_01J…`): 48-bit time, 80-bit randomness, sortable by time. */
export interface IdGenerator {
  /** A new id with the given prefix, e.g. `next('decl')`. */
  next(prefix: string): string;
}

/** Encodes a ULID (https://github.com/ulid/spec) from a timestamp and 10 random bytes. */
export function encodeUlid(timeMs: number, random: Uint8Array): string {
  let time = '';
  let t = timeMs;
  for (let i = 0; i < 10; i++) {
    time = ENCODING[t % 32] + time;
    t = Math.floor(t / 32);
  }
  // 80 bits of randomness → 16 base32 characters, 5 bits each.
  let bits = 0n;
  for (const b of random.subarray(0, 10)) bits = (bits << 8n) | BigInt(b);
  let rand = '';
  for (let i = 0; i < 16; i++) {
    rand = ENCODING[Number(bits & 31n)] + rand;
    bits >>= 5n;
  }
  return time + rand;
}

/**
 * An id generator over a clock and a random source. Monotonic within a millisecond, as the ULID
 * spec describes: a second id in the same millisecond is the previous one's randomness plus one,
 * so ids made one after the other sort in the order they were made (what "latest wins" relies on).
 */
export function createIdGenerator(clock: Clock = systemClock, random: RandomBytes = randomBytes): IdGenerator {
  let lastTime = -1;
  let last: Uint8Array = new Uint8Array(10);
  return {
    next(prefix) {
      const time = clock.now().getTime();
      if (time === lastTime) last = increment(last);
      else {
        lastTime = time;
        last = random(10).slice(0, 10);
      }
      return `${prefix}_${encodeUlid(time, last)}`;
    },
  };
}

/** The 80-bit big-endian number plus one (wrapping to zero after all ones: 2^80 ids in a millisecond). */
function increment(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    out[i] = (out[i]! + 1) & 255;
    if (out[i] !== 0) break;
  }
  return out;
}

/** A deterministic random source (xorshift128+) for tests and the twin. */
export function seededRandomBytes(seed: number): RandomBytes {
  let s0 = BigInt(seed) | 1n;
  let s1 = 0x9e3779b97f4a7c15n ^ BigInt(seed);
  const mask = (1n << 64n) - 1n;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let x = s0;
      const y = s1;
      s0 = y;
      x = (x ^ (x << 23n)) & mask;
      s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
      out[i] = Number((s1 + y) & 255n);
    }
    return out;
  };
}
