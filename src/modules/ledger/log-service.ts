import type { Clock } from '../../infra/clock/index.ts';
import type { Db, Tx } from '../../infra/db/index.ts';
import { ledgerError } from './errors.ts';
import { appendLeaf, frontierRoot, packFrontier, unpackFrontier } from './frontier.ts';
import { consistencyPlan, inclusionPlan, nodeKey, nodesOf, resolvePlan, sha256Tree, type LeafRange, type NodeId } from './merkle.ts';
import { leafData, normaliseEntry, type LedgerEntry, type NewEntry } from './model.ts';
import { NodeCache } from './node-cache.ts';
import { entries, head, nodes, writeAppend } from './store/log.ts';

/** An audit path (RFC 9162 §2.1.3) for one entry in a tree of a given size. */
export interface InclusionProof {
  index: number;
  treeSize: number;
  leafHash: Buffer;
  hashes: Buffer[];
}

/** A consistency proof (RFC 9162 §2.1.4) between two tree sizes. */
export interface ConsistencyProof {
  from: number;
  to: number;
  hashes: Buffer[];
}

interface Locked {
  size: number;
  frontier: Uint8Array[];
}

// The head as a transaction last wrote it: later appends in the same transaction (a batch of
// events delivered together) skip re-reading the row they already hold locked. Shared by every
// LedgerLog of the process, so two instances appending in one transaction stay in step.
const lockedHeads = new WeakMap<Tx, Locked>();

/**
 * The append-only Merkle log over the `ledger` tables. Appends run inside the caller's
 * transaction under the head row lock, so they commit (or vanish) with what they record, in one
 * order. Proofs are computed from stored complete subtrees, through an in-memory cache.
 */
export class LedgerLog {
  readonly #cache: NodeCache;
  // A committed size seen before; sizes only grow, so any size up to it exists.
  #knownSize = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    cache: NodeCache = new NodeCache(),
  ) {
    this.#cache = cache;
  }

  /**
   * Appends an entry in the caller's transaction and returns it with its index. An entry whose
   * source id is already logged is not appended again: the logged one is returned.
   */
  async append(tx: Tx, input: NewEntry): Promise<LedgerEntry> {
    const normal = normaliseEntry(input);
    if ('field' in normal) throw ledgerError('LEDGER_ENTRY_INVALID', `${normal.field} ${normal.message}`, [{ pointer: `/${normal.field}`, code: 'FIELD_INVALID', message: normal.message }]);
    const state = lockedHeads.get(tx) ?? (await this.#lock(tx));
    const entry: LedgerEntry = { index: state.size, ...normal };
    const added = appendLeaf(sha256Tree, state.frontier, state.size, sha256Tree.leaf(leafData(entry)));
    const next: Locked = { size: state.size + 1, frontier: added.frontier };
    if (!(await writeAppend(tx, entry, this.clock.now(), added.nodes, { size: next.size, frontier: packFrontier(next.frontier) }))) {
      lockedHeads.set(tx, state);
      return (await entries.bySourceId(tx, entry.sourceId))!;
    }
    lockedHeads.set(tx, next);
    return entry;
  }

  /** The committed tree size and root. */
  async head(): Promise<{ size: number; rootHash: Buffer }> {
    const h = await head.read(this.db);
    this.#knownSize = Math.max(this.#knownSize, h.size);
    return { size: h.size, rootHash: Buffer.from(frontierRoot(sha256Tree, unpackFrontier(h.frontier, h.size))) };
  }

  /** The entry at an index. */
  async entry(index: number): Promise<LedgerEntry & { leafHash: Buffer }> {
    const e = await entries.byIndex(this.db, index);
    if (!e) throw ledgerError('LEDGER_ENTRY_NOT_FOUND', `No entry at index ${index}`, undefined, { treeSize: (await this.head()).size });
    return withLeafHash(e);
  }

  /** The latest `limit` entries, newest first, each with its leaf hash. */
  async latest(limit: number): Promise<Array<LedgerEntry & { leafHash: Buffer }>> {
    const { size } = await this.head();
    const rows = await entries.range(this.db, Math.max(0, size - limit), size);
    return rows.reverse().map(withLeafHash);
  }

  /** The entries about a subject (e.g. a declaration), in log order. */
  entriesAbout(subject: string, limit = 500): Promise<LedgerEntry[]> {
    return entries.bySubject(this.db, subject, limit);
  }

  /** MTH of the first `size` leaves (any size up to the current one). */
  async rootAt(size: number): Promise<Buffer> {
    await this.#requireSize(size);
    const [root] = await this.#resolve([{ start: 0, end: size }]);
    return root!;
  }

  /** The audit path for entry `index` in the tree of `size` leaves (RFC 9162 §2.1.3.1). */
  async inclusionProof(index: number, size: number): Promise<InclusionProof> {
    if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) {
      throw ledgerError('LEDGER_PROOF_RANGE_INVALID', `an inclusion proof needs 0 <= index < size; got index ${index}, size ${size}`);
    }
    await this.#requireSize(size);
    const [leafHash, ...hashes] = await this.#resolve([{ start: index, end: index + 1 }, ...inclusionPlan(index, size)]);
    return { index, treeSize: size, leafHash: leafHash!, hashes };
  }

  /** The consistency proof between sizes `from` and `to` (RFC 9162 §2.1.4.1). */
  async consistencyProof(from: number, to: number): Promise<ConsistencyProof> {
    if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && from >= 1 && from <= to)) {
      throw ledgerError('LEDGER_PROOF_RANGE_INVALID', `a consistency proof needs 1 <= from <= to; got from ${from}, to ${to}`);
    }
    await this.#requireSize(to);
    return { from, to, hashes: await this.#resolve(consistencyPlan(from, to)) };
  }

  async #lock(tx: Tx): Promise<Locked> {
    const h = await head.lock(tx);
    return { size: h.size, frontier: unpackFrontier(h.frontier, h.size) };
  }

  async #requireSize(size: number): Promise<void> {
    if (size <= this.#knownSize) return;
    const current = (await head.read(this.db)).size;
    this.#knownSize = Math.max(this.#knownSize, current);
    if (size > current) throw ledgerError('LEDGER_SIZE_BEYOND_TREE', `the log has ${current} entries; size ${size} asked for`, undefined, { treeSize: current });
  }

  /** Hashes for plans: cached subtrees, the rest fetched in one query, then folded. */
  async #resolve(ranges: readonly LeafRange[]): Promise<Buffer[]> {
    const ids = nodesOf(ranges);
    const found = new Map<string, Buffer>();
    const missing: NodeId[] = [];
    for (const id of ids) {
      const hit = this.#cache.get(id);
      if (hit) found.set(nodeKey(id), hit);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const fetched = await nodes.fetch(this.db, missing);
      for (const id of missing) {
        const key = nodeKey(id);
        const hash = fetched.get(key);
        // A size we know committed has all its nodes; a gap means the store was damaged.
        if (!hash) throw new Error(`ledger node ${key} is missing: run \`borderflow ledger verify\``);
        this.#cache.put(key, id.level, hash);
        found.set(key, hash);
      }
    }
    return resolvePlan(sha256Tree, ranges, (id) => found.get(nodeKey(id))!).map((h) => Buffer.from(h));
  }
}

/** An entry with its RFC 9162 leaf hash, HASH(0x00 || d(m)). */
export function withLeafHash(e: LedgerEntry): LedgerEntry & { leafHash: Buffer } {
  return { ...e, leafHash: Buffer.from(sha256Tree.leaf(leafData(e))) };
}
