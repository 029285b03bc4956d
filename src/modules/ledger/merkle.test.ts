import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import vectors from './fixtures/rfc9162.json' with { type: 'json' };
import * as reference from './fixtures/rfc9162-reference.ts';
import { appendLeaf, frontierRoot } from './frontier.ts';
import { consistencyPlan, inclusionPlan, resolvePlan, sha256Tree, type NodeId, type TreeHasher } from './merkle.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');

/** A tree built by appending, as the store does: every complete subtree and the root per size. */
function build<H>(hasher: TreeHasher<H>, leaves: readonly Uint8Array[]) {
  const levels: H[][] = [];
  const roots: H[] = [hasher.empty()];
  let frontier: H[] = [];
  leaves.forEach((d, i) => {
    const added = appendLeaf(hasher, frontier, i, hasher.leaf(d));
    for (const n of added.nodes) (levels[n.level] ??= [])[n.index] = n.hash;
    frontier = added.frontier;
    roots.push(frontierRoot(hasher, frontier));
  });
  const lookup = (id: NodeId) => {
    const h = levels[id.level]?.[id.index];
    if (h === undefined) throw new Error(`no node ${id.level}/${id.index}`);
    return h;
  };
  return {
    roots,
    leaf: (m: number) => lookup({ level: 0, index: m }),
    inclusion: (m: number, n: number) => resolvePlan(hasher, inclusionPlan(m, n), lookup),
    consistency: (m: number, n: number) => resolvePlan(hasher, consistencyPlan(m, n), lookup),
  };
}

/**
 * A hasher that hash-conses: every distinct (left, right) pair gets its own integer, so two
 * values are equal exactly when they are the same expression tree. Proofs that verify with it
 * verify with any collision-resistant hash. It is many times cheaper than SHA-256, which is what
 * lets the exhaustive tests below cover every index and size up to 1,024 in a few seconds.
 */
function structuralHasher(): TreeHasher<number> {
  const leaves = new Map<string, number>();
  const nodes = new Map<number, number>();
  let next = 1;
  const PAIR = 2 ** 26; // ids stay below it, so l·PAIR + r is a unique, exact key for the pair
  const fresh = () => {
    if (next >= PAIR) throw new Error('too many distinct nodes for the structural hasher');
    return next++;
  };
  return {
    empty: () => 0,
    leaf: (d) => {
      const key = hex(d);
      let id = leaves.get(key);
      if (id === undefined) leaves.set(key, (id = fresh()));
      return id;
    },
    node: (l, r) => {
      let id = nodes.get(l * PAIR + r);
      if (id === undefined) nodes.set(l * PAIR + r, (id = fresh()));
      return id;
    },
    equal: (a, b) => a === b,
  };
}

const indexLeaves = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(i.toString(16).padStart(8, '0'), 'hex'));

describe('RFC 9162 §2.1 against the fixed vectors (computed from the RFC definitions)', () => {
  const leaves = vectors.leaves.map(unhex);
  const tree = build(sha256Tree, leaves);

  test('MTH of the empty tree and of sizes 1 to 8', () => {
    assert.equal(hex(tree.roots[0]!), vectors.emptyRoot);
    // These are also the roots Certificate Transparency implementations publish for these leaves.
    assert.deepEqual(tree.roots.slice(1).map(hex), vectors.roots);
  });

  test('every audit path PATH(m, D[n]) for n ≤ 8 is the fixture, and verifies (§2.1.3)', () => {
    for (const v of vectors.inclusion) {
      const path = tree.inclusion(v.index, v.size);
      assert.deepEqual(path.map(hex), v.path, `PATH(${v.index}, D[${v.size}])`);
      assert.ok(verifyInclusion(sha256Tree, v.index, v.size, sha256Tree.leaf(leaves[v.index]!), v.path.map(unhex), unhex(vectors.roots[v.size - 1]!)));
    }
  });

  test('every consistency proof PROOF(m, D[n]) for m ≤ n ≤ 8 is the fixture, and verifies (§2.1.4)', () => {
    for (const v of vectors.consistency) {
      const proof = tree.consistency(v.from, v.to);
      assert.deepEqual(proof.map(hex), v.proof, `PROOF(${v.from}, D[${v.to}])`);
      assert.ok(verifyConsistency(sha256Tree, v.from, v.to, v.proof.map(unhex), unhex(vectors.roots[v.from - 1]!), unhex(vectors.roots[v.to - 1]!)));
    }
  });

  test('a changed hash, index, size or root makes every proof fail', () => {
    const root = (n: number) => unhex(vectors.roots[n - 1]!);
    for (const v of vectors.inclusion.filter((x) => x.path.length > 0)) {
      const path = v.path.map(unhex);
      const leaf = sha256Tree.leaf(leaves[v.index]!);
      const flipped = path.map((h, i) => (i === path.length - 1 ? Buffer.from(h.map((b, j) => (j === 0 ? b ^ 1 : b))) : h));
      assert.equal(verifyInclusion(sha256Tree, v.index, v.size, leaf, flipped, root(v.size)), false);
      assert.equal(verifyInclusion(sha256Tree, (v.index + 1) % v.size, v.size, leaf, path, root(v.size)), false);
      assert.equal(verifyInclusion(sha256Tree, v.index, v.size, leaf, path.slice(1), root(v.size)), false);
      assert.equal(verifyInclusion(sha256Tree, v.index, v.size, leaf, [...path, path[0]!], root(v.size)), false);
      assert.equal(verifyInclusion(sha256Tree, v.index, v.size, sha256Tree.leaf(Buffer.from('x')), path, root(v.size)), false);
    }
    for (const v of vectors.consistency.filter((x) => x.from < x.to)) {
      const proof = v.proof.map(unhex);
      assert.equal(verifyConsistency(sha256Tree, v.from, v.to, proof, root(v.from), root(v.to === 8 ? 7 : v.to + 1)), false);
      assert.equal(verifyConsistency(sha256Tree, v.from, v.to, proof.slice(0, -1), root(v.from), root(v.to)), false);
      assert.equal(verifyConsistency(sha256Tree, v.from, v.to, [], root(v.from), root(v.to)), false);
    }
    assert.equal(verifyInclusion(sha256Tree, 8, 8, tree.leaf(0), [], tree.roots[8]!), false, 'index beyond the size');
    assert.equal(verifyConsistency(sha256Tree, 5, 4, [], tree.roots[5]!, tree.roots[4]!), false, 'from beyond to');
  });
});

