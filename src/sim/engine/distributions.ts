import type { RandomStream } from './rng.ts';

/** Draws one number from a distribution using a random stream. */
export type Sampler = (rng: RandomStream) => number;

/** A distribution as written in a scenario file (times in minutes). */
export type DistributionSpec =
  | { dist: 'constant'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'erlang'; k: number; mean: number }
  | { dist: 'lognormal'; mean: number; sd: number }
  | { dist: 'normal'; mean: number; sd: number; min?: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'empirical'; values: number[]; weights?: number[] };

/** Exponential with the given mean (inverse transform). */
export function exponential(mean: number): Sampler {
  return (rng) => -mean * Math.log(1 - rng.next());
}

/** Erlang-k with the given overall mean: the sum of k exponentials of mean/k. */
export function erlang(k: number, mean: number): Sampler {
  const m = mean / k;
  return (rng) => {
    let p = 1;
    for (let i = 0; i < k; i++) p *= 1 - rng.next();
    return -m * Math.log(p);
  };
}

/** Standard normal by the Box–Muller transform (one draw per call, two uniforms). */
function standardNormal(rng: RandomStream): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Normal, optionally truncated below by resampling-free clamping at `min`. */
export function normal(mean: number, sd: number, min = -Infinity): Sampler {
  return (rng) => Math.max(min, mean + sd * standardNormal(rng));
}

/** Lognormal parameterised by its own mean and standard deviation (not those of the log). */
export function lognormal(mean: number, sd: number): Sampler {
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  const mu = Math.log(mean) - sigma2 / 2;
  const sigma = Math.sqrt(sigma2);
  return (rng) => Math.exp(mu + sigma * standardNormal(rng));
}

/** Triangular on [min, max] with the given mode (inverse transform). */
export function triangular(min: number, mode: number, max: number): Sampler {
  const span = max - min;
  const cut = span > 0 ? (mode - min) / span : 0;
  return (rng) => {
    const u = rng.next();
    return u < cut ? min + Math.sqrt(u * span * (mode - min)) : max - Math.sqrt((1 - u) * span * (max - mode));
  };
}

/** Discrete empirical: one of `values`, chosen with probability proportional to `weights` (equal by default). */
export function empirical(values: number[], weights?: number[]): Sampler {
  const w = weights ?? values.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const x of w) cumulative.push((acc += x) / total);
  return (rng) => {
    const u = rng.next();
    for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]!) return values[i]!;
    return values[values.length - 1]!;
  };
}

/** Builds the sampler a scenario's distribution spec describes. */
export function samplerOf(spec: DistributionSpec): Sampler {
  switch (spec.dist) {
    case 'constant': { const v = spec.value; return () => v; }
    case 'uniform': { const { min, max } = spec; return (rng) => min + (max - min) * rng.next(); }
    case 'exponential': return exponential(spec.mean);
    case 'erlang': return erlang(spec.k, spec.mean);
    case 'lognormal': return lognormal(spec.mean, spec.sd);
    case 'normal': return normal(spec.mean, spec.sd, spec.min ?? 0);
    case 'triangular': return triangular(spec.min, spec.mode, spec.max);
    case 'empirical': return empirical(spec.values, spec.weights);
  }
}

/** The mean a spec describes (used for documentation and sanity checks). */
export function meanOf(spec: DistributionSpec): number {
  switch (spec.dist) {
    case 'constant': return spec.value;
    case 'uniform': return (spec.min + spec.max) / 2;
    case 'exponential': case 'erlang': case 'lognormal': case 'normal': return spec.mean;
    case 'triangular': return (spec.min + spec.mode + spec.max) / 3;
    case 'empirical': {
      const w = spec.weights ?? spec.values.map(() => 1);
      const t = w.reduce((a, b) => a + b, 0);
      return spec.values.reduce((a, v, i) => a + v * w[i]!, 0) / t;
    }
  }
}
