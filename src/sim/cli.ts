import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runQueueDay } from './queue/index.ts';
import { runReplications, summariseReplications } from './replicate.ts';
import { formatDay, formatReplications } from './report.ts';
import { listScenarios, loadScenario, ScenarioError } from './scenario/index.ts';

/** Usage line of the `sim` command for the CLI's help text. */
export const SIM_USAGE = `  sim run --scenario NAME|FILE.json [--seed N] [--mode queue|platform] [--policy booked-slots|fcfs]
          [--replications R] [--workers W] [--json] [--all]
                                run a day of the digital twin and print its KPIs (docs/twin.md)
  sim list                      the shipped scenarios (sim/scenarios/)`;

type Io = { out: (s: string) => void; err: (s: string) => void };

/** `borderflow sim …`; returns the exit code (2: usage, 1: bad scenario). */
export async function runSimCommand(sub: string | undefined, args: string[], io: Io): Promise<number> {
  if (sub === 'list') {
    io.out(listScenarios().join('\n'));
    return 0;
  }
  if (sub !== 'run') {
    io.err(`usage:\n${SIM_USAGE}`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        scenario: { type: 'string' }, seed: { type: 'string', default: '1' }, mode: { type: 'string', default: 'queue' }, policy: { type: 'string' },
        replications: { type: 'string' }, workers: { type: 'string' }, json: { type: 'boolean', default: false }, all: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\nusage:\n${SIM_USAGE}`);
    return 2;
  }
  const seed = Number(values.seed);
  const reps = values.replications === undefined ? 0 : Number(values.replications);
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  const bad = !values.scenario ? '--scenario is required'
    : !Number.isSafeInteger(seed) ? '--seed must be an integer'
      : !Number.isInteger(reps) || reps < 0 || reps > 100_000 ? '--replications must be an integer from 1 to 100000'
        : !Number.isInteger(workers) || workers < 1 ? '--workers must be a positive integer'
          : values.mode !== 'queue' && values.mode !== 'platform' ? '--mode is queue or platform'
            : values.policy !== undefined && values.policy !== 'booked-slots' && values.policy !== 'fcfs' ? '--policy is booked-slots or fcfs' : null;
  if (bad) {
    io.err(`${bad}\nusage:\n${SIM_USAGE}`);
    return 2;
  }
  if (values.mode === 'platform' && reps > 0) {
    io.err('--replications runs the queue mode only (a platform-mode day takes seconds to minutes)');
    return 2;
  }
  let scenario;
  try {
    scenario = loadScenario(values.scenario!);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    io.err(err.message);
    return 1;
  }
  if (values.policy) scenario = { ...scenario, policy: values.policy as typeof scenario.policy };
  const t0 = performance.now();
  if (reps > 0) {
    const results = await runReplications(scenario, seed, reps, workers);
    const summary = summariseReplications(scenario, results, Math.min(workers, reps));
    const wallTimeMs = Math.round(performance.now() - t0);
    io.out(values.json ? JSON.stringify({ ...summary, wallTimeMs }) : formatReplications(summary, wallTimeMs, values.all));
    return 0;
  }
  if (values.mode === 'platform') {
    // Loaded on demand: the platform (database, HTTP, MQTT) is not needed by the queue mode.
    const { runPlatformDay } = await import('./platform/run.ts');
    const result = await runPlatformDay(scenario, seed);
    const wallTimeMs = Math.round(performance.now() - t0);
    io.out(values.json ? JSON.stringify({ ...result, wallTimeMs }) : formatDay(result, wallTimeMs));
    return 0;
  }
  const result = runQueueDay(scenario, seed);
  const wallTimeMs = Math.round((performance.now() - t0) * 10) / 10;
  io.out(values.json ? JSON.stringify({ ...result, wallTimeMs }) : formatDay(result, wallTimeMs));
  return 0;
}
