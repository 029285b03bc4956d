// The twin's hourly forecast for the IOC: queue-mode arrivals and exits per hour and direction,
// averaged over seeds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { forecastHourly, loadScenario, runQueueDay } from '../../src/sim/index.ts';
import { startPlatform } from '../support/platform.ts';

test('forecastHourly gives 24 hours of expected trucks per direction, following the scenario\'s hourly profile', () => {
  const s = loadScenario('mong-cai-normal');
  const f = forecastHourly(s, 1, 3);
  assert.deepEqual(f.seeds, [1, 2, 3]);
  assert.equal(f.hours.length, 24);
  assert.deepEqual(f.hours.map((h) => h.hour), Array.from({ length: 24 }, (_, h) => h));
  const sum = (pick: (h: (typeof f.hours)[number]) => number) => f.hours.reduce((a, h) => a + pick(h), 0);
  // The average of the three days' arrivals, hour by hour, adds up to their average total.
  const days = [1, 2, 3].map((seed) => runQueueDay(s, seed));
  const meanArrived = days.reduce((a, d) => a + d.vehicles.arrived, 0) / 3;
  assert.ok(Math.abs(sum((h) => h.arrivals.import + h.arrivals.export) - meanArrived) < 1.5);
  // Nobody comes at 03:00; the day's busiest hours are in the daytime, for both directions.
  assert.equal(f.hours[3]!.arrivals.import + f.hours[3]!.arrivals.export, 0);
  for (const d of ['import', 'export'] as const) {
    const peak = f.hours.reduce((best, h) => (h.arrivals[d] > best.arrivals[d] ? h : best));
    assert.ok(peak.hour >= 7 && peak.hour <= 18, `${d} peaks at ${peak.hour}:00`);
    assert.ok(sum((h) => h.exits[d]) <= sum((h) => h.arrivals[d]) + 1e-9);
  }
  assert.deepEqual(forecastHourly(s, 1, 3), f, 'deterministic');
});

test('FORECAST_SCENARIO gives the IOC its forecast: a quiet gate in a busy hour raises the drift alert', async () => {
  await assert.rejects(startPlatform({ env: { FORECAST_SCENARIO: 'no-such-scenario' }, listen: false }), /no-such-scenario/);
  // 10:00 in Móng Cái (UTC+7) is a busy hour of mong-cai-normal, and no truck has come.
  const clock = new ManualClock('2026-11-23T03:10:00Z');
  const bf = await startPlatform({ env: { FORECAST_SCENARIO: 'mong-cai-normal' }, listen: false, clock });
  try {
    await bf.platform.ioc.tick();
    const drift = (await bf.platform.ioc.alerts.list('unresolved')).filter((a) => a.rule === 'kpi_drift');
    assert.equal(drift.length, 1, 'one drift alert');
    assert.match(drift[0]!.message, /below the forecast/);
  } finally {
    await bf.close();
  }
});
