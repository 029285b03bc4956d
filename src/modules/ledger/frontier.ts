/**
 * The right edge of the tree: the complete subtrees of the binary decomposition of its size,
 * largest first. It is all an append needs (the new nodes are the leaf and the parents it
 * completes) and all a root needs (RFC 9162 §2.1.1: MTH is their right fold). Pure.
 */
import type { NodeId, TreeHasher } from './merkle.ts';

/** A node an append completes, to be stored. */
export interface NewNode<H> extends NodeId {
  hash: H;
}

/** The result of appending one leaf to a frontier. */
export interface Appended<H> {
  frontier: H[];
  /** The leaf (level 0) and every parent it completes, bottom up. */
  nodes: NewNode<H>[];
}

/**
 * Appends leaf number `size` (0-based) to the frontier of a tree of `size` leaves. A parent is
 * complete exactly when its right child is, so while the new node is a right child (odd index)
 * it merges with the frontier's last subtree, which is its left sibling.
 */
export function appendLeaf<H>(hasher: TreeHasher<H>, frontier: readonly H[], size: number, leafHash: H): Appended<H> {
  const next = frontier.slice();
  const nodes: NewNode<H>[] = [{ level: 0, index: size, hash: leafHash }];
  let h = leafHash;
  let index = size;
  let level = 0;
  while (index % 2 === 1) {
    const left = next.pop();
    if (left === undefined) throw new Error(`frontier of ${frontier.length} subtrees does not fit a tree of ${size} leaves`);
    h = hasher.node(left, h);
    index = (index - 1) / 2;
    level++;
    nodes.push({ level, index, hash: h });
  }
  next.push(h);
  return { frontier: next, nodes };
}

/** MTH(D[n]) from the frontier of a tree of n leaves. */
export function frontierRoot<H>(hasher: TreeHasher<H>, frontier: readonly H[]): H {
  if (frontier.length === 0) return hasher.empty();
  let h = frontier[frontier.length - 1] as H;
  for (let i = frontier.length - 2; i >= 0; i--) h = hasher.node(frontier[i] as H, h);
  return h;
}

/** How many subtrees the frontier of a tree of `size` leaves holds: the set bits of the size. */
export function frontierLength(size: number): number {
  let bits = 0;
  for (let n = size; n > 0; n = Math.floor(n / 2)) bits += n % 2;
  return bits;
}

/** Packs a SHA-256 frontier into bytes for storage (32 bytes per subtree). */
export function packFrontier(frontier: readonly Uint8Array[]): Buffer {
  return Buffer.concat(frontier.map((h) => Buffer.from(h)));
}

/** Unpacks a stored frontier; checks it fits the size, since a wrong frontier would corrupt every later node. */
export function unpackFrontier(bytes: Uint8Array, size: number): Buffer[] {
  const count = frontierLength(size);
  if (bytes.length !== count * 32) throw new Error(`stored frontier has ${bytes.length} bytes; a tree of ${size} leaves needs ${count * 32}`);
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) out.push(Buffer.from(bytes.subarray(i * 32, i * 32 + 32)));
  return out;
}
