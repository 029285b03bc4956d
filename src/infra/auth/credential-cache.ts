import { sha256Hex } from '../crypto/index.ts';

/** Options for a `CredentialCache`. */
export interface CredentialCacheOptions {
  /** How long a successful check is reused; 0 turns the cache off. */
  ttlMs: number;
  /** Bound on remembered credentials, so a flood of distinct ids cannot grow memory. */
  maxEntries?: number;
  /**
   * Milliseconds of a monotonic clock. Defaults to `performance.now()`: the cache saves CPU, so it
   * runs on real time even when the platform runs on a simulated clock.
   */
  now?: () => number;
}

/**
 * Remembers successful secret checks for a short while. Device secrets are checked with scrypt
 * (~50 ms of CPU each) while a camera reads every few seconds and a gate's worth of devices may
 * reconnect at once. Only successes are cached, keyed by id and the SHA-256 of the secret (the
 * secret itself is never kept); `forget` drops an id at once — what deactivating a device does.
 * HTTP device reads and MQTT connections share one cache, so one deactivation covers both.
 */
export class CredentialCache<T> {
  private readonly entries = new Map<string, { identity: T; expiresAt: number }>();
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Bumped by `forget`: a check that started before it must not cache its (stale) success. */
  private generation = 0;

  constructor(
    private readonly check: (id: string, secret: string) => Promise<T | null>,
    private readonly o: CredentialCacheOptions,
  ) {
    this.maxEntries = o.maxEntries ?? 10_000;
    this.now = o.now ?? (() => performance.now());
  }

  /** The identity for this id and secret, from the cache or from a fresh check; null when refused. */
  async authenticate(id: string, secret: string): Promise<T | null> {
    if (this.o.ttlMs <= 0) return this.check(id, secret);
    const key = `${id}\u0000${sha256Hex(secret)}`;
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.identity;
    this.entries.delete(key);
    const generation = this.generation;
    const identity = await this.check(id, secret);
    if (identity && generation === this.generation) {
      // Maps iterate in insertion order, so the first key is the oldest entry.
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { identity, expiresAt: this.now() + this.o.ttlMs });
    }
    return identity;
  }

  /** Drops every remembered secret of `id`: its next use is checked again. */
  forget(id: string): void {
    this.generation += 1;
    const prefix = `${id}\u0000`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}
