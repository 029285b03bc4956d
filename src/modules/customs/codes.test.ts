import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { containerNumberProblem, currencyDigits, isCountryCode, isCurrencyCode, isUnitCode, iso6346CheckDigit, parsePlate } from './codes.ts';

describe('ISO 6346 container numbers', () => {
  test('the standard\'s worked example CSQU 305438 3 has check digit 3', () => {
    assert.equal(iso6346CheckDigit('CSQU305438'), 3);
    assert.equal(containerNumberProblem('CSQU3054383'), null);
  });
  test('a remainder of 10 gives check digit 0', () => {
    // Σ for TCLU765432 is ≡ 10 (mod 11).
    assert.equal(iso6346CheckDigit('TCLU765432'), 0);
    assert.equal(containerNumberProblem('TCLU7654320'), null);
  });
  test('a wrong check digit and a wrong shape are told apart', () => {
    assert.equal(containerNumberProblem('CSQU3054384'), 'check_digit');
    assert.equal(containerNumberProblem('CSQX3054383'), 'format', 'category must be U, J or Z');
    assert.equal(containerNumberProblem('CSQU305438'), 'format');
    assert.equal(containerNumberProblem('csqu3054383'), 'format', 'normalise before checking');
  });
});

describe('number plates', () => {
  const ok: Array<[string, string, 'VN' | 'CN', boolean]> = [
    ['29C-123.45', '29C-123.45', 'VN', false],
    ['29C12345', '29C-123.45', 'VN', false],
    ['29C-1234', '29C-1234', 'VN', false],
    ['15R-012.34', '15R-012.34', 'VN', true],
    ['29LD-123.45', '29LD-123.45', 'VN', false],
    ['桂A12345', '桂A12345', 'CN', false],
    ['桂A1234挂', '桂A1234挂', 'CN', true],
    ['粤B·D12345', '粤BD12345', 'CN', false],
  ];
  for (const [raw, normalized, country, trailer] of ok) {
    test(`${raw} is a ${country} ${trailer ? 'trailer' : 'vehicle'} plate`, () => assert.deepEqual(parsePlate(raw), { country, normalized, trailer }));
  }
  for (const bad of ['01C-123.45', '29C-12.345', '29-123.45', '桂I12345', 'XA12345', '桂A123', '']) {
    test(`${JSON.stringify(bad)} is not a plate`, () => assert.equal(parsePlate(bad), null));
  }
});

describe('ISO 3166-1, ISO 4217 and UN/ECE Rec 20 codes', () => {
  test('countries are assigned alpha-2 codes in upper case', () => {
    assert.ok(isCountryCode('VN') && isCountryCode('CN') && isCountryCode('TH'));
    assert.ok(!isCountryCode('XX') && !isCountryCode('vn') && !isCountryCode('VNM'));
  });
  test('currencies are ISO 4217 money, not test or no-currency codes', () => {
    assert.ok(isCurrencyCode('VND') && isCurrencyCode('CNY') && isCurrencyCode('USD'));
    assert.ok(!isCurrencyCode('XXX') && !isCurrencyCode('XTS') && !isCurrencyCode('ABC') && !isCurrencyCode('usd'));
    assert.deepEqual([currencyDigits('VND'), currencyDigits('USD'), currencyDigits('CNY')], [0, 2, 2]);
  });
  test('units', () => {
    assert.ok(isUnitCode('KGM') && isUnitCode('NAR'));
    assert.ok(!isUnitCode('kg'));
  });
});
