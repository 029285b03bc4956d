import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../clock/index.ts';
import { createIdGenerator, seededRandomBytes } from './index.ts';

test('ids of one millisecond sort in the order they were made; a new millisecond starts fresh', () => {
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  const ids = createIdGenerator(clock);
  const burst = Array.from({ length: 1000 }, () => ids.next('win'));
  assert.deepEqual([...burst].sort(), burst, 'made in one millisecond, sorted as made');
  assert.equal(new Set(burst).size, 1000);
  clock.advance(1);
  const later = ids.next('win');
  assert.ok(later > burst.at(-1)!, 'a later millisecond sorts after');
  assert.match(later, /^win_[0-9A-HJKMNP-TV-Z]{26}$/);
});

test('the same seed and clock give the same ids (the twin relies on it)', () => {
  const make = () => {
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    const ids = createIdGenerator(clock, seededRandomBytes(42));
    return [ids.next('a'), ids.next('a'), (clock.advance(5), ids.next('b'))];
  };
  assert.deepEqual(make(), make());
});
