/**
 * The link health of one partner (`GET /api/exchange/partners/{id}/health`) and the message list
 * filters the monitoring page uses, against a real partner: a second platform (the Dongxing
 * site) peered with ours over a loopback link the test cuts and restores. It acknowledges our
 * first messages; the link is cut, so messages wait, are retried and are dead-lettered; a message
 * comes in from it; the link is restored and an admin puts the dead letter back in line. Both
 * sites share one manual clock, as two sites with synchronised clocks. On PGlite and on
 * PostgreSQL (DATABASE_URL).
 */
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { canonicalJson, verifyEd25519 } from '../../src/infra/crypto/index.ts';
import { MESSAGE_TYPES } from '../../src/modules/exchange/index.ts';
import { call, login } from '../support/http.ts';
import { startPlatform, type RunningPlatform } from '../support/platform.ts';
import { services } from '../support/services.ts';
import { openLink } from './link.ts';
import { FAST_EXCHANGE, inspection, peer } from './support.ts';

// Without DATABASE_URL the PostgreSQL run is skipped loudly (it fails instead under REQUIRE_SERVICES=1).
const noPostgres = !services.databaseUrl && !services.requireServices;
if (noPostgres) console.warn('\n*** SKIPPED: the link health on PostgreSQL needs DATABASE_URL ***\n');

/** What a partner publishes at `GET /api/exchange/keys`. */
type Published = { keys: Array<{ keyId: string; publicKey: string; validFrom: string; validUntil: string | null }> };

/** True when `signature` over the canonical `signed` verifies with the raw Ed25519 `publicKey` (base64). */
function signedBy(publicKey: string, signed: unknown, signature: string): boolean {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') }, format: 'jwk' });
  return verifyEd25519(key, canonicalJson(signed), signature);
}

