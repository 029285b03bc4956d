import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemContext } from '../../src/infra/auth/index.ts';
import { sql } from '../../src/infra/db/index.ts';
import type { MessageDraft } from '../../src/modules/exchange/index.ts';
import { call, login } from '../support/http.ts';
import { services } from '../support/services.ts';
import type { RunningPlatform } from '../support/platform.ts';
import { inspection, settle, startPair } from './support.ts';
import path from 'node:path';
import { canonicalJson, loadOrCreateSigningKey, signEd25519 } from '../../src/infra/crypto/index.ts';
import { createIdGenerator } from '../../src/infra/ids/index.ts';
import { ruleFreeAssessor } from '../../src/modules/customs/index.ts';
import { parseNote, parseVerifierKey, verifyCosignature } from '../../src/modules/ledger/index.ts';
import { CN_EXPORTER_USCC, VN_IMPORTER_TAX, validDeclaration } from '../customs/fixtures.ts';
import { submitNew } from '../customs/support.ts';

const N = 1000;
const CONSIGNMENTS = 40;

function drafts(to: string, from: number, count: number): MessageDraft[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return { to, type: 'inspection-result', consignmentRef: `CONS-${i % CONSIGNMENTS}`, payload: inspection(i) };
  });
}

async function queue(site: RunningPlatform, to: string, from: number, count: number): Promise<void> {
  for (let i = 0; i < count; i += 100) await site.platform.exchange.outbox.send(systemContext(), drafts(to, from + i, Math.min(100, count - i)));
}

