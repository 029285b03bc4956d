import assert from 'node:assert/strict';
import { test } from 'node:test';
import { erlang, exponential, lognormal, RandomStreams, Simulation, StableHeap, triangular, empirical, Tally, type RandomStream } from '../../src/sim/index.ts';

test('the heap pops by key and keeps insertion order among equal keys', () => {
  const h = new StableHeap<string>();
  const input: Array<[number, string]> = [[5, 'a'], [1, 'b'], [5, 'c'], [3, 'd'], [1, 'e'], [5, 'f'], [0, 'g']];
  for (const [k, v] of input) h.push(k, v);
  const out: string[] = [];
  while (h.size) out.push(h.pop()!);
  assert.deepEqual(out, ['g', 'b', 'e', 'd', 'a', 'c', 'f']);
});

test('the calendar runs actions in time order, FIFO at equal times, and moves the virtual clock', () => {
  const sim = new Simulation(1, '2026-06-16T00:00:00+07:00');
  const log: string[] = [];
  sim.after(10, () => log.push(`A@${sim.now}`));
  sim.after(5, () => {
    log.push(`B@${sim.now}`);
    sim.after(5, () => log.push(`C@${sim.now}`)); // same time as A, scheduled later → after A
  });
  sim.after(10, () => log.push(`D@${sim.now}`));
  sim.run();
  assert.deepEqual(log, ['B@5', 'A@10', 'D@10', 'C@10']);
  assert.equal(sim.clock.now().toISOString(), '2026-06-15T17:10:00.000Z');
});

test('run(until) stops at the horizon and leaves later actions pending', () => {
  const sim = new Simulation(1);
  let fired = 0;
  sim.after(30, () => fired++);
  sim.after(90, () => fired++);
  sim.run(60);
  assert.equal(fired, 1);
  assert.equal(sim.now, 60);
  assert.equal(sim.pending, 1);
});

test('named streams are reproducible and independent of each other', () => {
  const draw = (s: RandomStream, n: number) => Array.from({ length: n }, () => s.next());
  const a = new RandomStreams(42);
  const first = draw(a.stream('arrivals'), 5);
  const b = new RandomStreams(42);
  draw(b.stream('service'), 1000); // drawing elsewhere must not shift "arrivals"
  assert.deepEqual(draw(b.stream('arrivals'), 5), first);
  assert.notDeepEqual(draw(new RandomStreams(43).stream('arrivals'), 5), first);
  assert.notDeepEqual(draw(new RandomStreams(42).stream('service'), 5), first);
  for (const x of first) assert.ok(x >= 0 && x < 1);
});

test('distributions have the means they are configured with', () => {
  const rng = new RandomStreams(7).stream('dist');
  const mean = (f: (r: RandomStream) => number) => {
    const t = new Tally();
    for (let i = 0; i < 40_000; i++) t.add(f(rng));
    return t.mean;
  };
  const near = (x: number, want: number, rel = 0.03) => assert.ok(Math.abs(x - want) <= rel * want, `${x} vs ${want}`);
  near(mean(exponential(4)), 4);
  near(mean(erlang(3, 6)), 6);
  near(mean(lognormal(12, 8)), 12);
  near(mean(triangular(1, 2, 6)), 3);
  near(mean(empirical([1, 10], [3, 1])), 3.25);
});
