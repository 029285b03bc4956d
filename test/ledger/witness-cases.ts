import assert from 'node:assert/strict';
import { test } from 'node:test';
import { systemContext } from '../../src/infra/auth/index.ts';
import { sql } from '../../src/infra/db/index.ts';
import { cosign } from '../../src/modules/ledger/checkpoint.ts';
import { openCheckpoint, parseNote, parseVerifierKey, sha256Tree, verifyConsistency, verifyCosignature } from '../../src/modules/ledger/index.ts';
import { peerSite } from './peer.ts';
import { appendDirect, type LedgerRig } from './support.ts';

async function rows(rig: LedgerRig, table: 'ledger.forks' | 'ledger.peers' | 'ledger.peer_checkpoints'): Promise<number> {
  const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(rig.database.db);
  return Number(r.rows[0]!.n);
}

/** The witness service against the store: we (the rig) witness a partner kept in memory, and it witnesses us. */
export function witnessCases(get: () => LedgerRig): void {
  const cn = peerSite('CN-DONGXING');
  const ctx = systemContext();

  test('a partner checkpoint is cosigned, first on sight and then with a consistency proof from the last one cosigned', async () => {
    const rig = get();
    cn.append('a', 'b', 'c');
    const first = await rig.ledger.witness.witness(ctx, { verifierKey: cn.verifierKey, checkpoint: cn.checkpoint(), proof: [] });
    assert.ok(first.ok, JSON.stringify(first));
    const ourWitnessKey = parseVerifierKey(rig.ledger.witness.verifierKey);
    assert.equal(verifyCosignature(parseNote(first.cosigned), ourWitnessKey)?.timestamp, Math.floor(rig.clock.now().getTime() / 1000));
    const seenAt3 = cn.size;
    cn.append('d', 'e', 'f', 'g', 'h', 'i');
    const grown = await rig.ledger.witness.witness(ctx, { verifierKey: cn.verifierKey, checkpoint: cn.checkpoint(), proof: cn.proof(seenAt3) });
    assert.ok(grown.ok && grown.size === 9, JSON.stringify(grown));
    const peer = await sql<{ size: string }>`select size::text from ledger.peers where origin = 'borderflow.example/CN-DONGXING'`.execute(rig.database.db);
    assert.equal(peer.rows[0]!.size, '9');
    const audit = await sql<{ n: string }>`select count(*)::text as n from audit.records where action = 'ledger.cosign'`.execute(rig.database.db);
    assert.equal(audit.rows[0]!.n, '2');
  });

  test('bad input is refused with a code and nothing is stored', async () => {
    const rig = get();
    const before = [await rows(rig, 'ledger.forks'), await rows(rig, 'ledger.peer_checkpoints')];
    const impostor = peerSite('CN-DONGXING');
    impostor.append('x');
    const badSig = await rig.ledger.witness.witness(ctx, { verifierKey: cn.verifierKey, checkpoint: impostor.checkpoint(), proof: [] });
    assert.deepEqual(!badSig.ok && [badSig.code, badSig.fork], ['LEDGER_CHECKPOINT_INVALID', null]);
    const garbled = await rig.ledger.witness.witness(ctx, { verifierKey: cn.verifierKey, checkpoint: 'not a note', proof: [] });
    assert.equal(!garbled.ok && garbled.code, 'LEDGER_CHECKPOINT_INVALID');
    const wrongKeyType = await rig.ledger.witness.witness(ctx, { verifierKey: cn.witnessKey, checkpoint: cn.checkpoint(), proof: [] });
    assert.equal(!wrongKeyType.ok && wrongKeyType.code, 'LEDGER_KEY_INVALID');
    cn.append('j');
    const badProof = await rig.ledger.witness.witness(ctx, { verifierKey: cn.verifierKey, checkpoint: cn.checkpoint(), proof: ['AAAA'] });
    assert.equal(!badProof.ok && badProof.code, 'LEDGER_CONSISTENCY_PROOF_INVALID');
    const noProof = await rig.ledger.witness.witness(ctx, { verifierKey: cn.verifierKey, checkpoint: cn.checkpoint(), proof: [] });
    assert.equal(!noProof.ok && noProof.code, 'LEDGER_CONSISTENCY_PROOF_INVALID');
    assert.deepEqual([await rows(rig, 'ledger.forks'), await rows(rig, 'ledger.peer_checkpoints')], before);
  });

  test('a forked partner log is detected, kept as evidence and announced for the IOC', async () => {
    const rig = get();
    const known = cn.size - 1; // the last size cosigned (the size-10 checkpoint was refused)
    // The partner's key signs another history of the same size: entry 4 rewritten.
    const fork = peerSite('CN-DONGXING', cn.logKey);
    fork.append('a', 'b', 'c', 'd', 'E', 'f', 'g', 'h', 'i');
    assert.equal(fork.size, known);
    const forkedNote = fork.checkpoint();
    const same = await rig.ledger.witness.witness(ctx, { verifierKey: cn.verifierKey, checkpoint: forkedNote, proof: [] });
    assert.deepEqual(!same.ok && [same.code, same.fork], ['LEDGER_FORK_DETECTED', 'same_size_different_root']);
    fork.append('j', 'k');
    const grown = await rig.ledger.witness.witness(ctx, { verifierKey: cn.verifierKey, checkpoint: fork.checkpoint(), proof: fork.proof(known) });
    assert.deepEqual(!grown.ok && grown.fork, 'inconsistent');
    const evidence = await rig.ledger.witness.forks();
    assert.equal(evidence.length, 2);
    assert.equal(evidence.find((f) => f.reason === 'same_size_different_root')?.offendingNote, forkedNote);
    assert.ok(evidence.every((f) => f.knownNote && openCheckpoint(f.knownNote, parseVerifierKey(cn.verifierKey)).size === known));
    const events = await sql<{ type: string; data: { reason: string } }>`select type, data from platform.outbox where type = 'ledger.fork_detected' order by position`.execute(rig.database.db);
    assert.deepEqual(events.rows.map((e) => e.data.reason), ['same_size_different_root', 'inconsistent']);
    // The honest log is still cosigned after the alarm.
    const honest = await rig.ledger.witness.witness(ctx, { verifierKey: cn.verifierKey, checkpoint: cn.checkpoint(), proof: cn.proof(known) });
    assert.ok(honest.ok);
  });

  test('our checkpoints collect the partner’s cosignatures, served with the checkpoint; the next request carries a proof', async () => {
    const rig = get();
    await appendDirect(rig, 4, 'witnessed');
    await rig.ledger.issueCheckpoint();
    const first = await rig.ledger.witness.requestFor(cn.witnessKey);
    assert.deepEqual([first.fromSize, first.proof], [null, []]);
    const opened = openCheckpoint(first.checkpoint, parseVerifierKey(rig.ledger.verifierKey));
    const line = cosign(parseNote(first.checkpoint).text, 1_790_000_000, cn.witness);
    const accepted = await rig.ledger.witness.acceptCosignature(ctx, { verifierKey: cn.witnessKey, cosigned: first.checkpoint + line });
    assert.deepEqual(accepted, { ok: true, size: opened.size, cosigner: cn.witness.name, signedAt: 1_790_000_000 });
    const served = await rig.ledger.checkpoints.latestCosigned();
    assert.ok(verifyCosignature(parseNote(served.note), parseVerifierKey(cn.witnessKey)), 'the served checkpoint carries the cosignature');

    await appendDirect(rig, 3, 'witnessed-more');
    await rig.ledger.issueCheckpoint();
    const next = await rig.ledger.witness.requestFor(cn.witnessKey);
    const nextOpened = openCheckpoint(next.checkpoint, parseVerifierKey(rig.ledger.verifierKey));
    assert.equal(next.fromSize, opened.size);
    assert.ok(verifyConsistency(sha256Tree, opened.size, nextOpened.size, next.proof.map((p) => Buffer.from(p, 'base64')), opened.rootHash, nextOpened.rootHash));

    const foreign = peerSite('CN-DONGXING');
    foreign.append('z');
    const notOurs = await rig.ledger.witness.acceptCosignature(ctx, { verifierKey: cn.witnessKey, cosigned: foreign.checkpoint() + cosign(parseNote(foreign.checkpoint()).text, 1, cn.witness) });
    assert.equal(!notOurs.ok && notOurs.code, 'LEDGER_COSIGNATURE_INVALID');
    const forged = await rig.ledger.witness.acceptCosignature(ctx, { verifierKey: cn.witnessKey, cosigned: next.checkpoint + cosign(parseNote(next.checkpoint).text, 1, foreign.witness) });
    assert.equal(!forged.ok && forged.code, 'LEDGER_COSIGNATURE_INVALID');
  });
}
