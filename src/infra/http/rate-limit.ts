import type { Clock } from '../clock/index.ts';

/**
 * A fixed-window counter per key (e.g. per source address), in memory. Each process counts on
 * its own: behind a load balancer the effective limit is per instance, which is what we want
 * for slowing down password guessing; account lockout is the durable, shared defence.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; returns the seconds to wait when the key is over its limit, else 0. */
  hit(key: string): number {
    const now = this.clock.now().getTime();
    const w = this.#windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.#windows.set(key, { start: now, count: 1 });
      if (this.#windows.size > 100_000) this.#evict(now);
      return 0;
    }
    w.count++;
    return w.count > this.max ? Math.ceil((w.start + this.windowMs - now) / 1000) : 0;
  }

  #evict(now: number): void {
    for (const [k, w] of this.#windows) if (now - w.start >= this.windowMs) this.#windows.delete(k);
  }
}
