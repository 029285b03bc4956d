/** Presenters: domain objects to JSON for the HTTP answers (never rows). */
import type { GateOverview } from './journey-service.ts';
import { openExceptions, type Booking, type Journey } from './model.ts';
import type { Driver, Vehicle } from './registry.ts';
import type { DeviceRead } from './reads.ts';
import type { DeviceReadWire } from './schema.ts';
import type { SlotOffer } from './slots.ts';
import type { QueuePosition } from './yard.ts';

/** A journey with every stage and its time. */
export function presentJourney(j: Journey) {
  return {
    id: j.id, bookingId: j.bookingId, declarationId: j.declarationId, enterpriseId: j.enterpriseId, gate: j.gate, direction: j.direction, laneClass: j.laneClass,
    vehicleClass: j.vehicleClass, plate: j.plate, trailerPlate: j.trailerPlate, driver: { name: j.driverName, document: j.driverDocument }, slotStart: j.slotStart.toISOString(), state: j.state,
    scanSelected: j.scanSelected, grossKg: j.grossKg, maxGrossKg: j.maxGrossKg, containers: j.containers,
    customsReleasedAt: j.customsReleasedAt?.toISOString() ?? null, fee: j.fee,
    exceptions: j.exceptions.map((e) => ({ kind: e.kind, detail: e.detail, raisedAt: e.raisedAt.toISOString(), resolvedAt: e.resolvedAt?.toISOString() ?? null, resolution: e.resolution })),
    stages: j.stages.map((s) => ({ stage: s.stage, at: s.at.toISOString(), by: s.by })),
  };
}

/** A booking. */
export function presentBooking(b: Booking) {
  return {
    id: b.id, declarationId: b.declarationId, enterpriseId: b.enterpriseId, gate: b.gate, direction: b.direction, laneClass: b.laneClass,
    slotStart: b.slotStart.toISOString(), plate: b.plate, driver: { name: b.driverName, document: b.driverDocument }, status: b.status, rebookings: b.rebookings,
  };
}

/** A booking in a list, with where its truck is and the fee (receipt) once charged. */
export function presentBookingItem(x: { booking: Booking; journey: Journey | null }) {
  const j = x.journey;
  return { ...presentBooking(x.booking), journey: j ? { id: j.id, state: j.state, vehicleClass: j.vehicleClass, trailerPlate: j.trailerPlate, fee: j.fee } : null };
}

/** A slot offer. */
export function presentSlot(s: SlotOffer) {
  return { ...s, start: s.start.toISOString(), end: s.end.toISOString() };
}

/** A queue entry. */
export function presentQueued(q: QueuePosition) {
  return { journeyId: q.journeyId, plate: q.plate, laneClass: q.laneClass, slotStart: q.slotStart.toISOString(), enteredYardAt: q.enteredYardAt.toISOString(), position: q.position, estimatedWaitMinutes: q.estimatedWaitMinutes };
}

/** Maps a validated wire read to the domain read. */
export function toDeviceRead(r: DeviceReadWire): DeviceRead {
  const at = new Date(r.at);
  switch (r.type) {
    case 'plate': return { type: 'plate', readId: r.readId, at, plate: r.plate, confidence: r.confidence, position: r.position, lane: r.lane === undefined ? null : String(r.lane), imageHash: r.imageHash ?? null };
    case 'container': return { type: 'container', readId: r.readId, at, container: r.container, confidence: r.confidence, lane: r.lane === undefined ? null : String(r.lane), plate: r.plate ?? null };
    case 'seal': return { type: 'seal', readId: r.readId, at, plate: r.plate, seal: r.seal, status: r.status, container: r.container ?? null };
    case 'qr': return { type: 'qr', readId: r.readId, at, token: r.token, plate: r.plate, driverDocument: r.driverDocument ?? null };
    case 'weight': return { type: 'weight', readId: r.readId, at, grossKg: r.grossKg, plate: r.plate };
    case 'barrier-state': return { type: 'barrier-state', readId: r.readId, at, state: r.state, commandId: r.commandId ?? null };
  }
}

/** A registered vehicle. */
export function presentVehicle(v: Vehicle) {
  return { id: v.id, plate: v.plate, country: v.country, kind: v.kind, axles: v.axles, ownerEnterpriseId: v.ownerEnterpriseId, createdAt: v.createdAt.toISOString() };
}

/** A registered driver. */
export function presentDriver(d: Driver) {
  return { id: d.id, name: d.name, document: d.document, licence: d.licence, enterpriseId: d.enterpriseId, createdAt: d.createdAt.toISOString() };
}

/** The gate operations picture. */
export function presentOverview(o: GateOverview) {
  return {
    at: o.at.toISOString(), lanes: o.lanes,
    yard: { occupancy: o.yard.occupancy, capacity: o.yard.capacity, waiting: o.yard.queue.length, calledForward: o.yard.calledForward, atOuterGate: o.yard.atOuterGate, queue: o.yard.queue.slice(0, 100).map(presentQueued) },
    dwell: o.dwell,
    held: o.held.map((j) => ({
      journeyId: j.id, plate: j.plate, state: j.state, laneClass: j.laneClass, slotStart: j.slotStart.toISOString(),
      exceptions: openExceptions(j).map((e) => ({ kind: e.kind, detail: e.detail, raisedAt: e.raisedAt.toISOString() })),
    })),
  };
}

/** What the driver page shows: this journey's progress and wait, nothing personal. */
export function presentDriverStatus(s: { journey: Journey; position: number | null; estimatedWaitMinutes: number | null }, passExpiresAt: Date) {
  const j = s.journey;
  return {
    plate: j.plate, gate: j.gate, direction: j.direction, slotStart: j.slotStart.toISOString(), state: j.state,
    stages: j.stages.map((x) => ({ stage: x.stage, at: x.at.toISOString() })), holds: openExceptions(j).map((e) => e.kind),
    position: s.position, estimatedWaitMinutes: s.estimatedWaitMinutes, passExpiresAt: passExpiresAt.toISOString(),
  };
}