describe('two sites exchange over a link that fails', () => {
  let pair: Awaited<ReturnType<typeof startPair>>;
  before(async () => {
    // On the PostgreSQL server when there is one (the realistic deployment, and several times
    // faster than two PGlite instances sharing one test process); on PGlite otherwise.
    pair = await startPair({ EXCHANGE_MAX_ATTEMPTS: '1000' }, services.databaseUrl ? 'postgres' : 'pglite');
  });
  after(() => pair.close());

  test(`${N} messages each way while the link is cut and restored arrive exactly once, in order per consignment`, async () => {
    const { vn, cn } = pair;
    await queue(vn, 'CN-DONGXING', 0, N / 2);
    await queue(cn, 'VN-MONGCAI', 0, N / 2);
    // Cut both directions while the first half is on its way, keep queueing, then restore.
    await new Promise((r) => setTimeout(r, 150));
    pair.toCn.cut();
    pair.toVn.cut();
    await queue(vn, 'CN-DONGXING', N / 2, N / 2);
    await queue(cn, 'VN-MONGCAI', N / 2, N / 2);
    await Promise.all([vn.platform.exchange.sender.flush(), cn.platform.exchange.sender.flush()]);
    const during = await sql<{ n: string }>`select count(*)::text as n from exchange.outbox where state = 'pending' and attempts > 0`.execute(vn.platform.database.db);
    assert.ok(Number(during.rows[0]!.n) > 0, 'messages failed while the link was down');
    pair.toCn.restore();
    pair.toVn.restore();
    await settle([vn, cn], 120_000);

    const auditor = { vn: await login(vn.url, 'auditor'), cn: await login(cn.url, 'auditor') };
    const period = `from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`;
    const repVn = (await call(vn.url, 'GET', `/api/exchange/reconciliation?${period}`, { token: auditor.vn })).body;
    const repCn = (await call(cn.url, 'GET', `/api/exchange/reconciliation?${period}`, { token: auditor.cn })).body;
    assert.deepEqual(repVn.totals, { sent: N, acknowledged: N, pending: 0, deadLettered: 0, received: N, processed: N });
    assert.deepEqual(repCn.totals, { sent: N, acknowledged: N, pending: 0, deadLettered: 0, received: N, processed: N });
    // What one side sent per day and type is what the other received.
    const sentBy = (rep: { rows: Array<{ day: string; type: string; sent: number; received: number }> }, k: 'sent' | 'received') => rep.rows.map((r) => `${r.day}/${r.type}/${r[k]}`).sort();
    assert.deepEqual(sentBy(repVn, 'sent'), sentBy(repCn, 'received'));
    assert.deepEqual(sentBy(repCn, 'sent'), sentBy(repVn, 'received'));

    for (const site of [vn, cn]) {
      const rows = await sql<{ id: string; consignment_ref: string; sequence: string; processed_order: string; payload: { declarationId: string } }>`
        select id, consignment_ref, sequence::text, processed_order::text, message->'payload' as payload from exchange.inbox order by inbox.processed_order`.execute(site.platform.database.db);
      assert.equal(rows.rows.length, N, 'every message stored once');
      assert.equal(new Set(rows.rows.map((r) => r.payload.declarationId)).size, N, 'no payload twice');
      const last = new Map<string, number>();
      for (const r of rows.rows) {
        const seq = Number(r.sequence);
        assert.ok((last.get(r.consignment_ref) ?? 0) < seq, `consignment ${r.consignment_ref} processed in sequence order`);
        last.set(r.consignment_ref, seq);
      }
    }
    // The repeated deliveries after the cut were answered with the same acknowledgement, not stored twice.
    const acks = await sql<{ n: string }>`select count(*)::text as n from exchange.outbox where state = 'acknowledged' and ack is not null`.execute(cn.platform.database.db);
    assert.equal(Number(acks.rows[0]!.n), N);
  });

  test('a partner export declaration becomes the importer’s advance data, a pre-filled import declaration, risk’s partner data, with mismatches flagged', async () => {
    const { vn, cn } = pair;
    const exportDeclaration = {
      declarationId: 'CN-EXP-2026-0042', officeOfExit: 'CN-DONGXING', expectedArrival: '2026-11-24T08:00:00Z',
      exporter: { name: '广西东兴果蔬进出口有限公司', taxId: CN_EXPORTER_USCC, country: 'CN' },
      importer: { name: 'Công ty TNHH Xuất nhập khẩu Nông sản Móng Cái', taxId: VN_IMPORTER_TAX, country: 'VN' },
      transport: { tractorPlate: '桂A12345' }, equipment: [{ containerNumber: 'CSQU3054383', sealNumbers: ['CN1234567'] }],
      goods: [{ hsCode: '0808100000', description: 'Fresh apples', originCountry: 'CN', quantity: 20000, unit: 'KGM', grossMassKg: 21500, netMassKg: 20000, customsValue: { amount: 18000, currency: 'USD' } }],
    };
    const sent = await call(cn.url, 'POST', '/api/exchange/messages', { token: await login(cn.url, 'admin'), body: { to: 'VN-MONGCAI', type: 'export-declaration', consignmentRef: 'CN-EXP-2026-0042', payload: exportDeclaration } });
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    await settle([vn, cn]);

    const declarant = await login(vn.url, 'declarant');
    const list = await call(vn.url, 'GET', '/api/exchange/advance-declarations', { token: declarant });
    assert.deepEqual(list.body.items.map((a: { messageId: string; partner: string }) => [a.messageId, a.partner]), [[sent.body.id, 'CN-DONGXING']]);
    const other = await call(vn.url, 'GET', '/api/exchange/advance-declarations', { token: await login(vn.url, 'declarant2') });
    assert.deepEqual(other.body.items, [], 'another enterprise does not see it');
    assert.equal((await call(vn.url, 'GET', `/api/exchange/advance-declarations/${sent.body.id}/draft`, { token: await login(vn.url, 'declarant2') })).status, 404);

    const created = await call(vn.url, 'POST', `/api/exchange/advance-declarations/${sent.body.id}/declaration`, { token: declarant });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const draft = await call(vn.url, 'GET', `/api/customs/declarations/${created.body.declarationId}`, { token: declarant });
    assert.equal(draft.body.state, 'draft');
    const content = draft.body.content ?? draft.body;
    assert.equal(content.parties.exporter.taxId, CN_EXPORTER_USCC);
    assert.equal(content.consignment.equipment[0].containerNumber, 'CSQU3054383');
    assert.equal(content.goods[0].hsCode, '08081000');
    const same = await call(vn.url, 'GET', `/api/exchange/advance-declarations/${sent.body.id}/mismatches?declarationId=${created.body.declarationId}`, { token: declarant });
    assert.deepEqual(same.body.items, []);
    const heavier = await call(vn.url, 'POST', '/api/customs/declarations', { token: declarant, body: validDeclaration(new Date(), { goods: [{ ...validDeclaration(new Date()).goods[0], grossMassKg: 30000, hsCode: '08082000' }] }) });
    assert.equal(heavier.status, 201, JSON.stringify(heavier.body));
    const flagged = await call(vn.url, 'GET', `/api/exchange/advance-declarations/${sent.body.id}/mismatches?declarationId=${heavier.body.id}`, { token: declarant });
    assert.deepEqual(flagged.body.items.map((m: { field: string }) => m.field).sort(), ['grossMass', 'hsCode']);

    const risk = await sql<{ n: string }>`select count(*)::text as n from risk.partner_exports where consignment_ref = 'CN-EXP-2026-0042'`.execute(vn.platform.database.db);
    assert.equal(risk.rows[0]!.n, '1', 'the partner-mismatch rule sees the partner data');
  });

  test('a capacity announcement reaches the gate’s slot planner', async () => {
    const { vn, cn } = pair;
    const sent = await call(cn.url, 'POST', '/api/exchange/messages', {
      token: await login(cn.url, 'admin'),
      body: { to: 'VN-MONGCAI', type: 'capacity-announcement', consignmentRef: 'capacity', payload: { flow: { from: 'CN', to: 'VN' }, laneClass: 'general', from: '2026-11-24T00:00:00Z', to: '2026-11-25T00:00:00Z', trucksPerSlot: 7 } },
    });
    assert.equal(sent.status, 202);
    await settle([vn, cn]);
    const w = await sql<{ direction: string; trucks_per_slot: number }>`select direction, trucks_per_slot from gate.partner_windows`.execute(vn.platform.database.db);
    assert.deepEqual(w.rows, [{ direction: 'inbound', trucks_per_slot: 7 }]);
  });

  test('our export declaration is announced to the partner when submitted and assessed, then released', async () => {
    const { vn, cn } = pair;
    vn.platform.customs.plugAssessor(ruleFreeAssessor('green'));
    const declarant = await login(vn.url, 'declarant');
    const base = validDeclaration(new Date());
    const d = await submitNew(vn, declarant, new Date(), {
      localReference: 'MC-EXPORT-1', type: 'export', direction: 'outbound',
      parties: { importer: base.parties.exporter, exporter: base.parties.importer, declarant: base.parties.declarant },
      goods: [{ ...base.goods[0], originCountry: 'VN', preferenceCertificate: undefined }],
    });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    assert.equal(d.body.state, 'released');
    await vn.platform.bus.drain();
    await settle([vn, cn]);
    const got = await call(cn.url, 'GET', `/api/exchange/messages?direction=in&consignmentRef=${d.body.id}`, { token: await login(cn.url, 'auditor') });
    assert.deepEqual(got.body.items.map((m: { type: string; payload: { state?: string } }) => [m.type, m.payload.state ?? null]), [
      ['pre-arrival-notice', 'submitted'], ['pre-arrival-notice', 'assessed'], ['release-notice', null],
    ]);
    assert.ok(got.body.items.every((m: { state: string }) => m.state === 'processed'));
    assert.ok(got.body.items[2].payload.releaseNotice.qr, 'the signed release notice travels with it');
  });

  test('messages sent and received reach both sides’ transparency logs', async () => {
    const { vn, cn } = pair;
    await Promise.all([vn.platform.bus.drain(), cn.platform.bus.drain()]);
    const [m] = (await call(vn.url, 'GET', '/api/exchange/messages?direction=out&limit=1', { token: await login(vn.url, 'auditor') })).body.items;
    assert.deepEqual((await vn.platform.ledger.log.entriesAbout(m.id)).map((e) => e.type), ['exchange.message_sent']);
    const theirs = await cn.platform.ledger.log.entriesAbout(m.id);
    assert.deepEqual(theirs.map((e) => e.type), ['exchange.message_received']);
  });

  test('each side cosigns the other’s checkpoints over the exchange', async () => {
    const { vn, cn } = pair;
    for (let round = 0; round < 2; round++) {
      await Promise.all([vn.platform.bus.drain(), cn.platform.bus.drain()]);
      await vn.platform.ledger.issueCheckpoint();
      await cn.platform.ledger.issueCheckpoint();
      assert.equal(await vn.platform.exchange.cosigning!.requestNow(), 1);
      assert.equal(await cn.platform.exchange.cosigning!.requestNow(), 1);
      await settle([vn, cn]);
    }
    for (const [site, other] of [[vn, cn], [cn, vn]] as const) {
      const witness = other.platform.ledger.witness.verifierKey;
      const rows = await sql<{ size: string }>`select size::text from ledger.cosignatures where cosigner = ${parseVerifierKey(witness).name} order by size`.execute(site.platform.database.db);
      assert.equal(rows.rows.length, 2, `${site.platform.config.siteId} collected a cosignature per round`);
      const note = (await site.platform.ledger.checkpoints.bySize(Number(rows.rows[1]!.size)))!.note;
      const line = (await sql<{ line: string }>`select line from ledger.cosignatures where size = ${rows.rows[1]!.size}`.execute(site.platform.database.db)).rows[0]!.line;
      assert.ok(verifyCosignature(parseNote(note + line), parseVerifierKey(witness)));
    }
    const replies = await sql<{ result: string }>`select result from exchange.inbox where type = 'checkpoint-cosignature' and message->'payload'->>'kind' = 'request'`.execute(vn.platform.database.db);
    assert.deepEqual(replies.rows.map((r) => r.result.split(' ')[0]), ['cosigned', 'cosigned'], 'the second round came with a consistency proof and was cosigned too');
  });

  test('a key rotation is learnt by the partner; the old key verifies until the overlap ends', async () => {
    const { vn, cn } = pair;
    const oldKey = loadOrCreateSigningKey(path.join(cn.platform.config.dataDir, 'keys', 'exchange-ed25519.pem'));
    const rotated = await call(cn.url, 'POST', '/api/exchange/keys/rotate', { token: await login(cn.url, 'admin'), body: { overlapSeconds: 2 } });
    assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
    const published = (await call(cn.url, 'GET', '/api/exchange/keys')).body.keys;
    assert.equal(published.length, 2);
    assert.ok(published.find((k: { keyId: string; validUntil: string | null }) => k.keyId !== rotated.body.key.keyId)?.validUntil, 'the old key shows when it retires');
    const sent = await cn.platform.exchange.outbox.send(systemContext(), drafts('VN-MONGCAI', 5000, 1));
    await settle([vn, cn]);
    const got = await call(vn.url, 'GET', `/api/exchange/messages/${sent[0]!.id}`, { token: await login(vn.url, 'auditor') });
    assert.deepEqual([got.body.state, got.body.keyId], ['processed', rotated.body.key.keyId]);

    const oldKeyId = published.find((k: { keyId: string }) => k.keyId !== rotated.body.key.keyId).keyId;
    const byOldKey = (seq: number) => {
      const m = { id: createIdGenerator().next('msg'), type: 'inspection-result', version: 1, from: 'CN-DONGXING', to: 'VN-MONGCAI', sequence: seq, previousSequence: null, consignmentRef: `OLD-${seq}`, createdAt: new Date().toISOString(), payload: inspection(seq) };
      return { message: m, keyId: oldKeyId, signature: signEd25519(oldKey.privateKey, canonicalJson(m)) };
    };
    const during = await call(vn.url, 'POST', '/api/exchange/inbox', { body: byOldKey(900_001) });
    assert.equal(during.status, 200, JSON.stringify(during.body));
    await new Promise((r) => setTimeout(r, 2100));
    const afterOverlap = await call(vn.url, 'POST', '/api/exchange/inbox', { body: byOldKey(900_002) });
    assert.deepEqual([afterOverlap.status, afterOverlap.body.code], [401, 'EXCHANGE_KEY_EXPIRED']);
  });
});
