import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { AppError } from '../../src/infra/errors/index.ts';
import {
  FEATURE_NAMES, featuresOf, marginOf, parseModel, score, serializeModel, topContributions, trainKcsModel,
} from '../../src/modules/risk/index.ts';
import { syntheticDeclarations } from './support.ts';

const train = syntheticDeclarations(2500, 21, 90);
const valid = syntheticDeclarations(600, 22, 20).map((d) => ({ ...d, date: d.date.replace('2020-01', '2020-04') }));
const fast = { params: { rounds: 60 } };
const model = trainKcsModel(train, valid, 6, { seed: 3, ...fast });
const text = serializeModel(model);

function refused(t: string, pattern: RegExp): void {
  assert.throws(() => parseModel(t, 'm.json'), (err: unknown) => {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'RISK_MODEL_INVALID');
    assert.match(err.detail, pattern);
    return true;
  });
}

/** Re-signs an edited body, as a careless tool would: structural checks must still catch it. */
function resign(body: Record<string, unknown>): string {
  delete body.checksum;
  const t = JSON.stringify(body);
  return `${t.slice(0, -1)},"checksum":"sha256:${createHash('sha256').update(t).digest('hex')}"}`;
}

test('determinism: the same data and seed give the same model bytes; another seed another model', () => {
  assert.equal(serializeModel(trainKcsModel(train, valid, 6, { seed: 3, ...fast })), text);
  assert.notEqual(serializeModel(trainKcsModel(train, valid, 6, { seed: 4, ...fast })), text);
});

test('a model survives the round trip: same bytes, same scores, explanations summing to the margin', () => {
  const loaded = parseModel(text);
  assert.equal(serializeModel(loaded), text);
  assert.equal(loaded.encoder.rows, train.length + valid.length, 'the encoder holds train and valid history');
  for (const d of valid.slice(0, 50)) {
    const x = featuresOf(loaded, d);
    const r = score(loaded, x);
    assert.equal(r.margin, marginOf(model, featuresOf(model, d)));
    const sum = r.bias + r.contributions.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - r.margin) < 1e-9, `bias + Σ contributions = ${sum}, margin ${r.margin}`);
    assert.ok(r.score > 0 && r.score < 1);
  }
  const x = featuresOf(loaded, valid[0]!);
  const top = topContributions(loaded, x, score(loaded, x), 3);
  assert.equal(top.length, 3);
  assert.ok(FEATURE_NAMES.includes(top[0]!.feature) && top[0]!.description.length > 0);
  assert.ok(Math.abs(top[0]!.contribution) >= Math.abs(top[2]!.contribution));
});

test('a corrupt, edited or wrong-version model file is refused with a clear message', () => {
  refused(text.slice(0, text.length / 2), /not valid JSON \(truncated or corrupted\?\)/);
  refused('{"hello":1}', /not a Borderflow risk model/);
  refused(text.replace('"version":1,', '"version":2,'), /format version 2; this Borderflow reads version 1/);
  const tampered = text.replace(/"value":\[([^\]]*?)(\d)\]/, (_m, a: string, b: string) => `"value":[${a}${b === '1' ? '2' : '1'}]`);
  assert.notEqual(tampered, text);
  refused(tampered, /checksum does not match/);
  const body = JSON.parse(text) as { ensemble: { trees: Array<{ left: number[] }> }; features: string[]; encoder: { tables: Record<string, unknown> } };
  const cyclic = structuredClone(body);
  cyclic.ensemble.trees[0]!.left[0] = 0;
  refused(resign(cyclic as unknown as Record<string, unknown>), /tree 0 node 0 has invalid children/);
  const otherFeatures = structuredClone(body);
  otherFeatures.features = otherFeatures.features.slice(1);
  refused(resign(otherFeatures as unknown as Record<string, unknown>), /feature set/);
  const noTable = structuredClone(body);
  delete noTable.encoder.tables.importer;
  refused(resign(noTable as unknown as Record<string, unknown>), /encoder table "importer" is missing/);
});
