import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadScenario, runQueueDay, runReplications, runSimCommand } from '../../src/sim/index.ts';

test('same scenario and seed give the same result bytes; another seed gives another day', () => {
  const s = loadScenario('mong-cai-normal');
  const a = JSON.stringify(runQueueDay(s, 7));
  assert.equal(JSON.stringify(runQueueDay(loadScenario('mong-cai-normal'), 7)), a);
  assert.notEqual(JSON.stringify(runQueueDay(s, 8)), a);
});

test('a normal day serves its trucks and people and reports every KPI group', () => {
  const r = runQueueDay(loadScenario('mong-cai-normal'), 1);
  assert.ok(r.vehicles.demand > 700 && r.vehicles.demand < 900, `demand ${r.vehicles.demand}`);
  assert.equal(r.vehicles.served + r.vehicles.inSystemAtEnd, r.vehicles.arrived);
  assert.ok(r.people.served > 19_000 && r.people.served < 21_000, `people ${r.people.served}`);
  for (const k of ['all', 'export/fruit', 'import/general']) assert.ok(r.clearanceMinutes[k]!.n > 0, k);
  assert.ok(r.clearanceMinutes.all!.p50 <= r.clearanceMinutes.all!.p90 && r.clearanceMinutes.all!.p90 <= r.clearanceMinutes.all!.p95);
  assert.ok(r.utilisation.customsOfficers! > 0 && r.utilisation.customsOfficers! < 1);
  assert.ok(r.yard.maxOccupied > 0 && r.yard.maxOccupied <= r.yard.places);
});

test('failures hurt where they should: scanner breakdown and partner outage', () => {
  const normal = runQueueDay(loadScenario('mong-cai-normal'), 3);
  const scanner = runQueueDay(loadScenario('scanner-breakdown'), 3);
  const outage = runQueueDay(loadScenario('partner-outage'), 3);
  assert.ok(scanner.queues.scanners!.max > normal.queues.scanners!.max);
  assert.ok(scanner.clearanceMinutes.all!.p95 > normal.clearanceMinutes.all!.p95);
  assert.equal(normal.vehicles.manualFallbacks, 0);
  assert.ok(outage.vehicles.manualFallbacks > 0);
  assert.ok(outage.clearanceMinutes['import/general']!.mean > normal.clearanceMinutes['import/general']!.mean);
  // Common random numbers: the same trucks come with the same channels whatever the failures.
  assert.equal(scanner.vehicles.demand, normal.vehicles.demand);
});

test('perishables on the priority lane clear faster than general exports on the fruit-season day', () => {
  const r = runQueueDay(loadScenario('huu-nghi-fruit-season'), 1);
  assert.ok(r.truckCrossingMinutes['export/fruit']!.mean < r.truckCrossingMinutes['export/general']!.mean);
  assert.ok(r.utilisation.agvs! > 0);
});

test('replications on worker threads return the same days as in-process runs', async () => {
  const s = loadScenario('mong-cai-normal');
  const threaded = await runReplications(s, 11, 4, 2);
  assert.deepEqual(threaded.map((r) => r.seed), [11, 12, 13, 14]);
  assert.equal(JSON.stringify(threaded[3]), JSON.stringify(runQueueDay(s, 14)));
});

function capture() {
  const out: string[] = [], err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

test('sim run --scenario mong-cai-peak --seed 1 --json prints exactly one JSON object with the KPIs', async () => {
  const c = capture();
  assert.equal(await runSimCommand('run', ['--scenario', 'mong-cai-peak', '--seed', '1', '--json'], c.io), 0);
  assert.equal(c.out.length, 1);
  const r = JSON.parse(c.out[0]!);
  assert.equal(r.scenario, 'mong-cai-peak');
  assert.equal(r.mode, 'queue');
  assert.ok(r.vehicles.served > 1000, `a double-peak day serves its trucks (${r.vehicles.served})`);
  assert.equal(typeof r.wallTimeMs, 'number');
  assert.ok(r.clearanceMinutes.all.p95 >= 0 && r.utilisation.scanners >= 0 && r.yard.maxOccupied > 0);
});

test('sim run --replications gives means and 95 % intervals', async () => {
  const c = capture();
  assert.equal(await runSimCommand('run', ['--scenario', 'partner-outage', '--seed', '1', '--replications', '3', '--workers', '1', '--json'], c.io), 0);
  const r = JSON.parse(c.out[0]!);
  assert.equal(r.replications, 3);
  const m = r.metrics['clearanceMinutes.all.p90'];
  assert.ok(m.lo <= m.mean && m.mean <= m.hi);
});

test('replications of platform mode are refused with exit 2; bad input names the problem', async () => {
  let c = capture();
  assert.equal(await runSimCommand('run', ['--scenario', 'mong-cai-peak', '--mode', 'platform', '--replications', '2'], c.io), 2);
  assert.match(c.err.join('\n'), /queue mode only/);
  assert.equal(c.out.length, 0);
  c = capture();
  assert.equal(await runSimCommand('run', ['--scenario', 'nope'], c.io), 1);
  assert.match(c.err.join('\n'), /SCENARIO_NOT_FOUND|no file/);
  c = capture();
  assert.equal(await runSimCommand('run', ['--seed', 'x', '--scenario', 'mong-cai-normal'], c.io), 2);
});
