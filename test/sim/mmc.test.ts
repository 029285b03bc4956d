import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exponential, meanInterval, Resource, Simulation } from '../../src/sim/index.ts';

/** Erlang C: mean wait in queue of an M/M/c queue with arrival rate λ and service rate μ per server. */
function erlangCWait(lambda: number, mu: number, c: number): number {
  const a = lambda / mu;
  let term = 1, sum = 1; // k = 0
  for (let k = 1; k < c; k++) sum += (term *= a / k);
  const last = (term * a) / c * (c / (c - a)); // a^c / c! · c / (c − a)
  const waitProbability = last / (sum + last);
  return waitProbability / (c * mu - lambda);
}

/** One replication: mean wait of customers `warmup+1 … warmup+n` of an M/M/c queue on the engine. */
function simulatedWait(seed: number, lambda: number, mu: number, c: number, n: number, warmup: number): number {
  const sim = new Simulation(seed);
  const servers = new Resource(sim, 'servers', c);
  const interarrival = exponential(1 / lambda), service = exponential(1 / mu);
  const arrivals = sim.random.stream('arrivals'), services = sim.random.stream('service');
  let started = 0, total = 0, counted = 0;
  const arrive = () => {
    const at = sim.now;
    const index = started++;
    servers.request(0, () => {
      if (index >= warmup) { total += sim.now - at; counted++; }
      sim.after(service(services), () => servers.release());
    });
    if (started < warmup + n) sim.after(interarrival(arrivals), arrive);
  };
  sim.after(0, arrive);
  sim.run();
  return total / counted;
}

test('M/M/3 at 80 % load: the simulated mean wait matches Erlang C within the 95 % interval of 20 replications', () => {
  const lambda = 2.4, mu = 1, c = 3;
  const expected = erlangCWait(lambda, mu, c); // ≈ 1.079 minutes
  const waits = Array.from({ length: 20 }, (_, i) => simulatedWait(1000 + i, lambda, mu, c, 20_000, 2_000));
  const iv = meanInterval(waits);
  assert.ok(Math.abs(expected - 1.0787) < 1e-3, `Erlang C formula: ${expected}`);
  assert.ok(iv.lo <= expected && expected <= iv.hi, `Erlang C ${expected.toFixed(4)} outside [${iv.lo.toFixed(4)}, ${iv.hi.toFixed(4)}]`);
  assert.ok(iv.hi - iv.lo < 0.2 * expected, 'the interval is narrow enough to mean something');
});
