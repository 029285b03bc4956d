import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig, type ConfigError } from '../../infra/config/index.ts';
import { stageDwells } from './dwell.ts';
import { containerMismatch, slotWindowProblem } from './entry-checks.ts';
import { LivePlateIndex } from './live-index.ts';
import type { JourneyState } from './model.ts';
import { defaultGateSettings, withOverrides } from './settings.ts';

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);
const tolerance = { slotEarlyToleranceMinutes: 60, slotLateToleranceMinutes: 30 };

test('the slot window opens an hour before the slot and closes half an hour after it ends', () => {
  const slot = at('10:00');
  assert.equal(slotWindowProblem(slot, at('08:59'), tolerance)?.code, 'SLOT_TOO_EARLY');
  assert.equal(slotWindowProblem(slot, at('08:59'), tolerance)?.minutes, 61);
  assert.equal(slotWindowProblem(slot, at('09:00'), tolerance), null);
  assert.equal(slotWindowProblem(slot, at('11:00'), tolerance), null);
  const late = slotWindowProblem(slot, at('11:01'), tolerance);
  assert.deepEqual([late?.code, late?.minutes], ['SLOT_TOO_LATE', 31]);
  assert.equal(containerMismatch('CSQU3054383', ['CSQU3054383']), null);
  assert.equal(containerMismatch('CSQU3054383', []), null, 'nothing declared: nothing to compare');
  assert.match(containerMismatch('MSCU1234565', ['CSQU3054383']) ?? '', /MSCU1234565.*CSQU3054383/);
});

test('dwell per stage: time from each stage to the next, and how long trucks have been in their stage now', () => {
  const j = (state: JourneyState, stages: Array<[JourneyState, string]>) => ({ state, stages: stages.map(([stage, t]) => ({ stage, at: at(t), by: 'x' })) });
  const d = stageDwells([
    j('weighed', [['expected', '07:00'], ['arrived', '08:00'], ['in_yard', '08:05'], ['called_forward', '08:45'], ['weighed', '08:55']]),
    j('in_yard', [['expected', '07:00'], ['arrived', '08:10'], ['in_yard', '08:20']]),
  ], at('09:00'), at('00:00'));
  const inYard = d.find((x) => x.stage === 'in_yard')!;
  assert.deepEqual([inYard.completed, inYard.p50Minutes, inYard.current, inYard.longestCurrentMinutes], [1, 40, 1, 40]);
  const arrived = d.find((x) => x.stage === 'arrived')!;
  assert.deepEqual([arrived.completed, arrived.p50Minutes, arrived.p90Minutes], [2, 10, 10]);
});

test('GATE_* variables override the gate settings; a bad value fails naming the variable', () => {
  const s = withOverrides(defaultGateSettings(), parseConfig({ GATE_LANE_TRUCKS_PER_HOUR: '20', GATE_YARD_CAPACITY: '300', GATE_FEES: 'light=60000, tractor_trailer=450000', GATE_NO_SHOW_GRACE_MINUTES: '90' }, '/srv').gate);
  assert.deepEqual([s.lanes['inbound/general']?.trucksPerHourPerLane, s.yardCapacity, s.noShowGraceMinutes], [20, 300, 90]);
  assert.deepEqual(s.fees.amounts, { light: 60_000, truck_2_axle: 150_000, truck_3_axle: 250_000, tractor_trailer: 450_000 });
  assert.equal(withOverrides(defaultGateSettings(), parseConfig({}, '/srv').gate).yardCapacity, 2500, 'unset: the default');
  assert.throws(() => parseConfig({ GATE_YARD_CAPACITY: 'lots', GATE_FEES: 'light:5' }, '/srv'), (e: ConfigError) =>
    e.problems.some((p) => p.variable === 'GATE_YARD_CAPACITY') && e.problems.some((p) => p.variable === 'GATE_FEES'));
  assert.throws(() => withOverrides(defaultGateSettings(), parseConfig({ GATE_FEES: 'bicycle=5' }, '/srv').gate), (e: ConfigError) => e.problems[0]!.variable === 'GATE_FEES');
});

test('the in-memory plate index follows states and reloads when stale', async () => {
  let now = 0;
  let rows = [{ id: 'j1', plate: '29C-123.45', state: 'in_yard' as JourneyState, gate: 'VN-MONGCAI' }];
  const index = new LivePlateIndex(async () => rows, 1000, () => now);
  await index.refreshIfStale();
  assert.equal(index.match('29C12345', 0.9, ['in_yard'], 'VN-MONGCAI').kind, 'matched');
  assert.equal(index.match('29C12345', 0.9, ['expected'], 'VN-MONGCAI').kind, 'referral', 'another stage: not a candidate');
  index.upsert({ id: 'j1', plate: '29C-123.45', state: 'exited', gate: 'VN-MONGCAI' });
  assert.equal(index.match('29C12345', 0.9, ['in_yard'], 'VN-MONGCAI').kind, 'referral', 'a finished journey leaves the index');
  rows = [{ id: 'j2', plate: '桂A12345', state: 'expected', gate: 'VN-MONGCAI' }];
  now = 500;
  await index.refreshIfStale();
  assert.equal(index.match('桂A12345', 0.9, ['expected'], 'VN-MONGCAI').kind, 'referral', 'still fresh: not reloaded');
  now = 1500;
  await index.refreshIfStale();
  await new Promise((r) => setImmediate(r)); // later reloads run behind the reads
  const m = index.match('桂A1Z345', 0.9, ['expected'], 'VN-MONGCAI');
  assert.equal(m.kind === 'matched' && m.id, 'j2', 'reloaded after maxAgeMs');
});
