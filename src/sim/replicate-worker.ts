// Worker thread of `sim run --replications`: runs its share of the seeds and posts the results.
import { parentPort, workerData } from 'node:worker_threads';
import { runQueueDay } from './queue/index.ts';
import type { Scenario } from './scenario/index.ts';

const { scenario, seeds } = workerData as { scenario: Scenario; seeds: number[] };
parentPort!.postMessage(seeds.map((seed) => runQueueDay(scenario, seed)));
