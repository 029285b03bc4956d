import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyEncoder, encode, encodeExpanding, encodeFrozen, FEATURE_COUNT } from '../../src/modules/risk/kcs/encoder.ts';
import { FEATURE_NAMES } from '../../src/modules/risk/kcs/features.ts';
import type { KcsDeclaration } from '../../src/modules/risk/index.ts';
import { syntheticDeclarations } from './support.ts';

const column = (name: string) => FEATURE_NAMES.indexOf(name);

function rowVector(m: { rows: number; values: Float32Array }, i: number): number[] {
  return Array.from({ length: FEATURE_COUNT }, (_, f) => m.values[f * m.rows + i]!);
}

test('leakage: a row\'s encoding uses neither its own label, nor its own day, nor any later row', () => {
  const rows = syntheticDeclarations(900, 3, 30);
  const pivot = 450;
  const pivotDate = rows[pivot]!.date;
  const base = encodeExpanding(emptyEncoder(1), rows);
  // Flip the labels of the pivot's whole day (the pivot included), and rewrite every later row to
  // share the pivot's importer, price and HS code with flipped labels: a leaking encoder would see it.
  const flip = (d: KcsDeclaration) => (1 - d.fraud!) as 0 | 1;
  const p = rows[pivot]!;
  const changed: KcsDeclaration[] = rows.map((d) => (d.date < pivotDate ? d : d.date === pivotDate ? { ...d, fraud: flip(d) }
    : { ...d, fraud: flip(d), importer: p.importer, itemPrice: p.itemPrice, hsCode: p.hsCode }));
  const after = encodeExpanding(emptyEncoder(1), changed);
  const upToPivotDay = rows.map((d, i) => (d.date <= pivotDate ? i : -1)).filter((i) => i >= 0);
  assert.ok(upToPivotDay.filter((i) => rows[i]!.date === pivotDate).length > 1, 'the pivot shares its day with other rows');
  for (const i of upToPivotDay) assert.deepEqual(rowVector(after, i), rowVector(base, i), `row ${i} (${rows[i]!.date}) saw its own day or later rows`);
  // The control: rows after the pivot's day do see the flipped labels, so the check above can fail.
  const later = rows.map((d, i) => (d.date > pivotDate ? i : -1)).filter((i) => i >= 0);
  assert.ok(later.some((i) => rowVector(after, i)[column('rate:importer')] !== rowVector(base, i)[column('rate:importer')]));
  // And history is used: later rows of a repeated importer have counts > 0.
  assert.ok(rows.some((_, i) => rows[i]!.date > rows[0]!.date && base.values[column('count:importer') * base.rows + i]! > 0));
});

test('the first day sees no history: every rate is the uninformed prior ½ and every count 0', () => {
  const rows = syntheticDeclarations(200, 4, 10);
  const m = encodeExpanding(emptyEncoder(1), rows);
  const v = rowVector(m, 0);
  assert.equal(v[column('rate:importer')], 0.5);
  assert.equal(v[column('count:importer')], 0);
});

test('unseen categories at scoring get the prior and a count of 0; features are never NaN', () => {
  const history = syntheticDeclarations(500, 5, 20);
  const state = emptyEncoder(1);
  encodeExpanding(state, history);
  const prior = (state.frauds + 1) / (state.rows + 2);
  const stranger: KcsDeclaration = {
    ...history[0]!, importer: 'NEVER-SEEN', declarant: 'NEW', seller: 'NEW', courier: 'NEW', hsCode: '999999', originCountry: 'ZZ',
    departureCountry: 'ZZ', itemPrice: 0, netMassKg: 0, taxRate: 0,
  };
  const v = encode(state, stranger);
  assert.ok(Math.abs(v[column('rate:importer')]! - prior) < 1e-6);
  assert.equal(v[column('count:importer')], 0);
  assert.ok(Math.abs(v[column('rate:hs6')]! - prior) < 1e-6);
  assert.ok(v.every(Number.isFinite), 'zero mass and price still give finite features');
  // Frozen encoding learns nothing from the rows it scores.
  const before = state.rows;
  encodeFrozen(state, history);
  assert.equal(state.rows, before);
});
