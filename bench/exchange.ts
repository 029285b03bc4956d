// The partner exchange end to end: two platform processes (a Vietnamese and a Chinese site) on
// loopback, peered with each other. Each queues MESSAGES for the other over the admin API in
// batches; the figure is messages/s from the first queueing request until the last message is
// acknowledged to its sender and processed by its receiver, both directions at once. Prints
// figures; never fails on time.
import { benchLogin, benchTargets, startBenchServer, type BenchServer } from './support/harness.ts';

const MESSAGES = 2000;
const CONSIGNMENTS = 50;
const MESSAGE_TYPES = ['export-declaration', 'pre-arrival-notice', 'release-notice', 'inspection-result', 'agv-handover-manifest', 'capacity-announcement', 'checkpoint-cosignature'];

async function json(url: string, init: RequestInit & { token?: string } = {}): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- bench reads a few fields
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) } });
  const body = await res.json();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function peer(site: BenchServer, token: string, partner: BenchServer): Promise<string> {
  const keys = await json(`${partner.url}/api/exchange/keys`);
  await json(`${site.url}/api/exchange/partners/${keys.siteId}`, {
    method: 'PUT', token,
    body: JSON.stringify({ name: keys.siteId, endpoint: partner.url, keys: keys.keys, sends: MESSAGE_TYPES, receives: MESSAGE_TYPES, ledgerKey: keys.ledger.verifierKey, witnessKey: keys.ledger.witnessKey }),
  });
  return keys.siteId as string;
}

async function totals(site: BenchServer, token: string) {
  return (await json(`${site.url}/api/exchange/reconciliation?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`, { token })).totals as { acknowledged: number; processed: number };
}

/** Prints end-to-end messages/s between two instances, per database. */
export async function run(): Promise<void> {
  const env = { EXCHANGE_POLL_MS: '100', EXCHANGE_COSIGN_INTERVAL_MS: '0' };
  for (const target of benchTargets()) {
    let servers: BenchServer[] = [];
    try {
      servers = [
        await startBenchServer(target, { env: { ...env, SITE_ID: 'VN-MONGCAI' } }),
        await startBenchServer(target, { env: { ...env, SITE_ID: 'CN-DONGXING' } }),
      ];
    } catch (err) {
      console.log(`${target.label}: skipped (${err instanceof Error ? err.message : String(err)})`);
      for (const s of servers) await s.stop();
      continue;
    }
    try {
      const [vn, cn] = servers as [BenchServer, BenchServer];
      const tokens = [await benchLogin(vn.url, 'admin'), await benchLogin(cn.url, 'admin')] as const;
      const ids = [await peer(vn, tokens[0], cn), await peer(cn, tokens[1], vn)];
      const start = performance.now();
      await Promise.all([0, 1].map(async (side) => {
        const site = servers[side]!;
        const to = ids[side]!;
        for (let i = 0; i < MESSAGES; i += 250) {
          const messages = Array.from({ length: 250 }, (_, k) => ({
            to, type: 'inspection-result', consignmentRef: `BENCH-${(i + k) % CONSIGNMENTS}`,
            payload: { declarationId: `decl-${i + k}`, kind: 'scanner', outcome: 'compliant', findings: [], inspectedAt: '2026-11-23T08:00:00Z' },
          }));
          await json(`${site.url}/api/exchange/messages/batch`, { method: 'POST', token: tokens[side], body: JSON.stringify({ messages }) });
        }
      }));
      const queued = performance.now() - start;
      for (;;) {
        const [a, b] = [await totals(vn, tokens[0]), await totals(cn, tokens[1])];
        if (a.acknowledged >= MESSAGES && b.acknowledged >= MESSAGES && a.processed >= MESSAGES && b.processed >= MESSAGES) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const s = (performance.now() - start) / 1000;
      console.log(`${target.label.padEnd(18)} ${Math.round((2 * MESSAGES) / s)} messages/s end to end (${MESSAGES} each way at once, ${CONSIGNMENTS} consignments; all queued after ${Math.round(queued)} ms, all acknowledged and processed after ${Math.round(s * 1000)} ms)`);
    } finally {
      for (const s of servers) await s.stop();
    }
  }
}
