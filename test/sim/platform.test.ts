// Platform mode: a small day through the real modules (customs, risk, gate …) on in-memory PGlite
// with the virtual clock; KPIs from the gate's journeys; same scenario and seed, same bytes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSimCommand } from '../../src/sim/index.ts';

async function platformDay(seed: string): Promise<{ text: string; r: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- KPI JSON read field by field
  const out: string[] = [], err: string[] = [];
  const code = await runSimCommand('run', ['--scenario', 'twin-small', '--seed', seed, '--mode', 'platform', '--json'], { out: (s) => out.push(s), err: (s) => err.push(s) });
  assert.equal(code, 0, err.join('\n'));
  assert.equal(out.length, 1);
  const r = JSON.parse(out[0]!);
  delete r.wallTimeMs;
  return { text: JSON.stringify(r), r };
}

test('sim run --mode platform runs the day through the real modules; same seed, same bytes', async () => {
  const first = await platformDay('1');
  const r = first.r;
  assert.equal(r.mode, 'platform');
  assert.ok(r.vehicles.arrived >= 10, `trucks came (${r.vehicles.arrived})`);
  // Every truck that came was let in, weighed, released, checked and let out by the platform.
  assert.equal(r.vehicles.served, r.vehicles.arrived, JSON.stringify(r.platform));
  assert.deepEqual(r.platform.refusals, {}, 'the platform refused nothing the twin sent');
  assert.equal(r.platform.heldAtEntry + r.platform.heldAtExit, 0);
  // The channels are the risk engine's, one per declared truck.
  const ch = r.platform.channels;
  assert.equal(ch.green + ch.yellow + ch.red, r.vehicles.demand);
  // KPIs come from the gate's journey stage times; the gate's own clearance query agrees on the count.
  assert.equal(r.truckCrossingMinutes.all.n, r.vehicles.served);
  assert.equal(r.platform.gateClearance.inbound.count + r.platform.gateClearance.outbound.count, r.vehicles.served);
  assert.ok(r.truckCrossingMinutes.all.p50 > 0 && r.truckCrossingMinutes.all.p95 >= r.truckCrossingMinutes.all.p50);
  assert.ok(r.clearanceMinutes['import/general'].n > 0 && r.clearanceMinutes['export/fruit'].n > 0);
  // People stay in the queue model, and the report says so.
  assert.ok(r.people.served > 0);
  assert.match(r.platform.note, /people module/);

  const again = await platformDay('1');
  assert.equal(again.text, first.text, 'same scenario and seed, same result bytes');
});
