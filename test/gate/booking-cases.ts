import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { test } from 'node:test';
import { sql } from '../../src/infra/db/index.ts';
import { verifyPass } from '../../src/modules/gate/index.ts';
import { call } from '../support/http.ts';
import { book, declare, DEVICES, read, type GateHarness } from './support.ts';

const slots = (h: GateHarness, from: string, count: number, laneClass = 'general') =>
  call(h.bf.url, 'GET', `/api/gate/slots?direction=inbound&laneClass=${laneClass}&from=${encodeURIComponent(from)}&count=${count}`, { token: h.tokens.declarant });

/** Slots on both sides, booking rules, hoarding, rebooking, no-shows, passes. */
export function bookingCases(harness: () => GateHarness): void {
  test('slots offer the smaller of both sides and nothing while the partner is closed; a later announcement wins', async () => {
    const h = harness();
    h.clock.set('2026-11-23T10:00:00Z');
    const r = await slots(h, '2026-11-23T18:30:00Z', 4);
    assert.deepEqual(r.body.items.map((s: { capacity: number; reason: string | null }) => [s.capacity, s.reason]), [[10, null], [10, null], [10, null], [0, 'partner_closed']]);
    const closed = await book(h, await declare(h, '29C-111.11'), '2026-11-23T20:00:00.000Z', { plate: '29C11111' });
    assert.deepEqual([closed.status, closed.body.code, closed.body.reason], [409, 'GATE_SLOT_UNAVAILABLE', 'partner_closed']);
    const cut = await call(h.bf.url, 'POST', '/api/gate/partner-capacity', { token: h.tokens.admin, body: { direction: 'inbound', laneClass: 'general', from: '2026-11-23T18:30:00Z', to: '2026-11-23T19:00:00Z', trucksPerSlot: 1 } });
    assert.equal(cut.status, 201);
    assert.equal((await book(h, await declare(h, '29C-111.12'), '2026-11-23T18:30:00.000Z', { plate: '29C-111.12' })).status, 201);
    const full = await book(h, await declare(h, '29C-111.13'), '2026-11-23T18:30:00.000Z', { plate: '29C-111.13' });
    assert.deepEqual([full.status, full.body.reason], [409, 'full']);
    assert.equal((await slots(h, '2026-11-23T18:30:00Z', 1)).body.items[0].available, 0);
  });

  test('booking needs the enterprise\'s own declaration for this gate, direction and plate; one active booking per declaration', async () => {
    const h = harness();
    const id = await declare(h, '29C-222.22');
    const other = await book(h, id, '2026-11-23T12:00:00.000Z', { plate: '29C-222.22' }, h.tokens.declarant2);
    assert.deepEqual([other.status, other.body.code], [422, 'GATE_DECLARATION_UNKNOWN']);
    const plate = await book(h, id, '2026-11-23T12:00:00.000Z', { plate: '29C-999.99' });
    assert.deepEqual([plate.status, plate.body.code], [409, 'GATE_DECLARATION_NOT_BOOKABLE']);
    const direction = await book(h, id, '2026-11-23T12:00:00.000Z', { plate: '29C22222', direction: 'outbound' });
    assert.equal(direction.body.code, 'GATE_DECLARATION_NOT_BOOKABLE');
    assert.equal((await book(h, id, '2026-11-23T12:00:00.000Z', { plate: '29C22222' })).status, 201);
    const again = await book(h, id, '2026-11-23T12:30:00.000Z', { plate: '29C22222' });
    assert.deepEqual([again.status, again.body.code], [409, 'GATE_ALREADY_BOOKED']);
    const notSlot = await book(h, await declare(h, '29C-222.23'), '2026-11-23T12:10:00.000Z', { plate: '29C-222.23' });
    assert.equal(notSlot.body.code, 'GATE_SLOT_UNAVAILABLE');
  });

  test('an enterprise cannot hoard slots beyond its limit', async () => {
    const h = harness();
    const r = await sql<{ n: string }>`select count(*) as n from gate.bookings where status = 'active' and enterprise_id = (select enterprise_id from gate.bookings limit 1)`.execute(h.bf.platform.database.db);
    const settings = h.bf.platform.gate.settings;
    const before = settings.maxActiveBookingsPerEnterprise;
    settings.maxActiveBookingsPerEnterprise = Number(r.rows[0]!.n);
    try {
      const over = await book(h, await declare(h, '29C-333.33'), '2026-11-23T13:00:00.000Z', { plate: '29C-333.33' });
      assert.deepEqual([over.status, over.body.code], [429, 'GATE_BOOKING_LIMIT']);
    } finally {
      settings.maxActiveBookingsPerEnterprise = before;
    }
    assert.equal((await book(h, await declare(h, '29C-333.34'), '2026-11-23T13:00:00.000Z', { plate: '29C-333.34' })).status, 201);
  });

  test('rebooking moves the slot (and the journey) within the limit, never close to the slot', async () => {
    const h = harness();
    const b = (await book(h, await declare(h, '29C-444.44'), '2026-11-23T14:00:00.000Z', { plate: '29C-444.44' })).body;
    const rebook = (slotStart: string) => call(h.bf.url, 'POST', `/api/gate/bookings/${b.id}/rebook`, { token: h.tokens.declarant, body: { slotStart } });
    const first = await rebook('2026-11-23T15:00:00.000Z');
    assert.deepEqual([first.status, first.body.slotStart, first.body.rebookings], [200, '2026-11-23T15:00:00.000Z', 1]);
    assert.equal((await call(h.bf.url, 'GET', `/api/gate/journeys/${b.journeyId}`, { token: h.tokens.declarant })).body.slotStart, '2026-11-23T15:00:00.000Z');
    assert.equal((await rebook('2026-11-23T16:00:00.000Z')).status, 200);
    const third = await rebook('2026-11-23T17:00:00.000Z');
    assert.deepEqual([third.status, third.body.code], [409, 'GATE_REBOOK_NOT_ALLOWED']);
    const late = (await book(h, await declare(h, '29C-444.45'), '2026-11-23T10:30:00.000Z', { plate: '29C-444.45' })).body;
    const tooClose = await call(h.bf.url, 'POST', `/api/gate/bookings/${late.id}/rebook`, { token: h.tokens.declarant, body: { slotStart: '2026-11-23T15:00:00.000Z' } });
    assert.deepEqual([tooClose.status, tooClose.body.code], [409, 'GATE_REBOOK_NOT_ALLOWED']);
  });

  test('a truck that does not come within the grace period loses its slot, which is offered again', async () => {
    const h = harness();
    h.clock.set('2026-11-23T10:00:00Z');
    const b = (await book(h, await declare(h, '29C-555.55'), '2026-11-23T11:00:00.000Z', { plate: '29C-555.55' })).body;
    const availableBefore = (await slots(h, '2026-11-23T11:00:00Z', 1)).body.items[0].available;
    h.clock.set('2026-11-23T11:50:00Z');
    const none = await call(h.bf.url, 'POST', '/api/gate/no-shows/release', { token: h.tokens.operator });
    assert.equal((await call(h.bf.url, 'GET', `/api/gate/bookings/${b.id}`, { token: h.tokens.declarant })).body.status, 'active', 'within the grace period');
    assert.equal(none.status, 200);
    h.clock.set('2026-11-23T12:01:00Z');
    const released = await call(h.bf.url, 'POST', '/api/gate/no-shows/release', { token: h.tokens.operator });
    assert.ok(released.body.released >= 1);
    assert.equal((await call(h.bf.url, 'GET', `/api/gate/bookings/${b.id}`, { token: h.tokens.declarant })).body.status, 'no_show');
    assert.equal((await call(h.bf.url, 'GET', `/api/gate/journeys/${b.journeyId}`, { token: h.tokens.declarant })).body.state, 'no_show');
    h.clock.set('2026-11-23T10:00:00Z');
    assert.equal((await slots(h, '2026-11-23T11:00:00Z', 1)).body.items[0].available, availableBefore + 1);
  });

  test('the pass verifies offline with the published key; tampered or for another plate it is refused at the gate and alerted', async () => {
    const h = harness();
    h.clock.set('2026-11-23T10:00:00Z');
    const b = (await book(h, await declare(h, '29C-666.66'), '2026-11-23T16:00:00.000Z', { plate: '29C-666.66' })).body;
    const { token } = (await call(h.bf.url, 'GET', `/api/gate/bookings/${b.id}/pass`, { token: h.tokens.declarant })).body;
    const raw = Buffer.from((await call(h.bf.url, 'GET', '/api/gate/pass-key')).body.publicKey, 'base64');
    const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]), format: 'der', type: 'spki' });
    assert.ok(verifyPass(token, key, { plate: '29C66666', driverDocument: 'E12345678', now: h.clock.now() }).ok);
    assert.equal((await call(h.bf.url, 'GET', `/api/gate/bookings/${b.id}/pass`, { token: h.tokens.declarant2 })).status, 404, 'another enterprise');
    const good = await read(h, DEVICES.qr, { type: 'qr', readId: 'pass-good', token, plate: '29C-666.66' });
    assert.deepEqual([good.body.outcome, good.body.journeyId], ['matched', b.journeyId]);
    const wrongPlate = await read(h, DEVICES.qr, { type: 'qr', readId: 'pass-plate', token, plate: '29C-666.67' });
    assert.deepEqual([wrongPlate.body.outcome, wrongPlate.body.detail.reason], ['refused', 'wrong_plate']);
    const tampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const bad = await read(h, DEVICES.qr, { type: 'qr', readId: 'pass-bad', token: tampered, plate: '29C-666.66' });
    assert.deepEqual([bad.body.outcome, bad.body.detail.reason], ['refused', 'bad_signature']);
    const alerts = await sql<{ n: string }>`select count(*) as n from platform.outbox where type = 'gate.pass_refused'`.execute(h.bf.platform.database.db);
    assert.equal(Number(alerts.rows[0]!.n), 2);
  });
}
