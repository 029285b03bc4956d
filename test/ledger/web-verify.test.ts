/**
 * The web app's ledger checks (web/src/ledger/verify.ts, run in the browser) agree with the
 * server's: checkpoints signed by the log's signer open with a valid signature whatever bytes
 * the key has (base64 keys with '+' and '/'), a tampered note does not, and an entry's inclusion
 * is accepted only with its true fields.
 */
import assert from 'node:assert/strict';
import { createHash, createPrivateKey } from 'node:crypto';
import { test } from 'node:test';
import { formatVerifierKey, leafData, noteSigner, rawPublicKey, sha256Tree } from '../../src/modules/ledger/index.ts';
import { signCheckpoint } from '../../src/modules/ledger/checkpoint.ts';
import { entryIsIncluded, leafHashOf, openCheckpoint, type LedgerEntry } from '../../web/src/ledger/verify.ts';

const ORIGIN = 'borderflow.example/VN-MONGCAI';
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A log signer from a fixed seed, so the keys (and their base64) are the same every run. */
function signerFrom(seed: string) {
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, createHash('sha256').update(seed).digest()]), format: 'der', type: 'pkcs8' });
  const signer = noteSigner(ORIGIN, key);
  return { signer, verifierKey: formatVerifierKey({ ...signer, raw: rawPublicKey(key) }) };
}

const entries: LedgerEntry[] = ['declaration.submitted', 'declaration.assessed', 'declaration.released'].map((type, index) => {
  const e = { index, sourceId: `evt_${index}`, type, subject: 'decl_01WEB', occurredAt: `2026-11-23T08:00:0${index}.000Z`, contentSha256: String(index).repeat(64) };
  return { ...e, leafHash: Buffer.from(sha256Tree.leaf(leafData(e))).toString('base64') };
});
// The tree of three leaves by RFC 9162 §2.1.1: MTH = node(node(L0, L1), L2).
const leaves = entries.map((e) => Buffer.from(e.leafHash, 'base64'));
const left = sha256Tree.node(leaves[0]!, leaves[1]!);
const root = Buffer.from(sha256Tree.node(left, leaves[2]!)).toString('base64');
const paths = [[leaves[1]!, leaves[2]!], [leaves[0]!, leaves[2]!], [left]].map((p) => p.map((h) => Buffer.from(h).toString('base64')));

test('the browser opens checkpoints signed by any log key, and refuses a tampered one', async () => {
  const keys = Array.from({ length: 12 }, (_, i) => signerFrom(`web-verify-${i}`));
  assert.ok(keys.some((k) => k.verifierKey.split('+').length > 3), 'some keys have a "+" in their base64');
  for (const { signer, verifierKey } of keys) {
    const note = signCheckpoint({ origin: ORIGIN, size: 3, rootHash: Buffer.from(root, 'base64') }, signer);
    const opened = await openCheckpoint(note, verifierKey);
    assert.deepEqual([opened.origin, opened.size, opened.rootHash, opened.signatureValid], [ORIGIN, 3, root, true], verifierKey);
    const forged = await openCheckpoint(note.replace('\n3\n', '\n4\n'), verifierKey);
    assert.equal(forged.signatureValid, false, 'a changed size breaks the signature');
  }
  const other = signerFrom('someone-else');
  const note = signCheckpoint({ origin: ORIGIN, size: 3, rootHash: Buffer.from(root, 'base64') }, other.signer);
  assert.equal((await openCheckpoint(note, keys[0]!.verifierKey)).signatureValid, false, 'another key with the same name does not verify');
});

test('an entry is included only with its true fields and the right audit path', () => {
  const checkpoint = { size: 3, rootHash: root };
  for (const e of entries) {
    assert.equal(leafHashOf(e), e.leafHash, 'the browser recomputes the server’s leaf hash');
    assert.ok(entryIsIncluded(e, { treeSize: 3, hashes: paths[e.index]! }, checkpoint), `entry ${e.index}`);
  }
  const e = entries[1]!;
  assert.equal(entryIsIncluded({ ...e, contentSha256: 'f'.repeat(64) }, { treeSize: 3, hashes: paths[1]! }, checkpoint), false, 'a changed content hash');
  assert.equal(entryIsIncluded({ ...e, index: 2 }, { treeSize: 3, hashes: paths[1]! }, checkpoint), false, 'another index');
  assert.equal(entryIsIncluded(e, { treeSize: 3, hashes: paths[0]! }, checkpoint), false, 'another path');
  assert.equal(entryIsIncluded(e, { treeSize: 4, hashes: paths[1]! }, checkpoint), false, 'a proof for another size');
});