for (const database of ['pglite', 'postgres'] as const) describe(`the link health of a partner (${database})`, { timeout: 180_000, skip: database === 'postgres' && noPostgres ? 'DATABASE_URL not set' : false }, () => {
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  let vn: RunningPlatform;
  let cn: RunningPlatform;
  let toCn: Awaited<ReturnType<typeof openLink>>;
  let toVn: Awaited<ReturnType<typeof openLink>>;
  let admin: string;
  let auditor: string;
  let cnKeys: Published;
  const ids: Record<string, string> = {};
  const health = async (token = auditor) => call(vn.url, 'GET', '/api/exchange/partners/CN-DONGXING/health', { token });
  const send = async (ref: string, n: number) => {
    const r = await call(vn.url, 'POST', '/api/exchange/messages', { token: admin, body: { to: 'CN-DONGXING', type: 'inspection-result', consignmentRef: ref, payload: inspection(n) } });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    ids[ref] = r.body.id as string;
    return r.body as { id: string; createdAt: string };
  };
  /** Our message as the partner holds it (404 when it never arrived). */
  const atPartner = async (id: string) => call(cn.url, 'GET', `/api/exchange/messages/${id}`, { token: await login(cn.url, 'auditor') });

  before(async () => {
    // The test drives every delivery itself: both senders are stopped and flushed on demand. A
    // request over a cut link may hang until it times out, so the timeout is short.
    const exchangeEnv = { ...FAST_EXCHANGE, EXCHANGE_MAX_ATTEMPTS: '3', EXCHANGE_RETRY_BASE_MS: '1000', EXCHANGE_RETRY_MAX_MS: '1000', EXCHANGE_REQUEST_TIMEOUT_MS: '3000' };
    vn = await startPlatform({ database, clock, env: { SITE_ID: 'VN-MONGCAI', ...exchangeEnv } });
    cn = await startPlatform({ database, clock, env: { SITE_ID: 'CN-DONGXING', SITE_NAME: 'Dongxing', ...exchangeEnv } });
    await vn.platform.exchange.sender.stop();
    await cn.platform.exchange.sender.stop();
    toCn = await openLink(Number(new URL(cn.url).port));
    toVn = await openLink(Number(new URL(vn.url).port));
    await peer(vn, cn, toCn.url, 'Dongxing customs');
    await peer(cn, vn, toVn.url, 'Móng Cái customs');
    admin = await login(vn.url, 'admin');
    auditor = await login(vn.url, 'auditor');
    cnKeys = (await call(cn.url, 'GET', '/api/exchange/keys')).body as Published;
  });
  after(async () => {
    await Promise.all([vn?.close(), cn?.close()]);
    await Promise.all([toCn?.close(), toVn?.close()]);
  });

  test('a quiet link: both sides’ keys valid, nothing waiting, nothing delivered yet, nothing to look at', async () => {
    const h = await health();
    assert.equal(h.status, 200, JSON.stringify(h.body));
    assert.deepEqual(h.body.partner, { id: 'CN-DONGXING', name: 'Dongxing customs', endpoint: toCn.url, sends: [...MESSAGE_TYPES], receives: [...MESSAGE_TYPES] });
    assert.equal(cnKeys.keys.length, 1);
    assert.deepEqual(h.body.partnerKeys, cnKeys.keys.map((k) => ({ keyId: k.keyId, validFrom: k.validFrom, validUntil: null, validNow: true })), 'the keys the partner publishes');
    const ourKeys = (await call(vn.url, 'GET', '/api/exchange/keys')).body as Published;
    assert.deepEqual(h.body.ourKeys, ourKeys.keys.map((k) => ({ keyId: k.keyId, validFrom: k.validFrom, validUntil: null, validNow: true })));
    assert.deepEqual(h.body.outbox, { waiting: 0, retrying: 0, deadLettered: 0, oldestUnacknowledgedAt: null, oldestUnacknowledgedSeconds: null, lastDeliveredAt: null, lastError: null });
    assert.deepEqual(h.body.inbox, { received: 0, pending: 0, failed: 0, lastReceivedAt: null });
    assert.deepEqual(h.body.attention, []);
  });

  test('deliveries, a cut link with a retry and a dead letter, and a message in: the figures follow', async () => {
    await send('OK-1', 1);
    await send('OK-2', 2);
    await vn.platform.exchange.sender.flush();
    let h = (await health()).body;
    assert.deepEqual([h.outbox.waiting, h.outbox.lastDeliveredAt], [0, '2026-11-23T08:00:00.000Z']);
    assert.equal((await atPartner(ids['OK-1']!)).body.direction, 'in', 'the partner holds the first message');

    toCn.cut();
    clock.set('2026-11-23T08:10:00Z');
    const dead = await send('DEAD-1', 3);
    for (let i = 0; i < 3; i++) {
      await vn.platform.exchange.sender.flush();
      clock.advance(1000);
    }
    clock.set('2026-11-23T08:20:00Z');
    const waiting = await send('WAIT-1', 4);
    await vn.platform.exchange.sender.flush();
    clock.set('2026-11-23T08:25:00Z');

    // The partner sends us a message over its own link, which still works.
    const inbound = await call(cn.url, 'POST', '/api/exchange/messages', { token: await login(cn.url, 'admin'), body: { to: 'VN-MONGCAI', type: 'inspection-result', consignmentRef: 'CN-IN-1', payload: inspection(5) } });
    assert.equal(inbound.status, 202, JSON.stringify(inbound.body));
    assert.equal(await cn.platform.exchange.sender.flush(), 1);
    vn.platform.exchange.processor.notify();
    await vn.platform.exchange.processor.idle();

    h = (await health()).body;
    const { lastError, ...figures } = h.outbox;
    assert.deepEqual(figures, {
      waiting: 1, retrying: 1, deadLettered: 1, oldestUnacknowledgedAt: waiting.createdAt, oldestUnacknowledgedSeconds: 300, lastDeliveredAt: '2026-11-23T08:00:00.000Z',
    });
    assert.match(lastError, /^network: /, 'the cut link shows as a network failure');
    assert.deepEqual(h.inbox, { received: 1, pending: 0, failed: 0, lastReceivedAt: '2026-11-23T08:25:00.000Z' });
    assert.deepEqual(h.attention, ['dead_letters', 'retrying']);
    assert.equal((await atPartner(dead.id)).status, 404, 'the dead letter never reached the partner');

    // The list filters the page uses: by type and state, newest first; the detail carries the partner's signed acknowledgement.
    const out = (await call(vn.url, 'GET', '/api/exchange/messages?direction=out&order=newest', { token: auditor })).body.items as Array<{ id: string; consignmentRef: string; state: string }>;
    assert.deepEqual(out.map((m) => [m.consignmentRef, m.state]), [['WAIT-1', 'pending'], ['DEAD-1', 'dead'], ['OK-2', 'acknowledged'], ['OK-1', 'acknowledged']]);
    const deadOnly = (await call(vn.url, 'GET', '/api/exchange/messages?direction=out&state=dead', { token: auditor })).body.items as Array<{ id: string }>;
    assert.deepEqual(deadOnly.map((m) => m.id), [dead.id]);
    const noRelease = await call(vn.url, 'GET', '/api/exchange/messages?direction=out&type=release-notice', { token: auditor });
    assert.deepEqual(noRelease.body.items, []);
    const received = (await call(vn.url, 'GET', '/api/exchange/messages?direction=in&type=inspection-result&order=newest', { token: auditor })).body.items as Array<{ consignmentRef: string; partner: string; state: string }>;
    assert.deepEqual(received.map((m) => [m.consignmentRef, m.partner, m.state]), [['CN-IN-1', 'CN-DONGXING', 'processed']]);
    const badType = await call(vn.url, 'GET', '/api/exchange/messages?direction=out&type=postcard', { token: auditor });
    assert.equal(badType.status, 400);
    assert.ok(JSON.stringify(badType.body.errors).includes('/type'), JSON.stringify(badType.body));

    const detail = (await call(vn.url, 'GET', `/api/exchange/messages/${ids['OK-1']}`, { token: auditor })).body;
    assert.equal(detail.envelope.consignmentRef, 'OK-1');
    assert.deepEqual([detail.envelope.from, detail.envelope.to], ['VN-MONGCAI', 'CN-DONGXING']);
    assert.deepEqual([detail.ack.ack.from, detail.ack.ack.to, detail.ack.ack.messageId], ['CN-DONGXING', 'VN-MONGCAI', ids['OK-1']]);
    assert.equal(detail.ack.keyId, cnKeys.keys[0]!.keyId, 'acknowledged with the partner’s published key');
    assert.equal(detail.ack.ack.contentSha256, detail.contentSha256);
    assert.ok(signedBy(cnKeys.keys[0]!.publicKey, detail.ack.ack, detail.ack.signature), 'the acknowledgement verifies with the partner’s key');
    assert.equal((await atPartner(ids['OK-1']!)).body.contentSha256, detail.contentSha256, 'the partner holds the same message');
  });

  test('the link is restored and an admin retries the dead letter: the partner acknowledges it and the link is healthy', async () => {
    toCn.restore();
    clock.set('2026-11-23T08:30:00Z');
    const retried = await call(vn.url, 'POST', `/api/exchange/messages/${ids['DEAD-1']}/retry`, { token: admin });
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.deepEqual([retried.body.state, retried.body.attempts], ['pending', 0]);
    assert.equal((await health()).body.outbox.deadLettered, 0);

    assert.equal(await vn.platform.exchange.sender.flush(), 2, 'the retried dead letter and the waiting message go out');
    const h = (await health()).body;
    assert.deepEqual(h.outbox, { waiting: 0, retrying: 0, deadLettered: 0, oldestUnacknowledgedAt: null, oldestUnacknowledgedSeconds: null, lastDeliveredAt: '2026-11-23T08:30:00.000Z', lastError: null });
    assert.deepEqual(h.attention, []);
    const m = (await call(vn.url, 'GET', `/api/exchange/messages/${ids['DEAD-1']}`, { token: auditor })).body;
    assert.deepEqual([m.state, m.acknowledgedAt, m.ack.ack.from], ['acknowledged', '2026-11-23T08:30:00.000Z', 'CN-DONGXING']);
    const there = await atPartner(ids['DEAD-1']!);
    assert.deepEqual([there.status, there.body.consignmentRef], [200, 'DEAD-1'], 'the partner has it now');
  });

  test('only the exchange readers see the health; an unknown partner is a 404 and a malformed id a 400 naming it', async () => {
    assert.equal((await health(await login(vn.url, 'supervisor'))).status, 200);
    assert.equal((await health(await login(vn.url, 'declarant'))).status, 403);
    const unknown = await call(vn.url, 'GET', '/api/exchange/partners/CN-NOWHERE/health', { token: auditor });
    assert.deepEqual([unknown.status, unknown.body.code], [404, 'EXCHANGE_PARTNER_NOT_FOUND']);
    const malformed = await call(vn.url, 'GET', '/api/exchange/partners/nowhere/health', { token: auditor });
    assert.equal(malformed.status, 400);
    assert.ok(JSON.stringify(malformed.body.errors).includes('/id'), JSON.stringify(malformed.body));
  });
});
