import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Resource, Simulation } from '../../src/sim/index.ts';

/** A job that takes `duration` minutes of one unit and logs when it starts. */
function job(sim: Simulation, r: Resource, name: string, priority: number, duration: number, log: string[]) {
  r.request(priority, () => {
    log.push(`${name}@${sim.now}`);
    sim.after(duration, () => r.release());
  });
}

test('capacity bounds concurrent use; waiting requests start as units free up', () => {
  const sim = new Simulation(1);
  const r = new Resource(sim, 'lanes', 2);
  const log: string[] = [];
  for (const n of ['a', 'b', 'c', 'd']) job(sim, r, n, 1, 10, log);
  assert.equal(r.inUse, 2);
  assert.equal(r.queueLength, 2);
  sim.run();
  assert.deepEqual(log, ['a@0', 'b@0', 'c@10', 'd@10']);
  const st = r.stats();
  assert.equal(st.maxQueue, 2);
  assert.equal(st.utilisation, 1); // 40 unit-minutes busy of 2 × 20 available
});

test('lower priority numbers go first; equal priorities are first come, first served', () => {
  const sim = new Simulation(1);
  const r = new Resource(sim, 'scanner', 1);
  const log: string[] = [];
  job(sim, r, 'busy', 1, 5, log);
  sim.after(1, () => { job(sim, r, 'normal1', 1, 5, log); job(sim, r, 'urgent1', 0, 5, log); job(sim, r, 'normal2', 1, 5, log); job(sim, r, 'urgent2', 0, 5, log); });
  sim.run();
  assert.deepEqual(log, ['busy@0', 'urgent1@5', 'urgent2@10', 'normal1@15', 'normal2@20']);
});

test('no preemption: a job in service keeps its unit when a higher priority arrives', () => {
  const sim = new Simulation(1);
  const r = new Resource(sim, 'officer', 1);
  const log: string[] = [];
  job(sim, r, 'low', 9, 30, log);
  sim.after(1, () => job(sim, r, 'high', 0, 5, log));
  sim.run();
  assert.deepEqual(log, ['low@0', 'high@30']);
});

test('lowering the capacity lets running jobs finish and holds new ones; raising it starts them', () => {
  const sim = new Simulation(1);
  const r = new Resource(sim, 'scanners', 2);
  const log: string[] = [];
  job(sim, r, 'a', 1, 20, log);
  sim.after(5, () => r.setCapacity(0)); // both scanners fail
  sim.after(6, () => job(sim, r, 'b', 1, 5, log));
  sim.after(50, () => r.setCapacity(1)); // one repaired
  sim.run();
  assert.deepEqual(log, ['a@0', 'b@50']);
  assert.throws(() => r.release(), /release without a unit in use/);
});