describe('every index and size up to 1,024', () => {
  const N = 1024;

  test('inclusion proofs verify for every (index, size), and not for a neighbour index', () => {
    const hasher = structuralHasher();
    const tree = build(hasher, indexLeaves(N));
    for (let n = 1; n <= N; n++) {
      for (let m = 0; m < n; m++) {
        const path = tree.inclusion(m, n);
        if (!verifyInclusion(hasher, m, n, tree.leaf(m), path, tree.roots[n]!)) assert.fail(`inclusion of ${m} in ${n} does not verify`);
        if (n > 1 && m % 7 === 0 && verifyInclusion(hasher, (m + 1) % n, n, tree.leaf(m), path, tree.roots[n]!)) assert.fail(`inclusion of ${m} in ${n} verifies at ${(m + 1) % n}`);
      }
    }
  });

  test('consistency proofs verify for every 1 ≤ from ≤ to, and not against another root', () => {
    const hasher = structuralHasher();
    const tree = build(hasher, indexLeaves(N));
    for (let n = 1; n <= N; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = tree.consistency(m, n);
        if (!verifyConsistency(hasher, m, n, proof, tree.roots[m]!, tree.roots[n]!)) assert.fail(`consistency ${m} → ${n} does not verify`);
        if (m < n && m % 7 === 0 && verifyConsistency(hasher, m, n, proof, tree.roots[m - 1]!, tree.roots[n]!)) assert.fail(`consistency ${m} → ${n} verifies with the wrong old root`);
      }
    }
  });

  test('with SHA-256: every proof up to size 64 verifies, and roots match the literal RFC recursion at larger sizes', () => {
    const leaves = indexLeaves(1500);
    const tree = build(sha256Tree, leaves);
    for (let n = 1; n <= 64; n++) {
      for (let m = 0; m < n; m++) assert.ok(verifyInclusion(sha256Tree, m, n, tree.leaf(m), tree.inclusion(m, n), tree.roots[n]!));
      for (let m = 1; m <= n; m++) assert.ok(verifyConsistency(sha256Tree, m, n, tree.consistency(m, n), tree.roots[m]!, tree.roots[n]!));
    }
    for (const n of [65, 100, 127, 128, 129, 511, 1000, 1023, 1024, 1025, 1500]) {
      assert.equal(hex(tree.roots[n]!), hex(reference.mth(leaves.slice(0, n))), `MTH(D[${n}])`);
      for (const m of [0, 1, Math.floor(n / 2), n - 1]) assert.deepEqual(tree.inclusion(m, n).map(hex), reference.path(m, leaves.slice(0, n)).map(hex));
      for (const m of [1, 3, Math.floor(n / 2), n - 1]) assert.deepEqual(tree.consistency(m, n).map(hex), reference.proof(m, leaves.slice(0, n)).map(hex));
    }
  });
});
