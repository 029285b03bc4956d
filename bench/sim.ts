// Twin figures: wall time of the queue mode against a SimPy 3 model of the same network for the
// mong-cai-peak day (bench/sim/model.py), and the time of 1,000 replications on 2 worker threads.
// Goals to aim at (issue 7), not pass/fail: queue mode ≥ 10× faster than SimPy and < 0.5 s for
// the day; 1,000 replications < 60 s on 2 cores; the platform mode (the day through the real
// modules on in-memory PGlite) < 60 s. SIM_BENCH_REPLICATIONS changes the count;
// SIM_BENCH_PLATFORM=0 skips the platform-mode day (minutes on a busy machine).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadScenario, runQueueDay, runReplications, type QueueDayResult } from '../src/sim/index.ts';

const SCENARIO = 'mong-cai-peak';
const SEEDS = [1, 2, 3, 4, 5];
const MODEL = path.join(import.meta.dirname, 'sim', 'model.py');

interface SimpyRun { seed: number; wallSeconds: number; vehiclesServed: number; peopleServed: number; clearanceMean: number; truckCrossingMean: number; peopleCrossingMean: number }

/** Prints the twin benchmark figures. */
export async function run(): Promise<void> {
  const scenario = loadScenario(SCENARIO);
  let t = performance.now();
  runQueueDay(scenario, SEEDS[0]!);
  const coldMs = performance.now() - t;
  const ours: Array<{ ms: number; r: QueueDayResult }> = [];
  for (const seed of SEEDS) {
    t = performance.now();
    const r = runQueueDay(scenario, seed);
    ours.push({ ms: performance.now() - t, r });
  }
  const tsMedian = median(ours.map((o) => o.ms));
  console.log(`queue mode, ${SCENARIO}: ${tsMedian.toFixed(0)} ms per day (median of ${SEEDS.length} seeds; first, cold run ${coldMs.toFixed(0)} ms; ${ours[0]!.r.events} events)   (goal < 500 ms)`);

  const python = findSimpy();
  if (!python) {
    console.log('SimPy: skipped — no python3 with simpy found, and python3-simpy3 could not be installed (run as root: apt-get install -y python3-simpy3)');
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'borderflow-sim-'));
    try {
      const file = path.join(dir, `${SCENARIO}.json`);
      writeFileSync(file, JSON.stringify(scenario));
      const out = JSON.parse(execFileSync(python, [MODEL, file, ...SEEDS.map(String)], { encoding: 'utf8', maxBuffer: 1 << 24 })) as { simpy: string; python: string; runs: SimpyRun[] };
      const pyMedian = median(out.runs.map((r) => r.wallSeconds * 1000));
      console.log(`SimPy ${out.simpy} (Python ${out.python}), same network: ${pyMedian.toFixed(0)} ms per day (median of ${SEEDS.length} seeds)`);
      console.log(`ratio SimPy / queue mode: ${(pyMedian / tsMedian).toFixed(1)}×   (goal ≥ 10×)`);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const row = (name: string, a: number, b: number) => console.log(`  ${name.padEnd(34)}${a.toFixed(1).padStart(10)}${b.toFixed(1).padStart(10)}`);
      console.log(`  same day, mean of ${SEEDS.length} seeds (different random streams):`);
      console.log(`  ${'KPI'.padEnd(34)}${'ours'.padStart(10)}${'SimPy'.padStart(10)}`);
      row('trucks served', mean(ours.map((o) => o.r.vehicles.served)), mean(out.runs.map((r) => r.vehiclesServed)));
      row('people served', mean(ours.map((o) => o.r.people.served)), mean(out.runs.map((r) => r.peopleServed)));
      row('truck clearance, mean min', mean(ours.map((o) => o.r.clearanceMinutes.all!.mean)), mean(out.runs.map((r) => r.clearanceMean)));
      row('truck crossing, mean min', mean(ours.map((o) => o.r.truckCrossingMinutes.all!.mean)), mean(out.runs.map((r) => r.truckCrossingMean)));
      row('people crossing, mean min', mean(ours.map((o) => peopleMean(o.r))), mean(out.runs.map((r) => r.peopleCrossingMean)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const reps = Number(process.env.SIM_BENCH_REPLICATIONS ?? 1000);
  t = performance.now();
  const results = await runReplications(scenario, 1, reps, 2);
  const s = (performance.now() - t) / 1000;
  console.log(`${results.length} replications of ${SCENARIO} on 2 worker threads: ${s.toFixed(1)} s (${(s * 1000 / reps).toFixed(0)} ms per day of wall time)   (goal < 60 s for 1,000)`);

  if (process.env.SIM_BENCH_PLATFORM === '0') return;
  const { runPlatformDay } = await import('../src/sim/platform/run.ts');
  const cpu0 = process.cpuUsage();
  t = performance.now();
  const day = await runPlatformDay(scenario, 1);
  const wall = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu0);
  console.log(`platform mode, ${SCENARIO} seed 1: ${wall.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU; ${day.vehicles.served} trucks through the real modules, ${day.platform.requests} requests   (goal < 60 s)`);
}

function peopleMean(r: QueueDayResult): number {
  const e = r.peopleCrossingMinutes.entry!, x = r.peopleCrossingMinutes.exit!;
  return (e.mean * e.n + x.mean * x.n) / (e.n + x.n);
}

function median(xs: number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

/** A python3 that imports simpy: Debian's (/usr/bin/python3) first, then PATH; installs python3-simpy3 when root. */
function findSimpy(): string | null {
  const candidates = ['/usr/bin/python3', 'python3'];
  const works = (py: string) => spawnSync(py, ['-c', 'import simpy'], { stdio: 'ignore' }).status === 0;
  for (const py of candidates) if (works(py)) return py;
  if (process.getuid?.() !== 0) return null;
  console.log('SimPy: installing python3-simpy3 with apt-get …');
  const r = spawnSync('apt-get', ['install', '-y', 'python3-simpy3'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0 && works('/usr/bin/python3') ? '/usr/bin/python3' : null;
}
