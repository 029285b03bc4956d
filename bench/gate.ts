// Barrier decisions over HTTP with 2,000 trucks in the yard: each `POST /api/gate/reads` is an
// exit-barrier plate read (a noisy camera read from the documented noise model) that is
// authenticated, matched through the plate-key index against every active journey, decided
// (hold with reasons, or a referral) and recorded with its event and audit record, then
// answered and published to the barrier over MQTT. Figures at a fixed 200 reads/s (the goal:
// p99 ≤ 20 ms on PostgreSQL) and at saturation, on PGlite and PostgreSQL. The platform runs in
// a child process (this file with --serve) so the load generator does not share its event loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { systemContext } from '../src/infra/auth/index.ts';
import { parseConfig } from '../src/infra/config/index.ts';
import type { Journey } from '../src/modules/gate/index.ts';
import { expectedPlates, noisyRead } from '../src/modules/gate/noise.ts';
import { seededRng } from '../src/modules/gate/rng.ts';
import { journeys } from '../src/modules/gate/store/journeys.ts';
import { buildPlatform } from '../src/platform.ts';
import { benchTargets, startBenchServer } from './support/harness.ts';

const YARD = 2_000;
const BARRIERS = 8;
const DURATION_S = 10;
const WARMUP_S = 2;
const SECRET = 'bench-barrier-secret';

/** Prints barrier decisions/s and p50/p99 read-to-decision latency per database. */
export async function run(): Promise<void> {
  for (const target of benchTargets()) {
    const server = await serve(target.databaseUrl).catch((err: unknown) => {
      console.log(`${target.label}: skipped (${err instanceof Error ? err.message : String(err)})`);
      return null;
    });
    if (!server) continue;
    try {
      await load(server.url, server.plates, { seconds: WARMUP_S, connections: 8 });
      for (const mode of [{ name: '200 reads/s', rate: 200, connections: 16 }, { name: 'saturation', rate: undefined, connections: 16 }] as const) {
        const r = await load(server.url, server.plates, { seconds: DURATION_S, connections: mode.connections, rate: mode.rate });
        const ok = r['2xx'];
        console.log(
          `${target.label.padEnd(18)} ${mode.name.padEnd(12)} ${(ok / r.duration).toFixed(0).padStart(5)} decisions/s   read-to-decision p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   ` +
            `(${ok} ok, ${r.non2xx + r.errors + r.timeouts} failed, ${mode.connections} connections, ${YARD} trucks in the yard, ${r.duration.toFixed(0)} s)`,
        );
      }
    } finally {
      await server.stop();
    }
  }
}

let seq = 0;
function load(url: string, plates: string[], o: { seconds: number; connections: number; rate?: number }) {
  const rng = seededRng(7 + seq);
  return autocannon({
    url: `${url}/api/gate/reads`, method: 'POST', connections: o.connections, duration: o.seconds, ...(o.rate ? { overallRate: o.rate } : {}),
    requests: [{
      setupRequest: (req) => {
        const n = ++seq;
        const device = `bench-exit-${n % BARRIERS}`;
        const read = noisyRead(rng, plates[rng.below(plates.length)]!);
        return {
          ...req,
          headers: { 'content-type': 'application/json', 'x-device-id': device, 'x-device-secret': SECRET },
          body: JSON.stringify({ type: 'plate', readId: `r-${process.pid}-${n}`, at: new Date().toISOString(), plate: read.text, confidence: read.confidence, position: 'exit' }),
        };
      },
    }],
  });
}

/** Starts this file with --serve in a child on a fresh database with the yard filled. */
async function serve(databaseUrl: string | null): Promise<{ url: string; plates: string[]; stop(): Promise<void> }> {
  const server = await startBenchServer({ label: '', databaseUrl }, { script: fileURLToPath(import.meta.url), args: ['--serve'], env: {} });
  return { ...server, plates: yardPlates() };
}

function yardPlates(): string[] {
  return expectedPlates(seededRng(20260301), YARD);
}

async function fillYard(platform: Awaited<ReturnType<typeof buildPlatform>>): Promise<void> {
  const now = new Date();
  const db = platform.database.db;
  const plates = yardPlates();
  for (let i = 0; i < plates.length; i += 200) {
    await db.transaction().execute(async (tx) => {
      for (const [k, plate] of plates.slice(i, i + 200).entries()) {
        const j: Journey = {
          id: `jrn_BENCH${String(i + k).padStart(6, '0')}`, bookingId: `slot_BENCH${i + k}`, enterpriseId: 'ent_bench', declarationId: `decl_BENCH${i + k}`, gate: 'VN-MONGCAI',
          direction: 'inbound', laneClass: (i + k) % 5 === 0 ? 'perishable' : 'general', vehicleClass: 'tractor_trailer', plate, trailerPlate: null, driverName: 'Bench Driver', driverDocument: 'B0000000',
          slotStart: now, state: 'in_yard', scanSelected: false, maxGrossKg: 48_000, grossKg: null, containers: [], customsReleasedAt: null, exceptions: [],
          stages: [{ stage: 'expected', at: now, by: 'bench' }, { stage: 'in_yard', at: now, by: 'bench' }], fee: null, version: 1,
        };
        await journeys.insert(tx, j, now);
      }
    });
  }
  for (let b = 0; b < BARRIERS; b++) await platform.identity.directory.registerDevice(systemContext(), { id: `bench-exit-${b}`, kind: 'barrier', name: `exit barrier ${b}`, secret: SECRET });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--serve')) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bf-bench-gate-'));
  const config = parseConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn', MQTT_PORT: '0' });
  const platform = await buildPlatform(config);
  await fillYard(platform);
  console.log(`READY ${await platform.listen()}`);
  process.on('SIGTERM', () => {
    void platform.close().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}
