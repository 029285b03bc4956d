import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { meanInterval, type Interval } from './engine/index.ts';
import { runQueueDay, type QueueDayResult } from './queue/index.ts';
import type { Scenario } from './scenario/index.ts';

/** Means and 95 % intervals of every numeric KPI over independent replications. */
export interface ReplicationSummary {
  scenario: string;
  mode: 'queue';
  policy: Scenario['policy'];
  replications: number;
  seeds: { first: number; last: number };
  workers: number;
  /** Flattened KPI path (e.g. "clearanceMinutes.all.p90") → mean and Student-t 95 % interval. */
  metrics: Record<string, Interval>;
}

/** Runs seeds `first … first+count−1` of a scenario on `workers` threads; results come back in seed order. */
export async function runReplications(s: Scenario, first: number, count: number, workers = availableParallelism()): Promise<QueueDayResult[]> {
  const seeds = Array.from({ length: count }, (_, i) => first + i);
  const n = Math.max(1, Math.min(workers, count));
  if (n === 1) return seeds.map((seed) => runQueueDay(s, seed));
  // Contiguous blocks, so each worker's results come back already in seed order.
  const size = Math.ceil(count / n);
  const blocks = Array.from({ length: n }, (_, i) => seeds.slice(i * size, (i + 1) * size)).filter((b) => b.length);
  const parts = await Promise.all(blocks.map((block) => runInWorker(s, block)));
  return parts.flat();
}

// The worker is TypeScript too: it registers the tsx loader before importing its module, whatever
// started this process (bin/borderflow.js, `tsx`, or node --import tsx).
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./replicate-worker.ts', import.meta.url).href)}); })
  .catch((err) => { console.error(err); process.exit(1); });`;

function runInWorker(scenario: Scenario, seeds: number[]): Promise<QueueDayResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { scenario, seeds } });
    worker.once('message', (results: QueueDayResult[]) => { resolve(results); void worker.terminate(); });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`replication worker exited with code ${code}`)); });
  });
}

/** Summarises replications: mean and 95 % interval of each numeric KPI present in every run. */
export function summariseReplications(s: Scenario, results: QueueDayResult[], workers: number): ReplicationSummary {
  const columns = new Map<string, number[]>();
  for (const r of results) {
    const flat = flatten(r);
    for (const [k, v] of flat) {
      const col = columns.get(k) ?? [];
      col.push(v);
      columns.set(k, col);
    }
  }
  const metrics: Record<string, Interval> = {};
  for (const [k, col] of columns) {
    if (k === 'seed' || k === 'horizonHours' || col.length !== results.length) continue;
    const iv = meanInterval(col);
    metrics[k] = { mean: r3(iv.mean), lo: r3(iv.lo), hi: r3(iv.hi) };
  }
  return {
    scenario: s.name, mode: 'queue', policy: s.policy, replications: results.length,
    seeds: { first: results[0]?.seed ?? 0, last: results[results.length - 1]?.seed ?? 0 }, workers, metrics,
  };
}

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function flatten(x: unknown, prefix = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof x === 'number') out.set(prefix, x);
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}
