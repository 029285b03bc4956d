import { systemClock, type Clock } from '../clock/index.ts';
import { sha256Hex } from '../crypto/index.ts';
import type { DeviceAuthenticator, DeviceIdentity } from './types.ts';

/** Options for `cachingAuthenticator`. */
export interface AuthCacheOptions {
  /** How long a successful check is reused; 0 turns the cache off. */
  ttlMs: number;
  clock?: Clock;
  /** Bound on remembered devices, so a flood of distinct ids cannot grow memory. */
  maxEntries?: number;
}

/**
 * Remembers successful device authentications for a short while. Secrets are checked with
 * scrypt (~50 ms of CPU each), and a flapping device or a gate's worth of devices reconnecting
 * would otherwise pay that on every connect. Only successes are cached, keyed by the SHA-256 of
 * the secret (the secret itself is never kept); a revoked device is refused again after `ttlMs`.
 */
export function cachingAuthenticator(inner: DeviceAuthenticator, opts: AuthCacheOptions): DeviceAuthenticator {
  if (opts.ttlMs <= 0) return inner;
  const clock = opts.clock ?? systemClock;
  const maxEntries = opts.maxEntries ?? 10_000;
  const cache = new Map<string, { identity: DeviceIdentity; expiresAt: number }>();
  return {
    async authenticate(deviceId, secret) {
      const key = `${deviceId}\u0000${sha256Hex(secret)}`;
      const now = clock.now().getTime();
      const hit = cache.get(key);
      if (hit && hit.expiresAt > now) return hit.identity;
      cache.delete(key);
      const identity = await inner.authenticate(deviceId, secret);
      if (identity) {
        // Maps iterate in insertion order, so the first key is the oldest entry.
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
        cache.set(key, { identity, expiresAt: now + opts.ttlMs });
      }
      return identity;
    },
  };
}
