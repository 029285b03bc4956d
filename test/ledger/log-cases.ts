import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson, sha256Hex } from '../../src/infra/crypto/index.ts';
import { sql } from '../../src/infra/db/index.ts';
import { AppError } from '../../src/infra/errors/index.ts';
import { leafData, openCheckpoint, parseVerifierKey, sha256Tree, verifyConsistency, verifyInclusion } from '../../src/modules/ledger/index.ts';
import { appendDirect, emitDecisions, type LedgerRig } from './support.ts';

async function rejects(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => err instanceof AppError && err.code === code);
}

/** The log, checkpoint and proof cases, run against one rig per database kind. */
export function logCases(get: () => LedgerRig): void {
  test('logged events are appended once, in delivery order, by the bus consumer; others are not', async () => {
    const rig = get();
    const start = (await rig.ledger.log.head()).size;
    const subjects = await emitDecisions(rig.uow, 5, 'decl_A');
    await rig.uow.run({ actor: null, requestId: null, sourceIp: null }, async (w) => {
      w.emit({ type: 'declaration.drafted', subject: 'decl_DRAFT', data: {} });
      w.audit({ action: 'test.draft' });
    });
    await rig.bus.drain();
    assert.equal((await rig.ledger.log.head()).size, start + 5);
    const first = await rig.ledger.log.entry(start);
    assert.equal(first.subject, subjects[0]);
    assert.equal(first.type, 'declaration.released');
    const event = await sql<{ event_id: string; data: unknown }>`select event_id, data from platform.outbox where subject = ${subjects[0]}`.execute(rig.database.db);
    assert.equal(first.sourceId, event.rows[0]!.event_id);
    assert.equal(first.contentSha256, sha256Hex(canonicalJson(event.rows[0]!.data)), 'the entry holds the SHA-256 of the canonical event data');
    assert.ok(first.leafHash.equals(sha256Tree.leaf(leafData(first))));
    assert.equal((await rig.ledger.log.entriesAbout('decl_DRAFT')).length, 0, 'drafts are not logged');
    // A redelivery from the start (checkpoint and processed marks reset) changes nothing.
    await sql`update platform.consumers set last_txid = '0'::xid8, last_position = 0 where name = 'ledger.append'`.execute(rig.database.db);
    await sql`delete from platform.processed_events where consumer = 'ledger.append'`.execute(rig.database.db);
    await rig.bus.drain();
    assert.equal((await rig.ledger.log.head()).size, start + 5, 'the source id keeps each event logged exactly once');
  });

  test('a direct append commits or vanishes with its transaction, and a repeated source id is not appended twice', async () => {
    const rig = get();
    const before = (await rig.ledger.log.head()).size;
    await assert.rejects(rig.database.db.transaction().execute(async (tx) => {
      await rig.ledger.append(tx, { sourceId: 'msg_ROLLED_BACK', type: 'exchange.message_sent', subject: 'msg_1', occurredAt: rig.clock.now(), content: { a: 1 } });
      throw new Error('the caller fails after appending');
    }), /the caller fails/);
    assert.equal((await rig.ledger.log.head()).size, before);
    const e = await rig.database.db.transaction().execute(async (tx) => {
      const a = await rig.ledger.append(tx, { sourceId: 'msg_KEPT', type: 'exchange.message_sent', subject: 'msg_1', occurredAt: rig.clock.now(), contentSha256: 'ab'.repeat(32) });
      const again = await rig.ledger.append(tx, { sourceId: 'msg_KEPT', type: 'exchange.message_sent', subject: 'msg_1', occurredAt: rig.clock.now(), contentSha256: 'ab'.repeat(32) });
      assert.equal(again.index, a.index);
      return rig.ledger.append(tx, { sourceId: 'msg_KEPT_2', type: 'exchange.message_received', subject: 'msg_2', occurredAt: '2026-11-23T08:00:01.5Z', content: { b: 2 } });
    });
    assert.equal(e.index, before + 1, 'the rolled-back append left no gap');
    assert.equal(e.occurredAt, '2026-11-23T08:00:01.500Z');
    await rejects(rig.database.db.transaction().execute((tx) => rig.ledger.append(tx, { sourceId: 'x', type: 'no-dot', subject: 's', occurredAt: rig.clock.now(), content: 1 })), 'LEDGER_ENTRY_INVALID');
  });

  test('checkpoints are signed C2SP notes of the committed tree; none is issued while nothing changes', async () => {
    const rig = get();
    const c1 = await rig.ledger.issueCheckpoint();
    const size = (await rig.ledger.log.head()).size;
    assert.equal(c1.size, size);
    const opened = openCheckpoint(c1.note, parseVerifierKey(rig.ledger.verifierKey));
    assert.equal(opened.origin, `borderflow.example/${rig.siteId}`);
    assert.ok(opened.rootHash.equals(await rig.ledger.log.rootAt(size)));
    rig.clock.advance(5000);
    assert.equal((await rig.ledger.issueCheckpoint()).issuedAt.getTime(), c1.issuedAt.getTime(), 'no new checkpoint without new entries');
  });

  test('thinning keeps the latest checkpoint and the last of each hour, and every size stays provable', async () => {
    const rig = get();
    rig.clock.set(new Date('2026-11-24T08:00:00Z'));
    const issued: Array<{ size: number; at: string }> = [];
    for (const minutes of [1, 10, 59, 65, 90, 120]) {
      rig.clock.set(new Date(Date.parse('2026-11-24T08:00:00Z') + minutes * 60_000));
      await appendDirect(rig, 1, `thin-${minutes}`);
      const c = await rig.ledger.issueCheckpoint();
      issued.push({ size: c.size, at: c.issuedAt.toISOString() });
    }
    const removed = await rig.ledger.thinCheckpoints(new Date('2026-11-24T09:45:00Z'));
    const kept = [];
    for (const c of issued) if (await rig.ledger.checkpoints.bySize(c.size)) kept.push(c.at);
    // 08:01 and 08:10 give way to 08:59, 09:05 to 09:30; 10:00 is the latest.
    assert.deepEqual(kept, ['2026-11-24T08:59:00.000Z', '2026-11-24T09:30:00.000Z', '2026-11-24T10:00:00.000Z']);
    assert.ok(removed >= 3);
    const latest = issued.at(-1)!.size;
    assert.equal((await rig.ledger.checkpoints.latest()).size, latest);
    const p = await rig.ledger.log.consistencyProof(issued[0]!.size, latest);
    assert.ok(verifyConsistency(sha256Tree, issued[0]!.size, latest, p.hashes, await rig.ledger.log.rootAt(issued[0]!.size), await rig.ledger.log.rootAt(latest)));
  });

  test('the timer issues a checkpoint within a second of new entries', async () => {
    const rig = get();
    const before = await rig.ledger.issueCheckpoint();
    await rig.ledger.start();
    try {
      await emitDecisions(rig.uow, 3, 'decl_T');
      await rig.bus.drain();
      const appendedAt = performance.now();
      let latest = before;
      while (latest.size < before.size + 3 && performance.now() - appendedAt < 1000) {
        await new Promise((r) => setTimeout(r, 20));
        latest = await rig.ledger.checkpoints.latest();
      }
      assert.equal(latest.size, before.size + 3, `a checkpoint covered the new entries after ${Math.round(performance.now() - appendedAt)} ms`);
    } finally {
      await rig.ledger.stop();
    }
  });

  test('proofs from the store verify against the roots for every index and every older size of a 300-entry log', async () => {
    const rig = get();
    const start = (await rig.ledger.log.head()).size;
    await appendDirect(rig, 300 - start, 'proofs');
    const N = 300;
    assert.equal((await rig.ledger.log.head()).size, N);
    const roots: Buffer[] = [];
    for (let n = 1; n <= N; n++) roots[n] = await rig.ledger.log.rootAt(n);
    for (let m = 0; m < N; m++) {
      const p = await rig.ledger.log.inclusionProof(m, N);
      assert.ok(verifyInclusion(sha256Tree, m, N, p.leafHash, p.hashes, roots[N]!), `inclusion of ${m}`);
    }
    for (let m = 1; m <= N; m++) {
      const p = await rig.ledger.log.consistencyProof(m, N);
      assert.ok(verifyConsistency(sha256Tree, m, N, p.hashes, roots[m]!, roots[N]!), `consistency ${m} → ${N}`);
    }
    for (const [m, n] of [[0, 1], [6, 7], [100, 129], [255, 256], [256, 257]] as const) {
      const p = await rig.ledger.log.inclusionProof(m, n);
      assert.ok(verifyInclusion(sha256Tree, m, n, p.leafHash, p.hashes, roots[n]!), `inclusion of ${m} in ${n}`);
    }
  });

  test('requests beyond the tree answer catalogued errors', async () => {
    const rig = get();
    const size = (await rig.ledger.log.head()).size;
    await rejects(rig.ledger.log.inclusionProof(0, size + 1), 'LEDGER_SIZE_BEYOND_TREE');
    await rejects(rig.ledger.log.inclusionProof(size, size), 'LEDGER_PROOF_RANGE_INVALID');
    await rejects(rig.ledger.log.consistencyProof(0, size), 'LEDGER_PROOF_RANGE_INVALID');
    await rejects(rig.ledger.log.consistencyProof(5, 4), 'LEDGER_PROOF_RANGE_INVALID');
    await rejects(rig.ledger.log.consistencyProof(1, size + 10), 'LEDGER_SIZE_BEYOND_TREE');
    await rejects(rig.ledger.log.entry(size), 'LEDGER_ENTRY_NOT_FOUND');
  });

  test('parallel transactions appending directly build one consistent tree', async () => {
    const rig = get();
    const start = (await rig.ledger.log.head()).size;
    await Promise.all(Array.from({ length: 8 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 25; i++) {
          await rig.database.db.transaction().execute((tx) =>
            rig.ledger.append(tx, { sourceId: `w${w}-${i}`, type: 'gate.barrier_decided', subject: `gate_${w}`, occurredAt: rig.clock.now(), content: { i } }));
        }
      })()));
    const c = await rig.ledger.issueCheckpoint();
    assert.equal(c.size, start + 200);
    const p = await rig.ledger.log.inclusionProof(start + 137, c.size);
    assert.ok(verifyInclusion(sha256Tree, start + 137, c.size, p.leafHash, p.hashes, c.rootHash));
    const indexes = await sql<{ n: string; max: string }>`select count(distinct idx)::text as n, max(idx)::text as max from ledger.entries`.execute(rig.database.db);
    assert.deepEqual(indexes.rows[0], { n: String(c.size), max: String(c.size - 1) }, 'no gaps, no duplicates');
  });
}
