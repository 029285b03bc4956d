import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { listScenarios, loadScenario, resolveScenarioDocument, ScenarioError, scenarioProblems } from '../../src/sim/index.ts';

const base = () => structuredClone(resolveScenarioDocument('mong-cai-normal'));
/** Sets (or with `undefined`, deletes) the value at a JSON pointer of a parsed document. */
function patch(doc: unknown, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop()!;
  const parent = keys.reduce<Record<string, unknown>>((node, k) => node[k] as Record<string, unknown>, doc as Record<string, unknown>);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}
const pointers = (doc: unknown) => scenarioProblems(doc).map((p) => `${p.pointer} ${p.code}`);

test('every shipped scenario is valid, including the issue\'s five and the policy pair', () => {
  const names = listScenarios();
  for (const n of ['mong-cai-normal', 'mong-cai-peak', 'huu-nghi-fruit-season', 'scanner-breakdown', 'partner-outage', 'mong-cai-peak-fcfs']) assert.ok(names.includes(n), n);
  for (const n of names) assert.equal(loadScenario(n).name, n);
});

test('extends merges objects and replaces arrays', () => {
  const peak = loadScenario('mong-cai-peak');
  assert.equal(peak.trucks.flows.reduce((a, f) => a + f.perDay, 0), 1600);
  assert.equal(peak.site.egateLanes, 16);
  assert.equal(peak.site.weighbridges, loadScenario('mong-cai-normal').site.weighbridges);
  assert.equal(loadScenario('mong-cai-peak-fcfs').policy, 'fcfs');
});

test('schema errors name every bad field by JSON pointer', () => {
  const doc = base();
  patch(doc, '/trucks/flows/1/perDay', 'many');
  patch(doc, '/site/scanners', undefined);
  patch(doc, '/service/scan', { dist: 'exponential', mean: -3 });
  patch(doc, '/hours/trucks/open', '7am');
  patch(doc, '/staffing/0/cooks', 3);
  const got = pointers(doc);
  for (const want of ['/trucks/flows/1/perDay', '/site/scanners FIELD_REQUIRED', '/service/scan', '/hours/trucks/open SCHEMA_PATTERN', '/staffing/0/cooks FIELD_NOT_ALLOWED']) {
    assert.ok(got.some((g) => g.startsWith(want)), `expected a problem at ${want}; got:\n${got.join('\n')}`);
  }
});

test('rules beyond the schema also name the field', () => {
  const doc = base();
  patch(doc, '/trucks/flows/2/profile', 'nope');
  patch(doc, '/trucks/flows/0/channels/red', 0.5);
  patch(doc, '/booking/noShow', 0.5);
  patch(doc, '/failures', [{ kind: 'partner-link-down', from: '13:00', to: '09:00' }]);
  patch(doc, '/service/scan', { dist: 'triangular', min: 5, mode: 2, max: 9 });
  assert.deepEqual(pointers(doc).sort(), [
    '/booking SHARES_NOT_ONE', '/failures/0/to EMPTY_PERIOD', '/service/scan TRIANGLE_ORDER', '/trucks/flows/0/channels SHARES_NOT_ONE', '/trucks/flows/2/profile UNKNOWN_PROFILE',
  ]);
});

test('loading a bad file throws a ScenarioError listing the pointers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sim-'));
  const file = path.join(dir, 'bad.json');
  const doc = base();
  patch(doc, '/site/yardPlaces', -1);
  writeFileSync(file, JSON.stringify(doc));
  assert.throws(() => loadScenario(file), (err: unknown) => err instanceof ScenarioError && err.problems.some((p) => p.pointer === '/site/yardPlaces') && /\/site\/yardPlaces/.test(err.message));
  assert.throws(() => loadScenario('no-such-scenario'), (err: unknown) => err instanceof ScenarioError && err.problems[0]!.code === 'SCENARIO_NOT_FOUND');
});
