import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createIdGenerator } from '../../src/infra/ids/index.ts';
import { sql } from '../../src/infra/db/index.ts';
import { canonicalJson, signEd25519 } from '../../src/infra/crypto/index.ts';
import { keyIdOf, MESSAGE_TYPES, type Envelope } from '../../src/modules/exchange/index.ts';
import { call, login } from '../support/http.ts';
import { startPlatform, type RunningPlatform } from '../support/platform.ts';
import { openLink } from './link.ts';

/** Exchange settings for tests: quick retries, no timed cosigning (tests ask for it). */
export const FAST_EXCHANGE = { EXCHANGE_RETRY_BASE_MS: '20', EXCHANGE_RETRY_MAX_MS: '300', EXCHANGE_POLL_MS: '100', EXCHANGE_COSIGN_INTERVAL_MS: '0' };

/** Registers `partner` at `site` through the admin API, from the partner's published keys. */
export async function peer(site: RunningPlatform, partner: RunningPlatform, endpoint: string, name: string): Promise<void> {
  const admin = await login(site.url, 'admin');
  const keys = (await call(partner.url, 'GET', '/api/exchange/keys')).body;
  const r = await call(site.url, 'PUT', `/api/exchange/partners/${keys.siteId}`, {
    token: admin,
    body: { name, endpoint, keys: keys.keys, sends: MESSAGE_TYPES, receives: MESSAGE_TYPES, ledgerKey: keys.ledger.verifierKey, witnessKey: keys.ledger.witnessKey },
  });
  if (r.status !== 200) throw new Error(`peering failed: ${r.status} ${JSON.stringify(r.body)}`);
}

/** A Vietnamese and a Chinese site on loopback, each reaching the other through a link that can be cut. */
export async function startPair(env: Record<string, string> = {}, database: 'pglite' | 'postgres' = 'pglite') {
  const vn = await startPlatform({ database, env: { SITE_ID: 'VN-MONGCAI', ...FAST_EXCHANGE, ...env } });
  const cn = await startPlatform({ database, env: { SITE_ID: 'CN-DONGXING', SITE_NAME: 'Dongxing', ...FAST_EXCHANGE, ...env } });
  const toCn = await openLink(Number(new URL(cn.url).port));
  const toVn = await openLink(Number(new URL(vn.url).port));
  await peer(vn, cn, toCn.url, 'Dongxing customs');
  await peer(cn, vn, toVn.url, 'Móng Cái customs');
  return {
    vn, cn, toCn, toVn,
    async close() {
      await Promise.all([vn.close(), cn.close()]);
      await Promise.all([toCn.close(), toVn.close()]);
    },
  };
}

/** Runs senders and processors until nothing is pending on either side (or `ms` pass). */
export async function settle(sites: RunningPlatform[], ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    for (const s of sites) {
      await s.platform.exchange.sender.flush();
      s.platform.exchange.processor.notify();
      await s.platform.exchange.processor.idle();
    }
    let pending = 0;
    for (const s of sites) {
      const r = await sql<{ n: string }>`select ((select count(*) from exchange.outbox where state = 'pending') + (select count(*) from exchange.inbox where state = 'pending'))::text as n`.execute(s.platform.database.db);
      pending += Number(r.rows[0]!.n);
    }
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`still ${pending} messages pending`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A partner system made by hand: its key, and messages it signs however a test wants. */
export function handMadePartner(id: string, to: string) {
  const key = generateKeyPairSync('ed25519').privateKey as KeyObject;
  const publicKey = Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  const keyId = keyIdOf(publicKey);
  const ids = createIdGenerator();
  let sequence = 0;
  return {
    id, key, keyId, publicKey,
    /** A fresh envelope (next sequence), with fields overridden. */
    envelope(type: Envelope['type'], payload: unknown, over: Partial<Envelope> = {}): Envelope {
      return { id: ids.next('msg'), type, version: 1, from: id, to, sequence: ++sequence, previousSequence: null, consignmentRef: `CR-${sequence}`, createdAt: new Date().toISOString(), payload, ...over };
    },
    sign<T>(m: T, with_: KeyObject = key, kid = keyId) {
      return { message: m, keyId: kid, signature: signEd25519(with_, canonicalJson(m)) };
    },
  };
}

/** A valid inspection-result payload. */
export const inspection = (n: number) => ({ declarationId: `decl-${n}`, kind: 'scanner', outcome: 'compliant', findings: [], inspectedAt: '2026-11-23T08:00:00Z' });
