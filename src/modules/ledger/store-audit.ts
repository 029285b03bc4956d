/**
 * Re-derives the whole log from its stored records and checks everything stored against it:
 * every leaf hash, every interior node, the head, and every checkpoint's root and signature.
 * Streams in batches, so memory stays flat whatever the log's size.
 */
import type { Db } from '../../infra/db/index.ts';
import { openCheckpoint } from './checkpoint.ts';
import { appendLeaf, frontierRoot, unpackFrontier, type NewNode } from './frontier.ts';
import { sha256Tree } from './merkle.ts';
import { leafData } from './model.ts';
import type { NoteVerifier } from './note.ts';
import { checkpoints, type StoredCheckpoint } from './store/checkpoints.ts';
import { entries, head, nodes } from './store/log.ts';

/** The first thing that does not verify: the first entry index it puts in doubt, and why. */
export interface LogDefect {
  index: number;
  reason: string;
}

/** The outcome of `auditStoredLog`. */
export interface LogAudit {
  ok: boolean;
  entries: number;
  checkpoints: number;
  /** The latest checkpoint's size and base64 root, when there is one. */
  latest: { size: number; rootHash: string } | null;
  firstBad: LogDefect | null;
}

const BATCH = 4096;

/** Verifies the stored log against its records and its signed checkpoints (`borderflow ledger verify`). */
export async function auditStoredLog(db: Db, logKey: NoteVerifier): Promise<LogAudit> {
  const result: LogAudit = { ok: true, entries: 0, checkpoints: 0, latest: null, firstBad: null };
  const fail = (d: LogDefect): LogAudit => ({ ...result, ok: false, firstBad: d });
  // The latest checkpoint first, then the head: a checkpoint is issued from a committed head and
  // heads only grow, so every checkpoint up to this one must fit in this head even while the log
  // keeps growing under us. Entries appended after this head are left for the next run.
  const lastSigned = (await checkpoints.latest(db))?.size ?? 0;
  const stored = await head.read(db);
  const cursor = new CheckpointCursor(db, lastSigned);
  let frontier: Uint8Array[] = [];
  let size = 0;

  // Checks every checkpoint whose size the recomputed tree has just reached.
  const reached = async (): Promise<LogDefect | null> => {
    for (let c = await cursor.peek(); c && c.size === size; c = await cursor.peek()) {
      const defect = checkCheckpoint(c, logKey, frontierRoot(sha256Tree, frontier), result.latest?.size ?? 0);
      if (defect) return defect;
      cursor.shift();
      result.checkpoints++;
      result.latest = { size: c.size, rootHash: c.rootHash.toString('base64') };
    }
    return null;
  };

  const empty = await reached();
  if (empty) return fail(empty);
  for (let from = 0; from < stored.size; from += BATCH) {
    const batch = await entries.range(db, from, Math.min(from + BATCH, stored.size));
    const storedNodes = await nodes.completedBy(db, from, from + batch.length);
    for (const e of batch) {
      if (e.index !== size) return fail({ index: size, reason: `entry ${size} is missing (the next stored entry is ${e.index})` });
      const added = appendLeaf(sha256Tree, frontier, size, sha256Tree.leaf(leafData(e)));
      const bad = added.nodes.find((n) => !matches(storedNodes, n));
      if (bad) return fail({ index: bad.level === 0 ? e.index : bad.index * 2 ** bad.level, reason: describe(bad, storedNodes) });
      frontier = added.frontier;
      size++;
      result.entries = size;
      const defect = await reached();
      if (defect) return fail(defect);
    }
    if (batch.length === 0) break;
  }
  if (size < stored.size) return fail({ index: size, reason: `the head says ${stored.size} entries; only ${size} are stored from 0 on` });
  const beyond = await cursor.peek();
  if (beyond) return fail({ index: size, reason: `checkpoint of size ${beyond.size} was signed but the log holds ${size} entries: entries from ${size} on are missing` });
  const storedRoot = frontierRoot(sha256Tree, unpackFrontier(stored.frontier, stored.size));
  if (!sha256Tree.equal(storedRoot, frontierRoot(sha256Tree, frontier))) {
    return fail({ index: result.latest?.size ?? 0, reason: 'the stored head frontier does not match the entries: later appends would be corrupt' });
  }
  return result;
}

/** Walks the checkpoints up to a size, smallest first, a page at a time. */
class CheckpointCursor {
  #page: StoredCheckpoint[] = [];
  #after = -1;
  #done = false;

  constructor(
    private readonly db: Db,
    private readonly upTo: number,
  ) {}

  async peek(): Promise<StoredCheckpoint | null> {
    if (this.#page.length === 0 && !this.#done) {
      this.#page = (await checkpoints.after(this.db, this.#after, BATCH)).filter((c) => c.size <= this.upTo);
      this.#done = this.#page.length === 0;
      if (this.#page.length > 0) this.#after = this.#page[this.#page.length - 1]!.size;
    }
    return this.#page[0] ?? null;
  }

  shift(): void {
    this.#page.shift();
  }
}

function checkCheckpoint(c: StoredCheckpoint, logKey: NoteVerifier, recomputed: Uint8Array, previousSize: number): LogDefect | null {
  let opened;
  try {
    opened = openCheckpoint(c.note, logKey);
  } catch (err) {
    return { index: previousSize, reason: `checkpoint of size ${c.size}: ${(err as Error).message}` };
  }
  if (opened.size !== c.size || !opened.rootHash.equals(c.rootHash)) return { index: previousSize, reason: `checkpoint of size ${c.size}: the stored size or root differs from the signed note` };
  if (!sha256Tree.equal(opened.rootHash, recomputed)) {
    return { index: previousSize, reason: `checkpoint of size ${c.size}: the entries recompute to another root; an entry from ${previousSize} to ${c.size - 1} changed after it was signed` };
  }
  return null;
}

function matches(stored: Map<string, Buffer>, n: NewNode<Uint8Array>): boolean {
  const s = stored.get(`${n.level}/${n.index}`);
  return s !== undefined && sha256Tree.equal(s, n.hash);
}

function describe(n: NewNode<Uint8Array>, stored: Map<string, Buffer>): string {
  const what = stored.has(`${n.level}/${n.index}`) ? 'does not match' : 'is missing';
  if (n.level === 0) return `entry ${n.index}: the stored record does not match its leaf hash (the leaf ${what})`;
  const first = n.index * 2 ** n.level;
  return `tree node level ${n.level} index ${n.index} (entries ${first} to ${first + 2 ** n.level - 1}) ${what} what the entries compute`;
}
