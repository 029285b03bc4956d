import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterFailedLogin, isValidChineseCreditCode, isValidVietnameseTaxCode, lockState, taxCodeProblem, vietnameseTaxCodeFrom } from './model.ts';

test('Vietnamese tax codes: check digit, branch suffix, wrong lengths', () => {
  assert.equal(isValidVietnameseTaxCode('0100109106'), true); // a real enterprise registration
  assert.equal(isValidVietnameseTaxCode('0300588569'), true);
  assert.equal(isValidVietnameseTaxCode('0300588569-001'), true);
  assert.equal(isValidVietnameseTaxCode('0300588568'), false, 'wrong check digit');
  assert.equal(isValidVietnameseTaxCode('030058856'), false);
  assert.equal(isValidVietnameseTaxCode('0300588569-01'), false);
  assert.equal(vietnameseTaxCodeFrom('010010910'), '0100109106');
});

test('Chinese unified social credit codes: check character per GB 32100-2015', () => {
  assert.equal(isValidChineseCreditCode('91350100M000100Y43'), true);
  assert.equal(isValidChineseCreditCode('91350100M000100Y44'), false);
  assert.equal(isValidChineseCreditCode('91350100M000100YI3'), false, 'I is not in the alphabet');
  assert.match(taxCodeProblem('CN', '123') ?? '', /Unified Social Credit Code/);
  assert.match(taxCodeProblem('US', '123') ?? '', /VN or CN/);
});

test('an account locks after the configured number of failures and unlocks after the lockout', () => {
  const now = new Date('2026-05-01T08:00:00Z');
  let state = { failedAttempts: 0, lockedUntil: null as Date | null };
  for (let i = 1; i < 5; i++) {
    state = afterFailedLogin(state, now, 5, 15);
    assert.equal(state.lockedUntil, null);
    assert.equal(state.failedAttempts, i);
  }
  state = afterFailedLogin(state, now, 5, 15);
  assert.deepEqual(state.lockedUntil, new Date('2026-05-01T08:15:00Z'));
  assert.equal(lockState(state, new Date('2026-05-01T08:14:59Z')).locked, true);
  assert.equal(lockState(state, new Date('2026-05-01T08:15:00Z')).locked, false);
});
