// Authenticated writes over HTTP: each POST /api/identity/enterprises writes the enterprise row,
// an outbox event and a hash-chained audit record in one transaction.
import autocannon from 'autocannon';
import { vietnameseTaxCodeFrom } from '../src/modules/identity/index.ts';
import { benchLogin, benchTargets, startBenchServer } from './support/harness.ts';

const DURATION_S = 10;
const CONNECTIONS = 16;

/** Unique valid Vietnamese tax codes, one per request. */
function* taxCodes(): Generator<string> {
  for (let n = 100_000_000; ; n++) {
    const code = vietnameseTaxCodeFrom(String(n).padStart(9, '0'));
    if (code) yield code;
  }
}

/** Prints requests/s, p50 and p99 for authenticated writes on PGlite and PostgreSQL. */
export async function run(): Promise<void> {
  for (const target of benchTargets()) {
    const server = await startBenchServer(target).catch((err: unknown) => {
      console.log(`${target.label}: skipped (${err instanceof Error ? err.message : String(err)})`);
      return null;
    });
    if (!server) continue;
    try {
      const token = await benchLogin(server.url, 'admin');
      const codes = taxCodes();
      const result = await autocannon({
        url: `${server.url}/api/identity/enterprises`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: DURATION_S,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ taxCode: codes.next().value, name: 'Bench Trading Co.', country: 'VN' }) }) }],
      });
      const ok = result['2xx'];
      const failed = result.non2xx + result.errors + result.timeouts;
      console.log(
        `${server.label.padEnd(18)} ${(ok / result.duration).toFixed(0).padStart(6)} writes/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   ` +
          `(${ok} ok, ${failed} failed, ${CONNECTIONS} connections, ${result.duration.toFixed(0)} s)`,
      );
    } finally {
      await server.stop();
    }
  }
}
