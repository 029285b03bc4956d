import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { verifyEd25519 } from '../../infra/crypto/index.ts';
import { newDraft } from './lifecycle.ts';
import { buildReleaseNotice, publicKeyFromRaw, releaseKeyId, signReleaseNotice, verifyReleaseNotice } from './release-notice.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const rawPublic = Buffer.from(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)).toString('base64');
const now = new Date('2026-11-23T08:00:00Z');
const released = {
  ...newDraft('decl_1', 'ent_1', 'usr_1', { type: 'import', borderGate: 'VN-MONGCAI', consignment: { transport: { tractorPlate: '桂A12345' }, equipment: [{ containerNumber: 'CSQU3054383' }] } }, now),
  state: 'released' as const, channel: 'green' as const, releasedAt: now,
};

test('RFC 8032 §7.1 test 1: a raw public key verifies the known signature of the empty message', () => {
  const key = publicKeyFromRaw(Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64'));
  const sig = Buffer.from('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b', 'hex');
  assert.ok(verifyEd25519(key, new Uint8Array(0), sig.toString('base64')));
});

test('a signed notice verifies offline from the raw public key and says what was released', () => {
  const signed = signReleaseNotice(buildReleaseNotice(released, { id: 'system', name: 'auto' }, releaseKeyId(rawPublic)), privateKey);
  assert.match(signed.qr, /^BFRN1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  const v = verifyReleaseNotice(signed.qr, publicKeyFromRaw(rawPublic));
  assert.ok(v.valid);
  if (v.valid) assert.deepEqual([v.notice.declarationId, v.notice.tractorPlate, v.notice.containers, v.notice.releasedAt], ['decl_1', '桂A12345', ['CSQU3054383'], now.toISOString()]);
});

test('a tampered notice, a foreign key, or garbage does not verify', () => {
  const signed = signReleaseNotice(buildReleaseNotice(released, { id: 'system', name: 'auto' }, 'k'), privateKey);
  const [prefix, body, sig] = signed.qr.split('.') as [string, string, string];
  const forged = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  forged.tractorPlate = '桂A99999';
  const tampered = `${prefix}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`;
  assert.deepEqual(verifyReleaseNotice(tampered, publicKey), { valid: false, reason: 'the signature does not verify' });
  const other = generateKeyPairSync('ed25519').publicKey;
  assert.equal(verifyReleaseNotice(signed.qr, other).valid, false);
  assert.equal(verifyReleaseNotice('hello', publicKey).valid, false);
});
