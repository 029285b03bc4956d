import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { seededRng } from '../../infra/random/index.ts';
import { compareWithPartner, prefillImport } from './advance.ts';
import type { Envelope, ExportDeclaration } from './messages.ts';
import { backoffMs, contentSha256, keyIdOf, signatureProblem, signMessage, windowProblem, type PartnerKey } from './model.ts';
import { checkEnvelope } from './validate.ts';

const key = generateKeyPairSync('ed25519').privateKey;
const raw = Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
const partnerKey: PartnerKey = { keyId: keyIdOf(raw), publicKey: raw, validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-12-01T00:00:00Z' };
const envelope: Envelope = {
  id: 'msg_01JQ0000000000000000000000', type: 'inspection-result', version: 1, from: 'CN-DONGXING', to: 'VN-MONGCAI', sequence: 1, previousSequence: null,
  consignmentRef: 'C-1', createdAt: '2026-11-23T08:00:00.000Z', payload: { declarationId: 'd', kind: 'scanner', outcome: 'compliant', findings: [], inspectedAt: '2026-11-23T08:00:00Z' },
};
const now = new Date('2026-11-23T08:00:00Z');

test('the signature covers the canonical form: member order does not matter, any change does', () => {
  const s = signMessage(envelope, { keyId: partnerKey.keyId, privateKey: key });
  const reordered = Object.fromEntries(Object.entries(envelope).reverse());
  assert.equal(signatureProblem([partnerKey], s.keyId, reordered, s.signature, now), null);
  assert.equal(contentSha256(reordered as Envelope), contentSha256(envelope));
  assert.equal(signatureProblem([partnerKey], s.keyId, { ...envelope, sequence: 2 }, s.signature, now), 'bad_signature');
  assert.equal(signatureProblem([partnerKey], 'other', envelope, s.signature, now), 'key_unknown');
  assert.equal(signatureProblem([partnerKey], s.keyId, envelope, s.signature, new Date('2026-12-01T00:00:00Z')), 'key_expired', 'a retired key stops at the end of its overlap');
});

test('the time window refuses the too old and the too far ahead', () => {
  const w = { pastSeconds: 3600, futureSeconds: 300 };
  assert.equal(windowProblem('2026-11-23T07:00:01Z', now, w), null);
  assert.match(windowProblem('2026-11-23T06:59:59Z', now, w)!, /before now/);
  assert.match(windowProblem('2026-11-23T08:05:01Z', now, w)!, /future/);
});

test('retries back off exponentially to the cap, jittered between half and all of it', () => {
  const p = { baseMs: 100, maxMs: 1000, maxAttempts: 10 };
  const rng = seededRng(1);
  for (const [attempt, cap] of [[1, 100], [2, 200], [3, 400], [4, 800], [5, 1000], [20, 1000]] as const) {
    for (let i = 0; i < 20; i++) {
      const ms = backoffMs(attempt, p, rng);
      assert.ok(ms >= cap / 2 && ms <= cap, `attempt ${attempt}: ${ms} within [${cap / 2}, ${cap}]`);
    }
  }
  assert.deepEqual([1, 2, 3].map((a) => backoffMs(a, p, seededRng(7))), [1, 2, 3].map((a) => backoffMs(a, p, seededRng(7))), 'same seed, same schedule');
});

test('envelope and payload problems are named by pointer', () => {
  assert.deepEqual(checkEnvelope(envelope), []);
  const bad = checkEnvelope({ ...envelope, sequence: 0, payload: { ...envelope.payload as object, kind: 'x-ray' } });
  assert.deepEqual(bad.map((p) => p.pointer), ['/message/sequence']);
  assert.deepEqual(checkEnvelope({ ...envelope, payload: { ...envelope.payload as object, kind: 'x-ray' } }).map((p) => p.pointer), ['/message/payload/kind']);
});

const exportDeclaration: ExportDeclaration = {
  declarationId: 'CN-1', officeOfExit: 'CN-DONGXING', exporter: { name: 'E', taxId: 'CN1', country: 'CN' }, importer: { name: 'I', taxId: '5700100256', country: 'VN' },
  transport: { tractorPlate: '桂A12345' }, equipment: [{ containerNumber: 'CSQU3054383', sealNumbers: [] }],
  goods: [{ hsCode: '0808100000', description: 'apples', originCountry: 'CN', quantity: 1, unit: 'KGM', grossMassKg: 1000, netMassKg: 950, customsValue: { amount: 500, currency: 'USD' } }],
};

test('the pre-filled import declaration agrees with the partner data; changes beyond tolerance are flagged', () => {
  const content = prefillImport(exportDeclaration, 'CN-1', 'VN-MONGCAI');
  assert.deepEqual([content.type, content.direction, content.borderGate], ['import', 'inbound', 'VN-MONGCAI']);
  assert.deepEqual(compareWithPartner(exportDeclaration, content), []);
  const goods = (content.goods as Array<Record<string, unknown>>)[0]!;
  const changed = { ...content, goods: [{ ...goods, grossMassKg: 1015, netMassKg: 900, customsValue: { amount: 400, currency: 'USD' }, hsCode: '08082000' }], consignment: { equipment: [] } };
  assert.deepEqual(compareWithPartner(exportDeclaration, changed).map((m) => m.field), ['hsCode', 'netMass', 'customsValue', 'containers'], 'a 1.5 % mass difference is within tolerance');
});
