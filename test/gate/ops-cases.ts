// Barrier confirmation timeout, entry checks (slot window, containers, seals), referral
// resolution, the registry, the operations picture and the driver's pass status.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { systemContext } from '../../src/infra/auth/index.ts';
import { sql } from '../../src/infra/db/index.ts';
import { BarrierWatch } from '../../src/modules/gate/barrier-watch.ts';
import { iso6346CheckDigit } from '../../src/modules/gate/index.ts';
import { call } from '../support/http.ts';
import { book, declare, DEVICES, read, type GateHarness } from './support.ts';

const events = async (h: GateHarness, type: string, key: string) =>
  Number(((await sql`select count(*) as n from platform.outbox where type = ${type} and data::text like ${`%${key}%`}`.execute(h.bf.platform.database.db)).rows[0] as { n: string }).n);

/** Booked, declared truck `plate` for `slot`; returns the booking body (with `journeyId`). */
async function bookedTruck(h: GateHarness, plate: string, slot: string, over: Record<string, unknown> = {}) {
  const r = await book(h, await declare(h, plate), slot, { plate, ...over });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string; journeyId: string };
}

/** The gate's newer cases on a shared harness. */
export function opsCases(harness: () => GateHarness): void {
  test('an open command the barrier does not confirm in time raises gate.barrier_unconfirmed once; a confirmed one does not', async () => {
    const h = harness();
    h.clock.set('2026-11-23T12:00:00Z');
    await bookedTruck(h, '51H-101.01', '2026-11-23T12:30:00.000Z');
    await bookedTruck(h, '51H-202.02', '2026-11-23T12:30:00.000Z');
    const a = await read(h, DEVICES.entry, { type: 'plate', readId: 'bt-1', plate: '51H10101', confidence: 0.95, position: 'entry' });
    const b = await read(h, DEVICES.entry, { type: 'plate', readId: 'bt-2', plate: '51H20202', confidence: 0.95, position: 'entry' });
    assert.deepEqual([a.body.decision.action, b.body.decision.action], ['open', 'open']);
    h.clock.advance(3_000);
    const confirm = await read(h, DEVICES.entry, { type: 'barrier-state', readId: 'bt-3', state: 'open', commandId: b.body.decision.commandId });
    assert.equal(confirm.body.detail.confirmed, true);
    const foreign = await read(h, DEVICES.exit, { type: 'barrier-state', readId: 'bt-4', state: 'open', commandId: a.body.decision.commandId });
    assert.equal(foreign.body.detail.confirmed, false, 'another barrier cannot confirm the command');
    h.clock.advance(8_000); // 11 s after the commands: past the 10 s timeout
    // A fresh watcher (as after a restart) finds the pending command in the database.
    const watch = new BarrierWatch(h.bf.platform.database.db, h.bf.platform.uow, h.clock, h.bf.platform.log);
    await watch.check(systemContext());
    await watch.check(systemContext());
    assert.equal(await events(h, 'gate.barrier_unconfirmed', a.body.decision.commandId), 1, 'one alert for the unconfirmed command');
    assert.equal(await events(h, 'gate.barrier_unconfirmed', b.body.decision.commandId), 0, 'none for the confirmed one');
  });

  test('a truck too early is held at the entry barrier until its window opens; a late one needs an officer', async () => {
    const h = harness();
    h.clock.set('2026-11-23T10:00:00Z');
    const early = await bookedTruck(h, '51H-303.03', '2026-11-23T12:00:00.000Z');
    const late = await bookedTruck(h, '51H-404.04', '2026-11-23T10:30:00.000Z');
    const held = await read(h, DEVICES.entry, { type: 'plate', readId: 'sw-1', plate: '51H30303', confidence: 0.95, position: 'entry' });
    assert.deepEqual([held.body.decision.action, held.body.decision.reasons[0].code], ['hold', 'SLOT_TOO_EARLY']);
    h.clock.set('2026-11-23T11:05:00Z');
    const inTime = await read(h, DEVICES.entry, { type: 'plate', readId: 'sw-2', plate: '51H30303', confidence: 0.95, position: 'entry' });
    assert.equal(inTime.body.decision.action, 'open', JSON.stringify(inTime.body));
    const j = (await call(h.bf.url, 'GET', `/api/gate/journeys/${early.journeyId}`, { token: h.tokens.guard })).body;
    assert.deepEqual([j.state, j.exceptions[0].kind, j.exceptions[0].resolution.override], ['in_yard', 'slot_window', false]);

    h.clock.set('2026-11-23T11:45:00Z'); // the 10:30 slot ended at 11:00, tolerance 30 min
    const tooLate = await read(h, DEVICES.entry, { type: 'plate', readId: 'sw-3', plate: '51H40404', confidence: 0.95, position: 'entry' });
    assert.deepEqual([tooLate.body.decision.action, tooLate.body.decision.reasons[0].code], ['hold', 'SLOT_TOO_LATE'], JSON.stringify(tooLate.body));
    const ok = await call(h.bf.url, 'POST', `/api/gate/journeys/${late.journeyId}/override`, { token: h.tokens.guard, body: { exception: 'slot_window', reason: 'Delayed at the partner gate, confirmed by phone' } });
    assert.equal(ok.status, 200);
    h.clock.advance(60_000);
    const admitted = await read(h, DEVICES.entry, { type: 'plate', readId: 'sw-4', plate: '51H40404', confidence: 0.95, position: 'entry' });
    assert.equal(admitted.body.decision.action, 'open');
  });

  test('a container not on the declaration and a broken e-seal raise exceptions that hold the exit', async () => {
    const h = harness();
    h.clock.set('2026-11-23T13:00:00Z');
    const t = await bookedTruck(h, '51H-505.05', '2026-11-23T13:00:00.000Z');
    assert.equal((await read(h, DEVICES.entry, { type: 'plate', readId: 'cs-1', plate: '51H50505', confidence: 0.95, position: 'entry' })).body.decision.action, 'open');
    const declared = await read(h, DEVICES.container, { type: 'container', readId: 'cs-2', container: 'CSQU3054383', confidence: 0.9, plate: '51H-505.05' });
    assert.deepEqual([declared.body.outcome, declared.body.journeyId, declared.body.detail.declared], ['matched', t.journeyId, true]);
    const other = `MSCU123456${iso6346CheckDigit('MSCU123456')}`;
    const mismatch = await read(h, DEVICES.container, { type: 'container', readId: 'cs-3', container: other, confidence: 0.9, plate: '51H-505.05' });
    assert.deepEqual(mismatch.body.detail.exceptions, ['container_mismatch']);
    const seal = await read(h, DEVICES.seal, { type: 'seal', readId: 'cs-4', plate: '51H50505', seal: 'CN1234567', status: 'broken', container: 'CSQU3054383' });
    assert.deepEqual(seal.body.detail.exceptions, ['container_mismatch', 'seal_problem']);
    const badStatus = await read(h, DEVICES.seal, { type: 'seal', readId: 'cs-5', plate: '51H50505', seal: 'CN1234567', status: 'fine' });
    assert.equal(badStatus.status, 400);
    const exit = await read(h, DEVICES.exit, { type: 'plate', readId: 'cs-6', plate: '51H50505', confidence: 0.95, position: 'exit' });
    const codes = exit.body.decision.reasons.map((r: { code: string }) => r.code);
    assert.ok(codes.includes('CONTAINER_MISMATCH') && codes.includes('SEAL_PROBLEM'), codes.join());
  });

  test('an officer resolves a referral by choosing the candidate: the truck enters the yard and the barrier opens', async () => {
    const h = harness();
    h.clock.set('2026-11-23T14:00:00Z');
    const t = await bookedTruck(h, '29C-246.80', '2026-11-23T14:00:00.000Z');
    const commands: string[] = [];
    await h.bf.platform.mqtt.subscribe('borderflow/VN-MONGCAI/barrier/bar-entry-1/commands/#', (_topic, payload) => {
      commands.push((JSON.parse(payload.toString()) as { commandId: string }).commandId);
    });
    const r = await read(h, DEVICES.entry, { type: 'plate', readId: 'rr-1', plate: '29C246', confidence: 0.6, position: 'entry' });
    assert.deepEqual([r.body.outcome, r.body.decision.action], ['referred', 'hold']);
    const referralId = r.body.detail.referralId as string;
    const url = `/api/gate/referrals/${referralId}/resolve`;
    assert.equal((await call(h.bf.url, 'POST', url, { token: h.tokens.declarant, body: { journeyId: t.journeyId, reason: 'mine' } })).status, 403);
    const wrong = await call(h.bf.url, 'POST', url, { token: h.tokens.guard, body: { journeyId: 'jrn_NOPE', reason: 'looked at the truck' } });
    assert.deepEqual([wrong.status, wrong.body.code], [422, 'GATE_NOT_A_CANDIDATE']);
    const ok = await call(h.bf.url, 'POST', url, { token: h.tokens.guard, body: { journeyId: t.journeyId, reason: 'Plate checked by eye: 29C-246.80' } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.journey.state, ok.body.command.action], ['in_yard', 'open']);
    for (let i = 0; i < 50 && !commands.includes(ok.body.command.commandId); i++) await new Promise((res) => setTimeout(res, 10));
    assert.ok(commands.includes(ok.body.command.commandId), 'the open command reached the barrier');
    const again = await call(h.bf.url, 'POST', url, { token: h.tokens.guard, body: { journeyId: null, reason: 'second thoughts' } });
    assert.deepEqual([again.status, again.body.code], [409, 'GATE_REFERRAL_RESOLVED']);
    const open = (await call(h.bf.url, 'GET', '/api/gate/referrals', { token: h.tokens.guard })).body.items.map((x: { id: string }) => x.id);
    assert.ok(!open.includes(referralId));
  });

  test('vehicles and drivers are registered once, seen by their enterprise and staff; a trip pairs a real trailer', async () => {
    const h = harness();
    const v = await call(h.bf.url, 'POST', '/api/gate/vehicles', { token: h.tokens.declarant, body: { plate: '29c 987.12', kind: 'tractor', axles: 3 } });
    assert.equal(v.status, 201, JSON.stringify(v.body));
    assert.deepEqual([v.body.plate, v.body.country], ['29C-987.12', 'VN']);
    assert.equal((await call(h.bf.url, 'POST', '/api/gate/vehicles', { token: h.tokens.declarant, body: { plate: '29C98712', kind: 'tractor', axles: 3 } })).body.code, 'GATE_VEHICLE_EXISTS');
    const bad = await call(h.bf.url, 'POST', '/api/gate/vehicles', { token: h.tokens.declarant, body: { plate: 'HELLO', kind: 'truck', axles: 2 } });
    assert.deepEqual([bad.status, bad.body.errors[0].pointer], [400, '/plate']);
    const notTrailer = await call(h.bf.url, 'POST', '/api/gate/vehicles', { token: h.tokens.declarant, body: { plate: '29C-987.13', kind: 'trailer', axles: 3 } });
    assert.deepEqual([notTrailer.status, notTrailer.body.errors[0].pointer], [400, '/kind']);
    assert.equal((await call(h.bf.url, 'GET', `/api/gate/vehicles/${v.body.id}`, { token: h.tokens.declarant2 })).status, 404, 'another enterprise does not see it');
    assert.equal((await call(h.bf.url, 'GET', '/api/gate/vehicles?plate=29C-987.12', { token: h.tokens.guard })).body.items[0].id, v.body.id);

    const driver = { name: 'Nguyễn Văn An', document: { number: 'c1234567', country: 'VN' }, licence: { number: '010203040506', country: 'VN', classes: ['FC'], expiresOn: '2030-05-01' } };
    const d = await call(h.bf.url, 'POST', '/api/gate/drivers', { token: h.tokens.declarant, body: driver });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    assert.equal((await call(h.bf.url, 'POST', '/api/gate/drivers', { token: h.tokens.declarant, body: driver })).body.code, 'GATE_DRIVER_EXISTS');
    assert.equal((await call(h.bf.url, 'GET', '/api/gate/drivers?country=VN&number=C1234567', { token: h.tokens.guard })).body.id, d.body.id);
    assert.equal((await call(h.bf.url, 'POST', '/api/gate/drivers', { token: h.tokens.declarant, body: { ...driver, licence: { ...driver.licence, expiresOn: 'soon' } } })).status, 400);

    h.clock.set('2026-11-23T15:00:00Z');
    const refused = await book(h, await declare(h, '29C-987.12'), '2026-11-23T15:30:00.000Z', { plate: '29C-987.12', trailerPlate: '29C-987.12' });
    assert.deepEqual([refused.status, refused.body.code, refused.body.errors[0].pointer], [422, 'GATE_TRAILER_INVALID', '/trailerPlate']);
    const paired = await book(h, await declare(h, '29C-987.12'), '2026-11-23T15:30:00.000Z', { plate: '29C-987.12', trailerPlate: '29R-012.34' });
    assert.equal(paired.status, 201, JSON.stringify(paired.body));
    assert.equal((await call(h.bf.url, 'GET', `/api/gate/journeys/${paired.body.journeyId}`, { token: h.tokens.guard })).body.trailerPlate, '29R-012.34');
  });

  test('the operations picture shows lanes, the yard, dwell per stage and held trucks, to gate staff only', async () => {
    const h = harness();
    const o = await call(h.bf.url, 'GET', '/api/gate/overview', { token: h.tokens.guard });
    assert.equal(o.status, 200);
    assert.ok(o.body.lanes.some((l: { direction: string; laneClass: string; trucksPerSlot: number }) => l.direction === 'inbound' && l.laneClass === 'general' && l.trucksPerSlot === 12));
    assert.ok(o.body.yard.occupancy >= 1 && o.body.yard.capacity === 2500);
    const inYard = o.body.dwell.find((d: { stage: string }) => d.stage === 'in_yard');
    assert.ok(inYard.current >= 1 && inYard.longestCurrentMinutes > 0, JSON.stringify(inYard));
    assert.ok(o.body.held.some((x: { exceptions: Array<{ kind: string }> }) => x.exceptions.some((e) => e.kind === 'seal_problem')));
    assert.equal((await call(h.bf.url, 'GET', '/api/gate/overview', { token: h.tokens.declarant })).status, 403);
  });

  test('the driver page reads its journey through the pass alone; a tampered pass learns nothing', async () => {
    const h = harness();
    h.clock.set('2026-11-23T16:00:00Z');
    const t = await bookedTruck(h, '29C-135.79', '2026-11-23T16:00:00.000Z');
    const pass = (await call(h.bf.url, 'GET', `/api/gate/bookings/${t.id}/pass`, { token: h.tokens.declarant })).body.token as string;
    const before = await call(h.bf.url, 'POST', '/api/public/gate/pass-status', { body: { token: pass } });
    assert.deepEqual([before.status, before.body.state, before.body.estimatedWaitMinutes], [200, 'expected', null]);
    assert.equal(before.body.driver, undefined);
    assert.equal((await read(h, DEVICES.entry, { type: 'plate', readId: 'dp-1', plate: '29C13579', confidence: 0.95, position: 'entry' })).body.decision.action, 'open');
    const inYard = await call(h.bf.url, 'POST', '/api/public/gate/pass-status', { body: { token: pass } });
    assert.equal(inYard.body.state, 'in_yard');
    assert.ok(inYard.body.position >= 1 && typeof inYard.body.estimatedWaitMinutes === 'number', JSON.stringify(inYard.body));
    const tampered = `${pass.slice(0, -6)}AAAAAA`;
    const refused = await call(h.bf.url, 'POST', '/api/public/gate/pass-status', { body: { token: tampered } });
    assert.deepEqual([refused.status, refused.body.code], [404, 'GATE_PASS_INVALID']);
    assert.equal((await call(h.bf.url, 'POST', '/api/public/gate/pass-status', { body: {} })).status, 400);
  });
}
