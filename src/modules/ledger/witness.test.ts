import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, test } from 'node:test';
import { cosign, openCheckpoint, signCheckpoint, verifyCosignature } from './checkpoint.ts';
import { appendLeaf, frontierRoot } from './frontier.ts';
import { consistencyPlan, resolvePlan, sha256Tree, type NodeId } from './merkle.ts';
import { noteSigner, noteVerifier, parseNote, rawPublicKey, SIG_COSIGNATURE_V1 } from './note.ts';
import { detectFork, judgeCheckpoint, type TreeHead } from './witness.ts';

/** One side: a log key, a witness key and an in-memory log (the same tree code the store uses). */
function site(name: string, logKey = generateKeyPairSync('ed25519').privateKey) {
  const witnessKey = generateKeyPairSync('ed25519').privateKey;
  const signer = noteSigner(`borderflow.example/${name}`, logKey);
  const cosigner = noteSigner(`borderflow.example/${name}/witness`, witnessKey, SIG_COSIGNATURE_V1);
  const nodes = new Map<string, Uint8Array>();
  let frontier: Uint8Array[] = [];
  let size = 0;
  const lookup = (id: NodeId) => nodes.get(`${id.level}/${id.index}`)!;
  return {
    logKey,
    signer,
    cosigner,
    logVerifier: noteVerifier(signer.name, rawPublicKey(logKey)),
    witnessVerifier: noteVerifier(cosigner.name, rawPublicKey(witnessKey), SIG_COSIGNATURE_V1),
    append(...entries: string[]) {
      for (const e of entries) {
        const added = appendLeaf(sha256Tree, frontier, size, sha256Tree.leaf(Buffer.from(e)));
        for (const n of added.nodes) nodes.set(`${n.level}/${n.index}`, n.hash);
        frontier = added.frontier;
        size++;
      }
    },
    checkpoint: () => signCheckpoint({ origin: signer.name, size, rootHash: Buffer.from(frontierRoot(sha256Tree, frontier)) }, signer),
    proof: (from: number) => (from === 0 ? [] : resolvePlan(sha256Tree, consistencyPlan(from, size), lookup)),
  };
}

/** A witness's memory of one peer: the largest tree head it cosigned. */
function witnessOf(peer: ReturnType<typeof site>, self: ReturnType<typeof site>) {
  let last: TreeHead | null = null;
  const seen = new Map<number, TreeHead>();
  return (note: string, proof: Uint8Array[]) => {
    const c = openCheckpoint(note, peer.logVerifier);
    const verdict = judgeCheckpoint(last, seen.get(c.size) ?? null, c, proof);
    if (verdict.kind !== 'cosign') return { verdict, line: null };
    last = { size: c.size, rootHash: c.rootHash };
    seen.set(c.size, last);
    return { verdict, line: cosign(c.text, 1_790_000_000, self.cosigner) };
  };
}

describe('witnessing between two sites', () => {
  test('each side cosigns the other’s growing log, and the cosignatures verify with the cosigner keys', () => {
    const vn = site('VN-MONGCAI');
    const cn = site('CN-DONGXING');
    const vnWitnessesCn = witnessOf(cn, vn);
    const cnWitnessesVn = witnessOf(vn, cn);
    let vnSeenByCn = 0;
    let cnSeenByVn = 0;
    for (const round of [3, 5, 0, 17]) {
      vn.append(...Array.from({ length: round }, (_, i) => `vn ${round}-${i}`));
      cn.append(...Array.from({ length: round + 1 }, (_, i) => `cn ${round}-${i}`));
      const vnNote = vn.checkpoint();
      const byCn = cnWitnessesVn(vnNote, vn.proof(vnSeenByCn));
      assert.equal(byCn.verdict.kind, 'cosign');
      assert.equal(verifyCosignature(parseNote(vnNote + byCn.line!), cn.witnessVerifier)?.timestamp, 1_790_000_000);
      vnSeenByCn = openCheckpoint(vnNote, vn.logVerifier).size;
      const cnNote = cn.checkpoint();
      const byVn = vnWitnessesCn(cnNote, cn.proof(cnSeenByVn));
      assert.equal(byVn.verdict.kind, 'cosign');
      assert.ok(verifyCosignature(parseNote(cnNote + byVn.line!), vn.witnessVerifier));
      cnSeenByVn = openCheckpoint(cnNote, cn.logVerifier).size;
    }
    assert.equal(vnSeenByCn, 25);
  });

  test('a forked log is caught: same size with another root, and a bigger tree that does not extend the cosigned one', () => {
    const vn = site('VN-MONGCAI');
    const cn = site('CN-DONGXING');
    const cnWitnessesVn = witnessOf(vn, cn);
    vn.append('a', 'b', 'c', 'd', 'e');
    assert.equal(cnWitnessesVn(vn.checkpoint(), []).verdict.kind, 'cosign');

    // The same key signs a second history: entry 2 rewritten ("c" → "C").
    const fork = site('VN-MONGCAI', vn.logKey);
    fork.append('a', 'b', 'C', 'd', 'e');
    const sameSize = cnWitnessesVn(fork.checkpoint(), []).verdict;
    assert.deepEqual(sameSize.kind === 'fork' && [sameSize.code, sameSize.reason], ['LEDGER_FORK_DETECTED', 'same_size_different_root']);

    fork.append('f', 'g');
    const grown = cnWitnessesVn(fork.checkpoint(), fork.proof(5)).verdict;
    assert.deepEqual(grown.kind === 'fork' && grown.reason, 'inconsistent', 'the fork’s own proof from 5 cannot reach the cosigned root');

    // The honest log keeps being cosigned.
    vn.append('f', 'g');
    assert.equal(cnWitnessesVn(vn.checkpoint(), vn.proof(5)).verdict.kind, 'cosign');
  });

  test('refusals that are not forks: a missing proof, a replayed older checkpoint; a contradicting older one is a fork', () => {
    const vn = site('VN-MONGCAI');
    const w = witnessOf(vn, site('CN-DONGXING'));
    vn.append('a', 'b', 'c');
    const at3 = vn.checkpoint();
    assert.equal(w(at3, []).verdict.kind, 'cosign');
    vn.append('d');
    const missing = w(vn.checkpoint(), []).verdict;
    assert.deepEqual(missing.kind === 'refuse' && missing.code, 'LEDGER_CONSISTENCY_PROOF_INVALID');
    assert.equal(w(vn.checkpoint(), vn.proof(3)).verdict.kind, 'cosign');
    const replay = w(at3, []).verdict;
    assert.deepEqual(replay.kind === 'refuse' && replay.code, 'LEDGER_CHECKPOINT_STALE');
    const other = site('VN-MONGCAI', vn.logKey);
    other.append('a', 'b', 'X');
    const contradicts = w(other.checkpoint(), []).verdict;
    assert.deepEqual(contradicts.kind === 'fork' && contradicts.reason, 'same_size_different_root');
  });

  test('detectFork is null for consistent heads and names the reason otherwise', () => {
    const vn = site('VN-MONGCAI');
    vn.append('a', 'b', 'c');
    const a = openCheckpoint(vn.checkpoint(), vn.logVerifier);
    vn.append('d', 'e');
    const b = openCheckpoint(vn.checkpoint(), vn.logVerifier);
    assert.equal(detectFork(a, b, vn.proof(3)), null);
    assert.equal(detectFork(a, a, []), null);
    assert.equal(detectFork(a, b, vn.proof(3).slice(1))?.reason, 'inconsistent');
    assert.equal(detectFork(a, { size: 3, rootHash: b.rootHash }, [])?.reason, 'same_size_different_root');
  });
});
