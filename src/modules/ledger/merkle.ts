/**
 * Merkle tree hashing and proof construction of RFC 9162 §2.1 (the RFC 6962 tree), pure.
 *
 * The tree logic is generic over the hash value `H` so the exhaustive proof tests can run the
 * very same code with a cheap structural hasher; production uses `sha256Tree` (Uint8Array).
 * Proofs are built from *complete subtrees* only (`NodeId`): every hash an audit path or a
 * consistency proof needs is either a stored complete subtree or a fold of a few of them.
 */
import { hash } from 'node:crypto';

import type { TreeHasher } from './verify.ts';

export type { TreeHasher } from './verify.ts';

/** A SHA-256 hash (32 bytes). */
export type Hash = Uint8Array;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** RFC 9162 §2.1.1 with SHA-256, the hash algorithm of RFC 9162 §2.1 and C2SP checkpoints. */
export const sha256Tree: TreeHasher<Hash> = {
  empty: () => hash('sha256', Buffer.alloc(0), 'buffer'),
  leaf: (data) => hash('sha256', Buffer.concat([LEAF_PREFIX, data]), 'buffer'),
  node: (left, right) => hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer'),
  equal: (a, b) => a.length === b.length && Buffer.compare(a, b) === 0,
};

/** A complete subtree: the 2^level leaves starting at leaf index·2^level. Level 0 is a leaf. */
export interface NodeId {
  level: number;
  index: number;
}

/** Leaves [start, end): a proof element is MTH of such a range (RFC 9162 §2.1.1). */
export interface LeafRange {
  start: number;
  end: number;
}

/** The largest power of two strictly smaller than n (n > 1): the `k` of RFC 9162 §2.1.1. */
export function splitPoint(n: number): number {
  // log2 gives the right power but for rounding near 2^53; the loops correct it.
  let k = 2 ** Math.floor(Math.log2(n - 1));
  while (k >= n) k /= 2;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Calls `visit` for the complete subtrees that make up a range, right to left (smallest first):
 * the binary decomposition of its size. Every range of the RFC's recursion starts at a multiple
 * of the largest power of two not above its size, so these subtrees exist in the tree.
 */
export function eachSubtree(range: LeafRange, visit: (id: NodeId) => void): void {
  let pos = range.end;
  let rest = range.end - range.start;
  for (let level = 0, width = 1; rest > 0; level++, width *= 2) {
    if (rest % 2 === 1) {
      pos -= width;
      if (pos % width !== 0) throw new RangeError(`leaves [${range.start}, ${range.end}) do not split into complete subtrees`);
      visit({ level, index: pos / width });
    }
    rest = Math.floor(rest / 2);
  }
}

/**
 * MTH of a range from its complete subtrees: RFC 9162 §2.1.1's recursion splits off the largest
 * power of two on the left, so MTH is the right fold of the decomposition, smallest first.
 */
export function rangeHash<H>(hasher: TreeHasher<H>, range: LeafRange, lookup: (id: NodeId) => H): H {
  if (range.end <= range.start) return hasher.empty();
  let acc: H | undefined;
  // The walk of `eachSubtree`, inlined: this runs for every element of every proof.
  let pos = range.end;
  let rest = range.end - range.start;
  for (let level = 0, width = 1; rest > 0; level++, width *= 2) {
    if (rest % 2 === 1) {
      pos -= width;
      if (pos % width !== 0) throw new RangeError(`leaves [${range.start}, ${range.end}) do not split into complete subtrees`);
      const h = lookup({ level, index: pos / width });
      acc = acc === undefined ? h : hasher.node(h, acc);
    }
    rest = Math.floor(rest / 2);
  }
  return acc as H;
}

/**
 * The audit path PATH(m, D[n]) of RFC 9162 §2.1.3.1, as the ranges whose hashes form it, in
 * proof order (the sibling nearest the leaf first). Needs 0 ≤ m < n.
 */
export function inclusionPlan(m: number, n: number): LeafRange[] {
  if (!(m >= 0 && m < n)) throw new RangeError(`inclusion proof needs 0 <= index < size, got index ${m}, size ${n}`);
  const topDown: LeafRange[] = [];
  let lo = 0;
  let size = n;
  let index = m;
  // k only shrinks as the recursion descends: derive each from the last instead of from scratch.
  let k = n > 1 ? splitPoint(n) * 2 : 1;
  while (size > 1) {
    while (k >= size) k /= 2;
    if (index < k) {
      // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])
      topDown.push({ start: lo + k, end: lo + size });
      size = k;
    } else {
      // PATH(m, D[n]) = PATH(m - k, D[k:n]) : MTH(D[0:k])
      topDown.push({ start: lo, end: lo + k });
      lo += k;
      index -= k;
      size -= k;
    }
  }
  return topDown.reverse();
}

/**
 * The consistency proof PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of RFC 9162 §2.1.4.1, as ranges
 * in proof order. Needs 0 < m ≤ n; m = n gives the empty proof.
 */
export function consistencyPlan(m: number, n: number): LeafRange[] {
  if (!(m > 0 && m <= n)) throw new RangeError(`consistency proof needs 0 < from <= to, got from ${m}, to ${n}`);
  const topDown: LeafRange[] = [];
  let lo = 0;
  let size = n;
  let first = m;
  let complete = true; // the RFC's `b`: is D[0:m] a subtree the verifier already knows?
  let k = n > 1 ? splitPoint(n) * 2 : 1;
  while (first < size) {
    while (k >= size) k /= 2;
    if (first <= k) {
      // SUBPROOF(m, D[n], b) = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
      topDown.push({ start: lo + k, end: lo + size });
      size = k;
    } else {
      // SUBPROOF(m, D[n], b) = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
      topDown.push({ start: lo, end: lo + k });
      lo += k;
      first -= k;
      size -= k;
      complete = false;
    }
  }
  // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}
  if (!complete) topDown.push({ start: lo, end: lo + size });
  return topDown.reverse();
}

/** Every distinct complete subtree a set of ranges needs, so a store can fetch them in one query. */
export function nodesOf(ranges: readonly LeafRange[]): NodeId[] {
  const seen = new Map<string, NodeId>();
  for (const range of ranges) eachSubtree(range, (id) => seen.set(nodeKey(id), id));
  return [...seen.values()];
}

/** A compact key for a node id, for maps and caches. */
export function nodeKey(id: NodeId): string {
  return `${id.level}/${id.index}`;
}

/** Resolves ranges to their hashes with a lookup of complete subtrees. */
export function resolvePlan<H>(hasher: TreeHasher<H>, ranges: readonly LeafRange[], lookup: (id: NodeId) => H): H[] {
  return ranges.map((range) => rangeHash(hasher, range, lookup));
}
