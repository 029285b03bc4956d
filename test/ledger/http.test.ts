import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { canonicalJson, sha256Hex } from '../../src/infra/crypto/index.ts';
import { sql } from '../../src/infra/db/index.ts';
import { ruleFreeAssessor } from '../../src/modules/customs/index.ts';
import { leafData, openCheckpoint, parseVerifierKey, sha256Tree, verifyConsistency, verifyInclusion } from '../../src/modules/ledger/index.ts';
import { submitNew } from '../customs/support.ts';
import { call, login } from '../support/http.ts';
import { startPlatform, type RunningPlatform } from '../support/platform.ts';
import { databaseKinds } from './support.ts';

const b64 = (s: string) => Buffer.from(s, 'base64');

for (const kind of databaseKinds('ledger over HTTP')) {
  describe(`ledger over HTTP (${kind})`, () => {
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    let bf: RunningPlatform;
    let auditor: string;
    let declarationIds: string[];
    before(async () => {
      bf = await startPlatform({ database: kind, clock });
      const declarant = await login(bf.url, 'declarant');
      auditor = await login(bf.url, 'auditor');
      const yellow = await submitNew(bf, declarant, clock.now());
      bf.platform.customs.plugAssessor(ruleFreeAssessor('green'));
      const green = await submitNew(bf, declarant, clock.now(), { localReference: 'LEDGER-GREEN' });
      assert.deepEqual([yellow.status, green.status, green.body.state], [201, 201, 'released']);
      declarationIds = [yellow.body.id, green.body.id];
      await bf.platform.bus.drain();
      await bf.platform.ledger.issueCheckpoint();
    });
    after(() => bf.close());

    test('declarations’ versions and decisions are logged as entries without personal data', async () => {
      const types = [];
      for (const id of declarationIds) types.push(...(await bf.platform.ledger.log.entriesAbout(id)).map((e) => e.type));
      assert.deepEqual(types, ['declaration.submitted', 'declaration.assessed', 'declaration.submitted', 'declaration.assessed', 'declaration.released']);
      const e = await call(bf.url, 'GET', '/api/ledger/entries/4', { token: auditor });
      assert.equal(e.status, 200);
      assert.deepEqual(Object.keys(e.body).sort(), ['contentSha256', 'index', 'leafHash', 'occurredAt', 'sourceId', 'subject', 'type']);
      const event = await sql<{ data: unknown }>`select data from platform.outbox where event_id = ${e.body.sourceId}`.execute(bf.platform.database.db);
      assert.equal(e.body.contentSha256, sha256Hex(canonicalJson(event.rows[0]!.data)), 'whoever holds the event content can prove it was logged');
      assert.doesNotMatch(JSON.stringify(e.body), /Nguyễn|Trần|officer|declarant/i);

      // A declaration version is logged by the hash of the declaration as its owner downloads it.
      const declarant = await login(bf.url, 'declarant');
      const served = await call(bf.url, 'GET', `/api/customs/declarations/${declarationIds[0]}`, { token: declarant });
      const [submitted] = await bf.platform.ledger.log.entriesAbout(declarationIds[0]!);
      assert.equal(submitted?.type, 'declaration.submitted');
      assert.equal(submitted.contentSha256, sha256Hex(canonicalJson(served.body.content)), 'the declaration as served proves its own inclusion');
    });

    test('a third party verifies every entry with only the public checkpoint and verifier key', async () => {
      const vkey = await call(bf.url, 'GET', '/api/public/ledger/verifier-key');
      assert.equal(vkey.status, 200);
      assert.match(vkey.headers.get('content-type') ?? '', /^text\/plain/);
      const note = await call(bf.url, 'GET', '/api/public/ledger/checkpoint');
      assert.equal(note.status, 200);
      assert.match(note.body, /^borderflow\.example\/VN-MONGCAI\n\d+\n[A-Za-z0-9+/]{43}=\n\n— borderflow\.example\/VN-MONGCAI /);
      const checkpoint = openCheckpoint(note.body, parseVerifierKey(vkey.body));
      assert.equal(checkpoint.size, 5);
      for (let i = 0; i < checkpoint.size; i++) {
        const entry = (await call(bf.url, 'GET', `/api/ledger/entries/${i}`, { token: auditor })).body;
        const proof = await call(bf.url, 'GET', `/api/ledger/proofs/inclusion?index=${i}&size=${checkpoint.size}`, { token: auditor });
        assert.equal(proof.status, 200);
        const leaf = sha256Tree.leaf(leafData(entry));
        assert.ok(verifyInclusion(sha256Tree, i, checkpoint.size, leaf, proof.body.hashes.map(b64), checkpoint.rootHash), `entry ${i}`);
      }
      assert.equal((await call(bf.url, 'GET', '/api/ledger/checkpoint', { token: auditor })).body, note.body);
    });

    test('two checkpoints are proven consistent over HTTP', async () => {
      const vkey = parseVerifierKey((await call(bf.url, 'GET', '/api/public/ledger/verifier-key')).body);
      const first = openCheckpoint((await call(bf.url, 'GET', '/api/public/ledger/checkpoint')).body, vkey);
      const declarant = await login(bf.url, 'declarant');
      assert.equal((await submitNew(bf, declarant, clock.now(), { localReference: 'LEDGER-MORE' })).status, 201);
      await bf.platform.bus.drain();
      await bf.platform.ledger.issueCheckpoint();
      const second = openCheckpoint((await call(bf.url, 'GET', '/api/public/ledger/checkpoint')).body, vkey);
      assert.ok(second.size > first.size);
      const proof = await call(bf.url, 'GET', `/api/ledger/proofs/consistency?from=${first.size}&to=${second.size}`, { token: await login(bf.url, 'partner') });
      assert.equal(proof.status, 200);
      assert.ok(verifyConsistency(sha256Tree, first.size, second.size, proof.body.hashes.map(b64), first.rootHash, second.rootHash));
    });

    test('entries are listed newest first, or about one declaration in log order, with their leaf hashes', async () => {
      const latest = await call(bf.url, 'GET', '/api/ledger/entries?limit=2', { token: auditor });
      assert.equal(latest.status, 200);
      const size = (await bf.platform.ledger.log.head()).size;
      assert.equal(latest.body.treeSize, size);
      assert.deepEqual(latest.body.items.map((e: { index: number }) => e.index), [size - 1, size - 2]);
      for (const e of latest.body.items) assert.equal(e.leafHash, (await call(bf.url, 'GET', `/api/ledger/entries/${e.index}`, { token: auditor })).body.leafHash);
      const about = await call(bf.url, 'GET', `/api/ledger/entries?subject=${declarationIds[1]}`, { token: auditor });
      assert.deepEqual(about.body.items.map((e: { type: string }) => e.type), ['declaration.submitted', 'declaration.assessed', 'declaration.released']);
      const nobody = await call(bf.url, 'GET', '/api/ledger/entries?subject=decl_NOTHING', { token: auditor });
      assert.deepEqual(nobody.body.items, []);
      const bad = await call(bf.url, 'GET', '/api/ledger/entries?limit=1000&subject=', { token: auditor });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/query/limit', '/query/subject']);
    });

    test('requests beyond the tree get 4xx with catalogued codes; bad parameters name the field', async () => {
      const size = (await bf.platform.ledger.checkpoints.latest()).size;
      const cases: Array<[string, number, string]> = [
        [`/api/ledger/proofs/inclusion?index=0&size=${size + 1}`, 400, 'LEDGER_SIZE_BEYOND_TREE'],
        [`/api/ledger/proofs/inclusion?index=${size}&size=${size}`, 400, 'LEDGER_PROOF_RANGE_INVALID'],
        [`/api/ledger/proofs/consistency?from=1&to=${size + 100}`, 400, 'LEDGER_SIZE_BEYOND_TREE'],
        [`/api/ledger/proofs/consistency?from=0&to=${size}`, 400, 'LEDGER_PROOF_RANGE_INVALID'],
        [`/api/ledger/entries/${size + 100}`, 404, 'LEDGER_ENTRY_NOT_FOUND'],
      ];
      for (const [path, status, code] of cases) {
        const r = await call(bf.url, 'GET', path, { token: auditor });
        assert.deepEqual([r.status, r.body.code], [status, code], path);
        assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
      }
      const beyond = await call(bf.url, 'GET', `/api/ledger/proofs/inclusion?index=0&size=${size + 1}`, { token: auditor });
      assert.ok(beyond.body.treeSize >= size, 'the problem says how big the tree is');
      const bad = await call(bf.url, 'GET', '/api/ledger/proofs/inclusion?index=-1&size=x&extra=1', { token: auditor });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/query/extra', '/query/index', '/query/size']);
    });

    test('entries and proofs need a sign-in with a reading role; the checkpoint and keys are public', async () => {
      assert.equal((await call(bf.url, 'GET', '/api/ledger/entries/0')).status, 401);
      const declarant = await call(bf.url, 'GET', '/api/ledger/entries/0', { token: await login(bf.url, 'declarant') });
      assert.deepEqual([declarant.status, declarant.body.code], [403, 'FORBIDDEN']);
      for (const user of ['supervisor', 'partner', 'admin']) assert.equal((await call(bf.url, 'GET', '/api/ledger/entries/0', { token: await login(bf.url, user) })).status, 200, user);
      assert.equal((await call(bf.url, 'GET', '/api/ledger/checkpoint')).status, 401);
      const witnessKey = await call(bf.url, 'GET', '/api/public/ledger/witness-key');
      assert.equal(parseVerifierKey(witnessKey.body).name, 'borderflow.example/VN-MONGCAI/witness');
      const forks = await call(bf.url, 'GET', '/api/ledger/forks', { token: await login(bf.url, 'operator') });
      assert.deepEqual([forks.status, forks.body.items], [200, []]);
    });
  });
}
