import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from '../../src/infra/db/index.ts';
import { call } from '../support/http.ts';
import { book, declare, DEVICES, read, type GateHarness } from './support.ts';

const count = async (h: GateHarness, q: ReturnType<typeof sql>) => Number(((await q.execute(h.bf.platform.database.db)).rows[0] as { n: string }).n);

/** Device reads: authentication, validation, duplicates, referrals, MQTT, containers, overrides. */
export function readCases(harness: () => GateHarness): void {
  test('reads from unknown or unauthenticated devices are refused with 401 and alerted; HTTP Basic works', async () => {
    const h = harness();
    const body = { type: 'plate', readId: 'auth-1', at: h.clock.now().toISOString(), plate: '29C12345', confidence: 0.9, position: 'entry' };
    const before = await count(h, sql`select count(*) as n from platform.outbox where type = 'gate.device_refused'`);
    const none = await call(h.bf.url, 'POST', '/api/gate/reads', { body });
    assert.deepEqual([none.status, none.body.code], [401, 'GATE_DEVICE_UNAUTHENTICATED']);
    const wrong = await call(h.bf.url, 'POST', '/api/gate/reads', { body, headers: { 'x-device-id': DEVICES.camera.id, 'x-device-secret': 'nope' } });
    assert.equal(wrong.status, 401);
    const unknown = await call(h.bf.url, 'POST', '/api/gate/reads', { body: { junk: true }, headers: { 'x-device-id': 'ghost', 'x-device-secret': 'x' } });
    assert.equal(unknown.status, 401, 'authentication before validation');
    assert.equal(await count(h, sql`select count(*) as n from platform.outbox where type = 'gate.device_refused'`), before + 3);
    const basic = await call(h.bf.url, 'POST', '/api/gate/reads', { body, headers: { authorization: `Basic ${Buffer.from(`${DEVICES.camera.id}:${DEVICES.camera.secret}`).toString('base64')}` } });
    assert.equal(basic.status, 200);
  });

  test('malformed reads get 400 naming the field; a device kind cannot send another kind\'s reads', async () => {
    const h = harness();
    const bad = await read(h, DEVICES.camera, { type: 'plate', readId: 'm-1', plate: '29C12345', confidence: 7, position: 'entry' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.some((e: { pointer: string }) => e.pointer.includes('confidence')), JSON.stringify(bad.body.errors));
    const kind = await read(h, DEVICES.weighbridge, { type: 'plate', readId: 'm-2', plate: '29C12345', confidence: 0.9, position: 'entry' });
    assert.deepEqual([kind.status, kind.body.code], [403, 'GATE_DEVICE_KIND_UNSUPPORTED']);
  });

  test('a plate nobody booked is held at the barrier and referred to an officer; duplicates answer the first answer', async () => {
    const h = harness();
    const body = { type: 'plate', readId: 'ref-1', plate: '51D-987.65', confidence: 0.95, position: 'entry' };
    const first = await read(h, DEVICES.entry, body);
    assert.deepEqual([first.body.outcome, first.body.decision.action, first.body.decision.reasons[0].code], ['referred', 'hold', 'PLATE_NOT_EXPECTED']);
    const again = await read(h, DEVICES.entry, body);
    assert.deepEqual([again.body.duplicate, again.body.decision.commandId], [true, first.body.decision.commandId]);
    const sameValue = await read(h, DEVICES.entry, { ...body, readId: 'ref-2' });
    assert.equal(sameValue.body.duplicate, true, 'same device, same plate within seconds');
    const refs = (await call(h.bf.url, 'GET', '/api/gate/referrals', { token: h.tokens.guard })).body.items.filter((r: { read: string }) => r.read === '51D-987.65');
    assert.equal(refs.length, 1);
  });

  test('MQTT reads move journeys like HTTP reads; container reads are corrected by the check digit', async () => {
    const h = harness();
    h.clock.set('2026-11-23T10:00:00Z');
    const b = (await book(h, await declare(h, '29C-777.77'), '2026-11-23T10:30:00.000Z', { plate: '29C-777.77' })).body;
    await h.bf.platform.mqtt.publish(`borderflow/VN-MONGCAI/plate-camera/${DEVICES.camera.id}/reads`, { type: 'plate', readId: 'mq-1', at: h.clock.now().toISOString(), plate: '29C77777', confidence: 0.93, position: 'entry' }, { qos: 1 });
    let state = '';
    for (let i = 0; i < 100 && state !== 'arrived'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      state = (await call(h.bf.url, 'GET', `/api/gate/journeys/${b.journeyId}`, { token: h.tokens.guard })).body.state;
    }
    assert.equal(state, 'arrived');
    const c = await read(h, DEVICES.container, { type: 'container', readId: 'c-1', container: 'CSQU3O54383', confidence: 0.8 });
    assert.deepEqual(c.body.detail, { container: 'CSQU3054383', corrected: true });
  });

  test('overweight holds the truck; an officer override needs a reason and is audited', async () => {
    const h = harness();
    h.clock.set('2026-11-23T10:00:00Z');
    const b = (await book(h, await declare(h, '29C-888.88'), '2026-11-23T10:30:00.000Z', { plate: '29C-888.88' })).body;
    assert.equal((await read(h, DEVICES.entry, { type: 'plate', readId: 'ow-1', plate: '29C88888', confidence: 0.9, position: 'entry' })).body.decision.action, 'open');
    await call(h.bf.url, 'POST', '/api/gate/yard/call-forward', { token: h.tokens.operator, body: { count: 4 } });
    const w = await read(h, DEVICES.weighbridge, { type: 'weight', readId: 'ow-2', grossKg: 52_000, plate: '29C-888.88' });
    assert.deepEqual(w.body.detail.exceptions, ['overweight']);
    const url = `/api/gate/journeys/${b.journeyId}/override`;
    const noReason = await call(h.bf.url, 'POST', url, { token: h.tokens.officer, body: { exception: 'overweight' } });
    assert.equal(noReason.status, 400);
    const declarant = await call(h.bf.url, 'POST', url, { token: h.tokens.declarant, body: { exception: 'overweight', reason: 'mine' } });
    assert.equal(declarant.status, 403);
    const ok = await call(h.bf.url, 'POST', url, { token: h.tokens.officer, body: { exception: 'overweight', reason: 'Indivisible load permit 2026/118' } });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.exceptions[0].resolution, { by: 'officer', reason: 'Indivisible load permit 2026/118', override: true });
    assert.equal(await count(h, sql`select count(*) as n from audit.records where action = 'gate.journey.override' and target_id = ${b.journeyId}`), 1);
  });
}
