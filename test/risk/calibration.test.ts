// Threshold calibration hits the target inspection rates on the history it was calibrated on
// (held-in), within ±0.5 percentage points — with continuous model scores, with the discrete
// scores of rules alone (large blocks of equal scores), and with rule hits forcing channels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessInput, calibrateThresholds, channelFor, trainDeclarationModel, type ScoredItem } from '../../src/modules/risk/index.ts';
import { seededRng } from '../../src/modules/risk/rng.ts';
import { NO_RANDOM, ruleSetWith } from './fixtures.ts';
import { simulateHistory } from './simulate.ts';

const TARGETS = { red: 0.05, yellow: 0.1 };
const within = (actual: number, target: number, what: string) => assert.ok(Math.abs(actual - target) <= 0.005, `${what}: ${(actual * 100).toFixed(2)} % for a target of ${target * 100} %`);

function rates(items: ScoredItem[], t: ReturnType<typeof calibrateThresholds>['thresholds']) {
  const c = { red: 0, yellow: 0, green: 0 };
  for (const i of items) c[channelFor(i.score, i.tie, i.forced, t).channel]++;
  return { red: c.red / items.length, yellow: c.yellow / items.length };
}

test('continuous scores with a few forced channels: red 5 %, yellow 10 %', () => {
  const rng = seededRng(11);
  const items: ScoredItem[] = Array.from({ length: 3000 }, () => ({ score: rng.next() ** 3, tie: rng.next(), forced: rng.next() < 0.01 ? 'red' : rng.next() < 0.03 ? 'yellow' : null }));
  const c = calibrateThresholds(items, TARGETS);
  within(c.achieved.red, 0.05, 'red');
  within(c.achieved.yellow, 0.1, 'yellow');
  assert.deepEqual(rates(items, c.thresholds), { red: c.achieved.red, yellow: c.achieved.yellow }, 'the stored thresholds give those rates again');
  assert.deepEqual(c.notes, []);
});

test('rules only: most declarations share a handful of scores, and the seeded tie draw still splits them to the target', () => {
  const rng = seededRng(12);
  const levels = [0, 0, 0, 0, 0, 0.15, 0.25, 0.25, 0.4375];
  const items: ScoredItem[] = Array.from({ length: 2000 }, () => ({ score: levels[rng.below(levels.length)]!, tie: rng.next(), forced: null }));
  const c = calibrateThresholds(items, TARGETS);
  within(c.achieved.red, 0.05, 'red');
  within(c.achieved.yellow, 0.1, 'yellow');
  assert.equal(c.thresholds.red.score, 0.4375, 'the red cut falls inside the block of the highest score');
});

test('forced red above the target: every forced one stays red, none by score, and the note says so', () => {
  const rng = seededRng(13);
  const items: ScoredItem[] = Array.from({ length: 1000 }, (_, i) => ({ score: rng.next(), tie: rng.next(), forced: i < 80 ? 'red' : null }));
  const c = calibrateThresholds(items, TARGETS);
  assert.equal(c.achieved.red, 0.08);
  within(c.achieved.yellow, 0.1, 'yellow');
  assert.match(c.notes.join(' '), /forced red alone is 8\.0 %, above the red target/);
});

test('end to end on simulated history: re-scored with the rules and a model, the calibrated channels hit the targets', () => {
  const history = simulateHistory(1200, 21);
  const model = { id: 'mdl_T', version: 1, model: trainDeclarationModel(history.slice(0, 600), { seed: 1 }) };
  const watched = history[700]!.input.declaration.importer.taxId; // one importer of 30: about 3 % forced yellow
  const ruleSet = ruleSetWith({ ...NO_RANDOM, watchlists: { parties: [{ value: watched, channel: 'yellow', weight: 0.3 }] } });
  const recent = history.slice(600).map((h) => h.input);
  const items = recent.map((input) => {
    const r = assessInput(input, { ruleSet, model, calibration: null });
    return { score: r.score, tie: r.tie, forced: r.forcedChannel };
  });
  const c = calibrateThresholds(items, TARGETS);
  assert.ok(items.some((i) => i.forced === 'yellow'));
  const channels = recent.map((input) => assessInput(input, { ruleSet, model, calibration: { id: 'cal_T', thresholds: c.thresholds } }).channel);
  within(channels.filter((x) => x === 'red').length / channels.length, 0.05, 'red');
  within(channels.filter((x) => x === 'yellow').length / channels.length, 0.1, 'yellow');
});
