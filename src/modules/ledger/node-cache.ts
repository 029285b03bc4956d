import type { NodeId } from './merkle.ts';

/**
 * Committed subtree hashes kept in memory, so a proof is served without a database round trip.
 * Safe without invalidation: a node is written once, when its subtree completes, and only hashes
 * read back after commit are cached. Upper levels (few, touched by every proof) are kept for
 * good; the bulk of the tree — leaves and low nodes — is bounded, oldest out first.
 */
export class NodeCache {
  readonly #upper = new Map<string, Buffer>();
  readonly #lower = new Map<string, Buffer>();

  constructor(
    /** Nodes at this level and above are never evicted (a 2^level-th of the tree). */
    private readonly pinnedLevel = 6,
    /** Most low-level nodes kept. */
    private readonly lowerCapacity = 200_000,
  ) {}

  /** The cached hash, or undefined. */
  get(id: NodeId): Buffer | undefined {
    const key = `${id.level}/${id.index}`;
    return id.level >= this.pinnedLevel ? this.#upper.get(key) : this.#lower.get(key);
  }

  /** Remembers a committed node hash. */
  put(key: string, level: number, hash: Buffer): void {
    if (level >= this.pinnedLevel) {
      this.#upper.set(key, hash);
      return;
    }
    if (this.#lower.size >= this.lowerCapacity) {
      const oldest = this.#lower.keys().next();
      if (!oldest.done) this.#lower.delete(oldest.value);
    }
    this.#lower.set(key, hash);
  }

  /** How many hashes are held (for metrics). */
  get size(): number {
    return this.#upper.size + this.#lower.size;
  }
}
