import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { feeFor, DEFAULT_FEES, receiptNumber } from './fees.ts';
import { signPass, verifyPass } from './pass.ts';
import { offerSlots, type PartnerWindow } from './slots.ts';
import { estimateWaits, orderYard, type QueuedTruck } from './yard.ts';

const t0 = new Date('2026-03-01T00:00:00Z');
const h = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const win = (from: number, to: number, trucksPerSlot: number): PartnerWindow => ({ gate: 'VN-MONGCAI', direction: 'inbound', laneClass: 'general', from: h(from), to: h(to), trucksPerSlot });

test('slot capacity is the smaller of our lanes and the partner side; closed partner hours offer nothing', () => {
  const lanes = { lanes: 2, trucksPerHourPerLane: 12 }; // 12 per slot on our side
  const offers = offerSlots({ from: h(1), count: 6, now: t0, lanes, windows: [win(1, 2, 20), win(2, 2.5, 5)], booked: new Map([[h(1).getTime(), 12], [h(1.5).getTime(), 3]]) });
  assert.deepEqual(offers.map((o) => [o.capacity, o.available, o.reason]), [
    [12, 0, 'full'], [12, 9, null], [5, 5, null], [0, 0, 'partner_closed'], [0, 0, 'partner_closed'], [0, 0, 'partner_closed'],
  ]);
  const past = offerSlots({ from: t0, count: 1, now: h(1), lanes, windows: [win(0, 5, 20)], booked: new Map() });
  assert.equal(past[0]!.reason, 'past');
  const noLanes = offerSlots({ from: h(1), count: 1, now: t0, lanes: undefined, windows: [win(0, 5, 20)], booked: new Map() });
  assert.equal(noLanes[0]!.capacity, 0);
});

test('a pass verifies offline; a tampered pass, another plate, another driver or an expired pass is refused', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const claims = { bookingId: 'slot_01', plate: '29C-123.45', driverDocument: 'B1234567', gate: 'VN-MONGCAI', slotStart: h(1), expiresAt: h(4) };
  const token = signPass(claims, privateKey);
  assert.ok(token.length < 300, 'compact enough for a small QR code');
  const good = verifyPass(token, publicKey, { plate: '29C12345', driverDocument: 'b1234567', now: h(1) });
  assert.ok(good.ok && good.claims.bookingId === 'slot_01');
  const [p, payload, sig] = token.split('.') as [string, string, string];
  const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('29C12345', '29C12346')).toString('base64url');
  assert.deepEqual(verifyPass(`${p}.${forged}.${sig}`, publicKey, { plate: '29C12346', now: h(1) }), { ok: false, reason: 'bad_signature' });
  assert.deepEqual(verifyPass(token, publicKey, { plate: '29C-999.99', now: h(1) }), { ok: false, reason: 'wrong_plate' });
  assert.deepEqual(verifyPass(token, publicKey, { plate: '29C12345', driverDocument: 'X', now: h(1) }), { ok: false, reason: 'wrong_driver' });
  assert.deepEqual(verifyPass(token, publicKey, { plate: '29C12345', now: h(5) }), { ok: false, reason: 'expired' });
  assert.deepEqual(verifyPass('garbage', publicKey, { plate: '29C12345', now: h(1) }), { ok: false, reason: 'malformed' });
  const other = generateKeyPairSync('ed25519').publicKey;
  assert.deepEqual(verifyPass(token, other, { plate: '29C12345', now: h(1) }), { ok: false, reason: 'bad_signature' });
});

test('yard order: slot time first; perishables ahead within their quota; waits from the service rate', () => {
  const truck = (id: string, laneClass: QueuedTruck['laneClass'], slotH: number): QueuedTruck => ({ journeyId: id, plate: id, laneClass, slotStart: h(slotH), enteredYardAt: h(0) });
  const trucks = [truck('g1', 'general', 1), truck('g2', 'general', 1.5), truck('g3', 'general', 2), truck('p1', 'perishable', 2), truck('p2', 'perishable', 2.5), truck('p3', 'perishable', 3)];
  assert.deepEqual(orderYard(trucks, 0.5).map((t) => t.journeyId), ['p1', 'g1', 'p2', 'g2', 'p3', 'g3']);
  assert.deepEqual(orderYard(trucks, 0).map((t) => t.journeyId), ['g1', 'g2', 'g3', 'p1', 'p2', 'p3']);
  assert.deepEqual(orderYard(trucks, 1).map((t) => t.journeyId), ['p1', 'p2', 'p3', 'g1', 'g2', 'g3']);
  const waits = estimateWaits(orderYard(trucks, 0.5), { trucksPerHour: 20, alreadyCalled: 2 });
  assert.deepEqual(waits.map((w) => [w.position, w.estimatedWaitMinutes]).slice(0, 3), [[1, 6], [2, 9], [3, 12]]);
});

test('fees by vehicle class with an e-receipt number in Vietnamese local date', () => {
  assert.deepEqual(feeFor(DEFAULT_FEES, 'tractor_trailer'), { amount: 400_000, currency: 'VND' });
  assert.equal(receiptNumber('VN-MONGCAI', new Date('2026-03-01T18:00:00Z'), 42), 'BF-MONGCAI-20260302-0000042');
});
