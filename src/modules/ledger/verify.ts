/**
 * Proof verification as RFC 9162 specifies it, step by step, pure. These are the functions a
 * third party runs with nothing but a checkpoint, an entry and a proof; they never trust the log.
 * Sizes and indexes are plain numbers (safe up to 2^53 leaves); shifts are done by halving.
 * This file imports nothing, so the web app's ledger page runs the very same verifier in the
 * browser (with a SHA-256 of its own).
 */

/** The two hash operations of RFC 9162 §2.1.1. */
export interface TreeHasher<H> {
  /** MTH({}) = HASH(): the root of the empty tree. */
  empty(): H;
  /** MTH({d(0)}) = HASH(0x00 || d(0)). */
  leaf(data: Uint8Array): H;
  /** HASH(0x01 || left || right). */
  node(left: H, right: H): H;
  /** True when two hashes are the same value. */
  equal(a: H, b: H): boolean;
}


const isOdd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);

/**
 * The root an audit path leads to (RFC 9162 §2.1.3.2, steps 1–3), or null when the path cannot
 * belong to this index and size. `verifyInclusion` compares it with the root (step 4).
 */
export function rootFromInclusionProof<H>(hasher: TreeHasher<H>, leafIndex: number, treeSize: number, leafHash: H, path: readonly H[]): H | null {
  // 1. If leaf_index is greater than or equal to tree_size, then stop and fail the proof verification.
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) return null;
  // 2. Set fn to leaf_index and sn to tree_size - 1. 3. Set r to hash.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of path) {
    // 4a. If sn is 0, then stop the iteration and fail the proof verification.
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      // 4b. r = HASH(0x01 || p || r); then, if LSB(fn) is not set, shift until it is or fn is 0.
      r = hasher.node(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      // Otherwise: r = HASH(0x01 || r || p).
      r = hasher.node(r, p);
    }
    // 4c. Right-shift both fn and sn one time.
    fn = half(fn);
    sn = half(sn);
  }
  // 5. Compare sn to 0 (the root comparison is the caller's).
  return sn === 0 ? r : null;
}

/** True when `path` proves the leaf hash is at `leafIndex` in the tree of `treeSize` with `root` (RFC 9162 §2.1.3.2). */
export function verifyInclusion<H>(hasher: TreeHasher<H>, leafIndex: number, treeSize: number, leafHash: H, path: readonly H[], root: H): boolean {
  const r = rootFromInclusionProof(hasher, leafIndex, treeSize, leafHash, path);
  return r !== null && hasher.equal(r, root);
}

/**
 * True when `proof` shows the tree of `first` leaves with `firstRoot` is a prefix of the tree of
 * `second` leaves with `secondRoot` (RFC 9162 §2.1.4.2). Equal sizes need an empty proof and the
 * same root; a tree of size 0 is a prefix of every tree.
 */
export function verifyConsistency<H>(hasher: TreeHasher<H>, first: number, second: number, proof: readonly H[], firstRoot: H, secondRoot: H): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && hasher.equal(firstRoot, secondRoot);
  if (first === 0) return proof.length === 0;
  // 1. If consistency_path is an empty array, stop and fail the proof verification.
  if (proof.length === 0) return false;
  // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  // 3. Set fn to first - 1 and sn to second - 1.
  let fn = first - 1;
  let sn = second - 1;
  // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5. Set both fr and sr to the first value in the consistency_path array.
  let fr = path[0] as H;
  let sr = path[0] as H;
  // 6. For each subsequent value c in the consistency_path array:
  for (let i = 1; i < path.length; i++) {
    const c = path[i] as H;
    // 6a. If sn is 0, then stop the iteration and fail the proof verification.
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      // 6b-i. fr = HASH(0x01 || c || fr), sr = HASH(0x01 || c || sr).
      fr = hasher.node(c, fr);
      sr = hasher.node(c, sr);
      // 6b-ii. If LSB(fn) is not set, right-shift both until LSB(fn) is set or fn is 0.
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      // Otherwise: sr = HASH(0x01 || sr || c).
      sr = hasher.node(sr, c);
    }
    // 6c. Right-shift both fn and sn one time.
    fn = half(fn);
    sn = half(sn);
  }
  // 7. fr equals first_hash, sr equals second_hash, and sn is 0.
  return sn === 0 && hasher.equal(fr, firstRoot) && hasher.equal(sr, secondRoot);
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}
