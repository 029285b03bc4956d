import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../../src/cli.ts';
import { sql } from '../../src/infra/db/index.ts';
import { appendLeaf, packFrontier } from '../../src/modules/ledger/frontier.ts';
import { leafData, openCheckpoint, parseVerifierKey, runLedgerCommand, sha256Tree, verifyInclusion, type LedgerEntry } from '../../src/modules/ledger/index.ts';
import { appendDirect, capture, type LedgerRig } from './support.ts';

/** Rewrites every stored node and the head from these records, as a forger with database access would. */
async function rebuildTree(rig: LedgerRig, records: LedgerEntry[]): Promise<void> {
  let frontier: Uint8Array[] = [];
  const nodes: Array<{ level: number; idx: number; hash: Buffer }> = [];
  for (const e of records) {
    const added = appendLeaf(sha256Tree, frontier, e.index, sha256Tree.leaf(leafData(e)));
    frontier = added.frontier;
    nodes.push(...added.nodes.map((n) => ({ level: n.level, idx: n.index, hash: Buffer.from(n.hash) })));
  }
  await rig.database.db.transaction().execute(async (tx) => {
    await sql`delete from ledger.nodes`.execute(tx);
    await tx.insertInto('ledger.nodes').values(nodes).execute();
    await sql`update ledger.head set frontier = ${packFrontier(frontier)}`.execute(tx);
  });
}

/** `borderflow ledger verify|prove` through the module's CLI function (and `runCli` on PostgreSQL). */
export function cliCases(get: () => LedgerRig): void {
  const verify = async (rig: LedgerRig) => {
    const c = capture();
    const code = await runLedgerCommand(rig.database.db, 'verify', [], c.io, { dataDir: rig.dataDir, siteId: rig.siteId });
    return { code, text: c.text() };
  };
  // PostgreSQL allows a second connection, so there the real command line runs, config and all.
  const viaCli = async (rig: LedgerRig, argv: string[]) => {
    const c = capture();
    const code = await runCli(argv, c.io, { DATABASE_URL: rig.databaseUrl!, DATA_DIR: rig.dataDir, SITE_ID: rig.siteId, DEMO: '0', MQTT_PORT: '0' });
    return { code, text: c.text() };
  };
  const entryRow = async (rig: LedgerRig, index: number) =>
    (await sql<{ subject: string }>`select subject from ledger.entries where idx = ${index}`.execute(rig.database.db)).rows[0]!.subject;

  test('`ledger verify` passes on an intact log and `ledger prove` prints a proof a third party can check', async () => {
    const rig = get();
    await appendDirect(rig, 20, 'cli');
    const checkpoint = await rig.ledger.issueCheckpoint();
    const ok = await verify(rig);
    assert.equal(ok.code, 0, ok.text);
    assert.match(ok.text, new RegExp(`ledger OK: ${checkpoint.size} entries and \\d+ checkpoint\\(s\\) verified; latest checkpoint size ${checkpoint.size}`));
    const p = capture();
    assert.equal(await runLedgerCommand(rig.database.db, 'prove', ['--index', '3'], p.io, { dataDir: rig.dataDir, siteId: rig.siteId }), 0, p.text());
    const printed = JSON.parse(p.text()) as { entry: LedgerEntry & { leafHash: string }; treeSize: number; inclusionProof: string[]; checkpoint: string; verified: boolean };
    assert.equal(printed.verified, true);
    // What an auditor does with the printout and the published verifier key alone:
    const cp = openCheckpoint(printed.checkpoint, parseVerifierKey(rig.ledger.verifierKey));
    const leaf = sha256Tree.leaf(leafData(printed.entry));
    assert.ok(verifyInclusion(sha256Tree, 3, cp.size, leaf, printed.inclusionProof.map((h) => Buffer.from(h, 'base64')), cp.rootHash));
    const missing = capture();
    assert.equal(await runLedgerCommand(rig.database.db, 'prove', ['--index', String(checkpoint.size + 5)], missing.io, { dataDir: rig.dataDir, siteId: rig.siteId }), 1);
    assert.match(missing.text(), /LEDGER_ENTRY_NOT_FOUND/);
    if (rig.databaseUrl) {
      const real = await viaCli(rig, ['ledger', 'verify']);
      assert.equal(real.code, 0, real.text);
      const proof = await viaCli(rig, ['ledger', 'prove', '--index', '3']);
      assert.equal(proof.code, 0, proof.text);
    }
  });

  test('a stored record changed behind the system’s back fails `ledger verify` at that index', async () => {
    const rig = get();
    const original = await entryRow(rig, 7);
    await sql`update ledger.entries set subject = 'decl_FORGED' where idx = 7`.execute(rig.database.db);
    const bad = await verify(rig);
    assert.equal(bad.code, 1);
    assert.match(bad.text, /^ledger BROKEN at index 7: entry 7: the stored record does not match its leaf hash/);
    if (rig.databaseUrl) {
      const real = await viaCli(rig, ['ledger', 'verify']);
      assert.deepEqual([real.code, /BROKEN at index 7:/.test(real.text)], [1, true], real.text);
    }
    await sql`update ledger.entries set subject = ${original} where idx = 7`.execute(rig.database.db);
    assert.equal((await verify(rig)).code, 0, 'restoring the record restores the log');
  });

  test('a forger who also rewrites the leaf, or every node and the head, is caught by the stored tree or the signed checkpoints', async () => {
    const rig = get();
    const entries = (await sql<{ idx: string; source_id: string; type: string; subject: string; occurred_at: string; content_sha256: string }>`
      select e.idx::text, e.source_id, e.type, e.subject, e.occurred_at, e.content_sha256 from ledger.entries e order by e.idx`.execute(rig.database.db)).rows
      .map((r) => ({ index: Number(r.idx), sourceId: r.source_id, type: r.type, subject: r.subject, occurredAt: r.occurred_at, contentSha256: r.content_sha256 }));
    const forged = entries.map((e) => (e.index === 7 ? { ...e, subject: 'decl_FORGED' } : e));
    await sql`update ledger.entries set subject = 'decl_FORGED' where idx = 7`.execute(rig.database.db);
    await sql`update ledger.nodes set hash = ${sha256Tree.leaf(leafData(forged[7]!))} where level = 0 and idx = 7`.execute(rig.database.db);
    const leafToo = await verify(rig);
    assert.equal(leafToo.code, 1);
    assert.match(leafToo.text, /^ledger BROKEN at index 6: tree node level 1 index 3 \(entries 6 to 7\) does not match/);

    // Recompute the whole tree and head from the forged records: only the signatures stand in the way.
    await rebuildTree(rig, forged);
    const everything = await verify(rig);
    assert.equal(everything.code, 1);
    const m = /^ledger BROKEN at index (\d+): checkpoint of size (\d+): the entries recompute to another root/.exec(everything.text);
    assert.ok(m && Number(m[1]) <= 7 && Number(m[2]) > 7, everything.text);

    await sql`update ledger.entries set subject = ${entries[7]!.subject} where idx = 7`.execute(rig.database.db);
    await rebuildTree(rig, entries);
    assert.equal((await verify(rig)).code, 0, 'the honest tree rebuilt verifies again');
  });

  test('a log cut short after a signed checkpoint fails `ledger verify` where the entries stop', async () => {
    const rig = get();
    const size = (await rig.ledger.issueCheckpoint()).size;
    await sql`delete from ledger.entries where idx >= ${size - 2}`.execute(rig.database.db);
    const cut = await verify(rig);
    assert.equal(cut.code, 1);
    assert.match(cut.text, new RegExp(`BROKEN at index ${size - 2}:`));
  });
}
