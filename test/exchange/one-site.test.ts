/**
 * One Vietnamese site facing a Chinese partner system made by hand (its key and messages signed
 * however a test wants): every refusal of the inbox, duplicates and replays, dead letters, the
 * partner's checkpoints witnessed and a forked log caught, and the portal's "declare once" button
 * (in chromium, when there is one).
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from '../../src/infra/db/index.ts';
import { MESSAGE_TYPES } from '../../src/modules/exchange/index.ts';
import { parseNote, parseVerifierKey, verifyCosignature } from '../../src/modules/ledger/index.ts';
import { peerSite } from '../ledger/peer.ts';
import { call, login } from '../support/http.ts';
import { startPlatform, type RunningPlatform } from '../support/platform.ts';
import { FAST_EXCHANGE, handMadePartner, inspection } from './support.ts';
import { CN_EXPORTER_USCC, VN_IMPORTER_TAX } from '../customs/fixtures.ts';
import { openBrowserHarness, seeHeading, signInEnglish, skipWithoutBrowser, warnIfSkipped, type BrowserHarness } from '../support/browser.ts';

warnIfSkipped('the portal’s advance data panel');

async function count(bf: RunningPlatform, q: 'inbox' | 'refusals'): Promise<number> {
  const r = q === 'inbox'
    ? await sql<{ n: string }>`select count(*)::text as n from exchange.inbox`.execute(bf.platform.database.db)
    : await sql<{ n: string }>`select count(*)::text as n from audit.records where action = 'exchange.message_refuse'`.execute(bf.platform.database.db);
  return Number(r.rows[0]!.n);
}

describe('one site facing a partner made by hand: the inbox, dead letters, witnessing, the portal', { timeout: 600_000 }, () => {
  let bf: RunningPlatform;
  let admin: string;
  const cn = handMadePartner('CN-DONGXING', 'VN-MONGCAI');
  const cnLog = peerSite('CN-DONGXING');
  let harness: BrowserHarness | null = null;
  before(async () => {
    // One platform for the inbox cases and the portal: served with the web app when there is a browser.
    const env = { SITE_ID: 'VN-MONGCAI', ...FAST_EXCHANGE, EXCHANGE_MAX_ATTEMPTS: '3', EXCHANGE_RETRY_BASE_MS: '1', EXCHANGE_RETRY_MAX_MS: '1' };
    harness = await openBrowserHarness({ env });
    bf = harness?.platform ?? (await startPlatform({ env }));
    admin = await login(bf.url, 'admin');
    const put = await call(bf.url, 'PUT', '/api/exchange/partners/CN-DONGXING', {
      token: admin,
      body: {
        name: 'Dongxing customs', endpoint: 'http://127.0.0.1:9', sends: MESSAGE_TYPES.filter((t) => t !== 'release-notice'), receives: MESSAGE_TYPES,
        keys: [{ keyId: cn.keyId, publicKey: cn.publicKey, validFrom: '2020-01-01T00:00:00Z', validUntil: null }], ledgerKey: cnLog.verifierKey, witnessKey: cnLog.witnessKey,
      },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
  });
  after(async () => {
    if (harness) await harness.close();
    else await bf.close();
  });

  test('a signed message is stored once and acknowledged with our signature; the same message again gets the same acknowledgement', async () => {
    const m = cn.sign(cn.envelope('inspection-result', inspection(1)));
    const first = await call(bf.url, 'POST', '/api/exchange/inbox', { body: m });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.ack.ack.messageId, m.message.id);
    const keys = (await call(bf.url, 'GET', '/api/exchange/keys')).body;
    assert.ok(keys.keys.some((k: { keyId: string }) => k.keyId === first.body.ack.keyId), 'signed with a published key');
    const again = await call(bf.url, 'POST', '/api/exchange/inbox', { body: m });
    assert.deepEqual([again.status, again.body.duplicate, again.body.ack], [200, true, first.body.ack]);
    assert.equal(await count(bf, 'inbox'), 1);
  });

  const refusals: Array<[string, () => unknown, number, string, string?]> = [
    ['unsigned', () => ({ message: cn.envelope('inspection-result', inspection(2)) }), 400, 'EXCHANGE_MESSAGE_MALFORMED', '/signature'],
    ['badly signed (another key under our key id)', () => cn.sign(cn.envelope('inspection-result', inspection(3)), generateKeyPairSync('ed25519').privateKey), 401, 'EXCHANGE_SIGNATURE_INVALID'],
    ['changed after signing', () => {
      const s = cn.sign(cn.envelope('inspection-result', inspection(4)));
      return { ...s, message: { ...s.message, payload: { ...inspection(4), outcome: 'discrepancy' } } };
    }, 401, 'EXCHANGE_SIGNATURE_INVALID'],
    ['signed with an unknown key', () => cn.sign(cn.envelope('inspection-result', inspection(5)), generateKeyPairSync('ed25519').privateKey, 'feedfacefeedface'), 401, 'EXCHANGE_KEY_UNKNOWN'],
    ['from an unknown partner', () => cn.sign(cn.envelope('inspection-result', inspection(6), { from: 'CN-PINGXIANG' })), 403, 'EXCHANGE_PARTNER_UNKNOWN'],
    ['addressed to another site', () => cn.sign(cn.envelope('inspection-result', inspection(7), { to: 'VN-HUUNGHI' })), 422, 'EXCHANGE_NOT_ADDRESSED_HERE'],
    ['of the wrong schema', () => cn.sign(cn.envelope('inspection-result', { ...inspection(8), outcome: 'fine' })), 422, 'EXCHANGE_SCHEMA_INVALID', '/message/payload/outcome'],
    ['of an unsupported version', () => cn.sign(cn.envelope('inspection-result', inspection(9), { version: 7 })), 422, 'EXCHANGE_SCHEMA_INVALID', '/message/version'],
    ['of a type not agreed', () => cn.sign(cn.envelope('release-notice', { declarationId: 'x', releasedAt: '2026-11-23T08:00:00Z' })), 403, 'EXCHANGE_TYPE_NOT_ALLOWED'],
    ['created too long ago', () => cn.sign(cn.envelope('inspection-result', inspection(10), { createdAt: new Date(Date.now() - 8 * 86400_000).toISOString() })), 422, 'EXCHANGE_OUT_OF_WINDOW'],
    ['created in the future', () => cn.sign(cn.envelope('inspection-result', inspection(11), { createdAt: new Date(Date.now() + 3600_000).toISOString() })), 422, 'EXCHANGE_OUT_OF_WINDOW'],
  ];
  for (const [what, make, status, code, pointer] of refusals) {
    test(`a message ${what} is refused with ${code}, audited, and nothing is stored`, async () => {
      const [stored, refused] = [await count(bf, 'inbox'), await count(bf, 'refusals')];
      const r = await call(bf.url, 'POST', '/api/exchange/inbox', { body: make() });
      assert.deepEqual([r.status, r.body.code], [status, code], JSON.stringify(r.body));
      assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
      if (pointer) assert.ok(r.body.errors.some((e: { pointer: string }) => e.pointer === pointer), JSON.stringify(r.body.errors));
      assert.equal(await count(bf, 'inbox'), stored);
      assert.equal(await count(bf, 'refusals'), refused + 1);
    });
  }

  test('a replay (a used id or sequence with other content) is refused; in a batch the others still get their acknowledgements', async () => {
    const original = cn.envelope('inspection-result', inspection(20));
    assert.equal((await call(bf.url, 'POST', '/api/exchange/inbox', { body: cn.sign(original) })).status, 200);
    const sameId = await call(bf.url, 'POST', '/api/exchange/inbox', { body: cn.sign({ ...original, payload: inspection(21) }) });
    assert.deepEqual([sameId.status, sameId.body.code], [409, 'EXCHANGE_MESSAGE_REPLAYED']);
    const sameSeq = cn.envelope('inspection-result', inspection(22), { sequence: original.sequence });
    const ok = cn.envelope('inspection-result', inspection(23));
    const batch = await call(bf.url, 'POST', '/api/exchange/inbox/batch', { body: { messages: [cn.sign(sameSeq), cn.sign(ok)] } });
    assert.equal(batch.status, 200);
    assert.equal(batch.body.results[0].problem.code, 'EXCHANGE_MESSAGE_REPLAYED');
    assert.equal(batch.body.results[1].ack.ack.messageId, ok.id);
    const ids = await sql<{ id: string }>`select id from exchange.inbox where id in (${sameSeq.id}, ${ok.id})`.execute(bf.platform.database.db);
    assert.deepEqual(ids.rows.map((r) => r.id), [ok.id]);
  });

  test('a message that cannot be delivered is dead-lettered after N attempts with an event, and an admin can retry it', async () => {
    await bf.platform.exchange.sender.stop(); // this test drives the sender itself
    const sent = await call(bf.url, 'POST', '/api/exchange/messages', { token: admin, body: { to: 'CN-DONGXING', type: 'inspection-result', consignmentRef: 'DEAD-1', payload: inspection(30) } });
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 5));
      await bf.platform.exchange.sender.flush();
    }
    const m = await call(bf.url, 'GET', `/api/exchange/messages/${sent.body.id}`, { token: admin });
    assert.deepEqual([m.body.state, m.body.attempts], ['dead', 3]);
    assert.match(m.body.lastError, /network/);
    const events = await sql<{ subject: string; data: { attempts: number } }>`select subject, data from platform.outbox where type = 'exchange.message_dead_lettered'`.execute(bf.platform.database.db);
    assert.deepEqual(events.rows.map((e) => [e.subject, e.data.attempts]), [[sent.body.id, 3]]);
    const notDead = await call(bf.url, 'POST', `/api/exchange/messages/${sent.body.id}/retry`, { token: await login(bf.url, 'auditor') });
    assert.equal(notDead.status, 403);
    const retried = await call(bf.url, 'POST', `/api/exchange/messages/${sent.body.id}/retry`, { token: admin });
    assert.deepEqual([retried.status, retried.body.state, retried.body.attempts], [200, 'pending', 0]);
    const again = await call(bf.url, 'POST', `/api/exchange/messages/${sent.body.id}/retry`, { token: admin });
    assert.deepEqual([again.status, again.body.code], [409, 'EXCHANGE_NOT_DEAD_LETTERED']);
  });

  test('a message of the wrong schema or type is not even queued', async () => {
    const bad = await call(bf.url, 'POST', '/api/exchange/messages', { token: admin, body: { to: 'CN-DONGXING', type: 'capacity-announcement', consignmentRef: 'C', payload: { laneClass: 'general' } } });
    assert.deepEqual([bad.status, bad.body.code], [422, 'EXCHANGE_SCHEMA_INVALID']);
    assert.ok(bad.body.errors.some((e: { pointer: string }) => e.pointer === '/payload/flow'));
    const unknown = await call(bf.url, 'POST', '/api/exchange/messages', { token: admin, body: { to: 'CN-NOWHERE', type: 'inspection-result', consignmentRef: 'C', payload: inspection(40) } });
    assert.deepEqual([unknown.status, unknown.body.code], [404, 'EXCHANGE_PARTNER_NOT_FOUND']);
  });

  test('the partner’s checkpoints are cosigned over the exchange, and a forked log is detected and alerted', async () => {
    cnLog.append('a', 'b', 'c');
    const honest = cn.sign(cn.envelope('checkpoint-cosignature', { kind: 'request', checkpoint: cnLog.checkpoint(), proof: [], fromSize: null }, { consignmentRef: 'checkpoint:CN-DONGXING' }));
    assert.equal((await call(bf.url, 'POST', '/api/exchange/inbox', { body: honest })).status, 200);
    bf.platform.exchange.processor.notify();
    await bf.platform.exchange.processor.idle();
    const reply = (await call(bf.url, 'GET', '/api/exchange/messages?direction=out&consignmentRef=checkpoint:CN-DONGXING', { token: admin })).body.items;
    assert.equal(reply.length, 1);
    assert.equal(reply[0].payload.kind, 'cosignature');
    assert.ok(verifyCosignature(parseNote(reply[0].payload.cosigned), parseVerifierKey(bf.platform.ledger.witness.verifierKey)), 'cosigned by our witness key');

    // The partner's key signs another history of the same size: entry 1 rewritten.
    const fork = peerSite('CN-DONGXING', cnLog.logKey);
    fork.append('a', 'B', 'c');
    const forked = cn.sign(cn.envelope('checkpoint-cosignature', { kind: 'request', checkpoint: fork.checkpoint(), proof: [], fromSize: null }, { consignmentRef: 'checkpoint:CN-DONGXING', previousSequence: honest.message.sequence }));
    assert.equal((await call(bf.url, 'POST', '/api/exchange/inbox', { body: forked })).status, 200);
    bf.platform.exchange.processor.notify();
    await bf.platform.exchange.processor.idle();
    const forks = await call(bf.url, 'GET', '/api/ledger/forks', { token: admin });
    assert.deepEqual(forks.body.items.map((f: { reason: string; offendingNote: string }) => [f.reason, f.offendingNote]), [['same_size_different_root', fork.checkpoint()]]);
    const alert = await sql<{ n: string }>`select count(*)::text as n from platform.outbox where type = 'ledger.fork_detected'`.execute(bf.platform.database.db);
    assert.equal(alert.rows[0]!.n, '1');
    const replies = (await call(bf.url, 'GET', '/api/exchange/messages?direction=out&consignmentRef=checkpoint:CN-DONGXING', { token: admin })).body.items;
    assert.deepEqual([replies[1].payload.kind, replies[1].payload.fork], ['refusal', 'same_size_different_root']);
  });

  test('the importer creates its import declaration from the partner’s export declaration in one click', { timeout: 120_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const payload = {
      declarationId: 'CN-EXP-7', officeOfExit: 'CN-DONGXING', exporter: { name: 'Guangxi Dongxing Fruit Co.', taxId: CN_EXPORTER_USCC, country: 'CN' },
      importer: { name: 'Móng Cái Agri', taxId: VN_IMPORTER_TAX, country: 'VN' }, transport: { tractorPlate: '桂A12345' }, equipment: [{ containerNumber: 'CSQU3054383', sealNumbers: [] }],
      goods: [{ hsCode: '0808100000', description: 'Fresh apples', originCountry: 'CN', quantity: 100, unit: 'KGM', grossMassKg: 110, netMassKg: 100, customsValue: { amount: 90, currency: 'USD' } }],
    };
    const sent = await call(bf.url, 'POST', '/api/exchange/inbox', { body: cn.sign(cn.envelope('export-declaration', payload, { consignmentRef: 'CN-EXP-7' })) });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    bf.platform.exchange.processor.notify();
    await bf.platform.exchange.processor.idle();

    const page = await harness.newPage('/');
    await signInEnglish(page, 'declarant');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My declarations' }).click();
    await seeHeading(page, 'My declarations');
    const panel = page.getByRole('region', { name: 'Advance data from the partner customs' });
    await panel.getByRole('cell', { name: 'CN-EXP-7' }).waitFor();
    await panel.getByRole('button', { name: 'Create import declaration' }).click();
    await page.waitForURL(/#\/declarations\/decl_[0-9A-Z]+\/edit$/);
    const id = decodeURIComponent(/declarations\/(decl_[0-9A-Z]+)\/edit/.exec(page.url())![1]!);
    const draft = await call(bf.url, 'GET', `/api/customs/declarations/${id}`, { token: await login(bf.url, 'declarant') });
    assert.deepEqual([draft.body.state, draft.body.content.localReference], ['draft', 'ADV-CN-EXP-7']);
    assert.deepEqual(harness.pageErrors, []);
  });
});
