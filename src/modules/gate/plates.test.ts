import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidContainerNumber, resolveContainerRead } from './iso6346.ts';
import { matchPlate } from './matcher.ts';
import { normalizePlate, parsePlate, samePlate, wellFormedRead } from './plates.ts';

test('VN plates with or without separators are one plate; CN plates and trailers are recognised', () => {
  assert.equal(normalizePlate('29C12345'), '29C-123.45');
  assert.equal(normalizePlate('29c 123.45'), '29C-123.45');
  assert.ok(samePlate('29C-123.45', '29C12345'));
  assert.equal(normalizePlate('29C1234'), '29C-1234');
  assert.deepEqual(parsePlate('桂A12345'), { country: 'CN', normalized: '桂A12345', compact: '桂A12345', trailer: false });
  assert.equal(parsePlate('桂A1234挂')?.trailer, true);
  assert.equal(parsePlate('29R-012.34')?.trailer, true);
  assert.equal(parsePlate('桂I12345'), null, 'CN plates have no I or O in the city letter');
  assert.equal(parsePlate('09C12345'), null, 'VN province codes start at 11');
});

const fleet = [
  { id: 'j1', plate: '29C-123.45' },
  { id: 'j2', plate: '桂A12345' },
  { id: 'j3', plate: '14H-678.90' },
];

test('OCR confusions, missing separators and a dropped character still match, with a confidence and a margin', () => {
  for (const read of ['29C12345', '29C-I23.4S', '29C1Z345', '29C-12345']) {
    const m = matchPlate(read, 0.9, fleet);
    assert.equal(m.kind, 'matched', read);
    if (m.kind === 'matched') {
      assert.equal(m.id, 'j1');
      assert.ok(m.confidence > 0 && m.confidence <= 0.9);
      assert.ok(m.margin >= 0.9);
    }
  }
  const dropped = matchPlate('29C1235', 0.8, fleet);
  assert.equal(dropped.kind === 'matched' && dropped.id, 'j1', 'a dropped character');
  const noProvince = matchPlate('A1Z345', 0.8, fleet);
  assert.equal(noProvince.kind === 'matched' && noProvince.id, 'j2', 'the province character lost');
  const o = matchPlate('14H-67B.9O', 0.8, fleet);
  assert.equal(o.kind === 'matched' && o.id, 'j3');
});

test('two candidates equally close or nothing close are referred with the candidates, never guessed', () => {
  const twins = [...fleet, { id: 'j4', plate: '桂A1B345' }, { id: 'j5', plate: '桂A18345' }];
  // Near twins: a read the camera is unsure of could be either; a confident exact read is its own plate.
  const m = matchPlate('桂A18345', 0.9, twins);
  assert.equal(m.kind, 'referral');
  if (m.kind === 'referral') {
    assert.equal(m.reason, 'ambiguous');
    assert.deepEqual(m.candidates.slice(0, 2).map((c) => c.id).sort(), ['j4', 'j5']);
  }
  const sure = matchPlate('桂A18345', 0.96, twins);
  assert.deepEqual(sure.kind === 'matched' && [sure.id, sure.distance, sure.margin], ['j5', 0, 0.25]);
  const sureButOff = matchPlate('桂A1834S', 0.96, twins);
  assert.equal(sureButOff.kind, 'referral', 'not an exact read: the full lead is needed, however sure the camera');
  const none = matchPlate('51D99999', 0.99, fleet);
  assert.deepEqual(none.kind === 'referral' && none.reason, 'no_match');
  const old = matchPlate('29C1234', 0.9, [...fleet, { id: 'j6', plate: '29C-1234' }]);
  assert.equal(old.kind === 'referral' && old.reason, 'ambiguous', '29C-1234 exists and 29C-123.45 lost a character: refer');
});

test('container reads: valid, corrected by the check digit, positionally repaired, ambiguous or refused', () => {
  assert.ok(isValidContainerNumber('CSQU3054383'));
  assert.deepEqual(resolveContainerRead('CSQU 305438 3'), { kind: 'valid', number: 'CSQU3054383', corrected: false });
  assert.deepEqual(resolveContainerRead('C5QU3O54383'), { kind: 'valid', number: 'CSQU3054383', corrected: true });
  assert.deepEqual(resolveContainerRead('CSQU3054388'), { kind: 'valid', number: 'CSQU3054383', corrected: true }, 'check digit 3 read as 8');
  assert.deepEqual(resolveContainerRead('CSQU8054383', ['CSQU3054383']), { kind: 'valid', number: 'CSQU3054383', corrected: true });
  assert.equal(resolveContainerRead('CSQU3054B83', ['CSQU3054383']).kind, 'ambiguous', 'the only fit is not the expected container: refer');
  assert.equal(resolveContainerRead('CSQU30543').kind, 'invalid');
  assert.equal(resolveContainerRead('CSQU3054353').kind, 'invalid', 'a wrong digit no confusion repairs');
});

test('a well-formed read that reaches a booked plate only through a foreign character is another truck: referred', () => {
  const booked = [{ id: 'j1', plate: '15C-225.55' }, { id: 'j2', plate: '12H-340.41' }, { id: 'j3', plate: '51C-963.42' }];
  for (const read of ['15C29555', '15C-295.55', '12H-340.B1']) {
    const m = matchPlate(read, 0.97, booked);
    assert.deepEqual(m.kind === 'referral' && m.reason, 'not_expected', read);
  }
  assert.equal(matchPlate('W5C22555', 0.8, booked).kind, 'matched', 'a foreign character where no plate has one is an OCR error');
  assert.equal(matchPlate('51C-96.34', 0.9, booked).kind, 'referral', 'the layout shows which group lost a character');
  assert.equal(matchPlate('51C-963.4', 0.9, booked).kind, 'matched');
  assert.ok(wellFormedRead('12H-340.B1') && wellFormedRead('桂AI2345') && !wellFormedRead('W2H9745'));
});
