// Submit-to-channel over HTTP: each `POST /api/customs/declarations?submit=true` validates a
// complete import declaration, stores it, assesses it (and assigns an officer) and, on the green
// channel, releases it with a signed notice — three transactions, each with its outbox event and
// audit record — before it answers with the channel. Figures for yellow (submit + assess) and
// green (submit + assess + release) on PGlite and PostgreSQL. The platform runs in a child
// process (this file with --serve) so the load generator does not share its event loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parseConfig } from '../src/infra/config/index.ts';
import { ruleFreeAssessor } from '../src/modules/customs/index.ts';
import { buildPlatform } from '../src/platform.ts';
import { validDeclaration } from '../test/customs/fixtures.ts';
import { benchLogin, benchTargets, startBenchServer } from './support/harness.ts';

const DURATION_S = 10;
const WARMUP_S = 2;
const CONNECTIONS = 16;
const CHANNELS = ['green', 'yellow'] as const;

/** Prints declarations/s and p50/p99 submit-to-channel latency per channel and database. */
export async function run(): Promise<void> {
  for (const target of benchTargets()) {
    for (const channel of CHANNELS) {
      const server = await serve(target.databaseUrl, channel).catch((err: unknown) => {
        console.log(`${target.label}: skipped (${err instanceof Error ? err.message : String(err)})`);
        return null;
      });
      if (!server) break;
      try {
        const token = await benchLogin(server.url, 'declarant');
        const sample = await submit(server.url, token);
        if (sample.channel !== channel) throw new Error(`expected the ${channel} channel, got ${sample.channel} (${sample.state})`);
        await load(server.url, token, WARMUP_S);
        const r = await load(server.url, token, DURATION_S);
        const ok = r['2xx'];
        const failed = r.non2xx + r.errors + r.timeouts;
        console.log(
          `${target.label.padEnd(18)} ${channel.padEnd(6)} ${(ok / r.duration).toFixed(0).padStart(5)} declarations/s   submit-to-channel p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   ` +
            `(${ok} ok, ${failed} failed, ${CONNECTIONS} connections, ${r.duration.toFixed(0)} s${channel === 'green' ? ', released with a signed notice' : ', assigned to an officer'})`,
        );
      } finally {
        await server.stop();
      }
    }
  }
}

function load(url: string, token: string, seconds: number) {
  let n = 0;
  return autocannon({
    url: `${url}/api/customs/declarations?submit=true`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(validDeclaration(new Date(), { localReference: `BENCH-${++n}` })) }) }],
  });
}

async function submit(url: string, token: string): Promise<{ channel: string; state: string }> {
  const res = await fetch(`${url}/api/customs/declarations?submit=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(validDeclaration(new Date())),
  });
  if (res.status !== 201) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { channel: string; state: string };
}

/** Starts this file with --serve in a child on a fresh database, every declaration assessed `channel`. */
async function serve(databaseUrl: string | null, channel: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = await startBenchServer({ label: '', databaseUrl }, { script: fileURLToPath(import.meta.url), args: ['--serve'], env: { BENCH_CHANNEL: channel } });
  return server;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--serve')) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bf-bench-customs-'));
  const config = parseConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn', MQTT_PORT: '0' });
  const platform = await buildPlatform(config);
  platform.customs.plugAssessor(ruleFreeAssessor(process.env.BENCH_CHANNEL === 'green' ? 'green' : 'yellow'));
  console.log(`READY ${await platform.listen()}`);
  process.on('SIGTERM', () => {
    void platform.close().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}
