/** The discrete-event engine: calendar, resources, seeded random streams, distributions, statistics. */
export { StableHeap } from './heap.ts';
export { Simulation, proceed, type Action, type Process, type Continuation } from './simulation.ts';
export { Resource, type ResourceStats } from './resource.ts';
export { RandomStreams, Xoshiro128, type RandomStream } from './rng.ts';
export { VirtualClock } from './clock.ts';
export { samplerOf, meanOf, exponential, erlang, lognormal, normal, triangular, empirical, type DistributionSpec, type Sampler } from './distributions.ts';
export { Tally, meanInterval, t95, round2, type Summary, type Interval } from './stats.ts';
