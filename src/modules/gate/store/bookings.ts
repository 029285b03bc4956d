import { typed, type Executor } from '../../../infra/db/index.ts';
import type { ListCursor } from '../listing.ts';
import type { Booking, BookingStatus, Direction, GateId, LaneClass } from '../model.ts';
import type { PartnerWindow } from '../slots.ts';
import type { BookingRow, Tables } from './tables.ts';

function toBooking(r: BookingRow): Booking {
  return {
    id: r.id, enterpriseId: r.enterprise_id, declarationId: r.declaration_id, gate: r.gate as GateId, direction: r.direction as Direction,
    laneClass: r.lane_class as LaneClass, slotStart: new Date(r.slot_start), plate: r.plate, driverName: r.driver_name, driverDocument: r.driver_document,
    status: r.status as Booking['status'], rebookings: r.rebookings, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at),
  };
}

function toRow(b: Booking): BookingRow {
  return {
    id: b.id, enterprise_id: b.enterpriseId, declaration_id: b.declarationId, gate: b.gate, direction: b.direction, lane_class: b.laneClass,
    slot_start: b.slotStart, plate: b.plate, driver_name: b.driverName, driver_document: b.driverDocument, status: b.status,
    rebookings: b.rebookings, created_at: b.createdAt, updated_at: b.updatedAt,
  };
}

/** What a booking list is narrowed to; `enterpriseId` null means every enterprise. */
export interface BookingFilter {
  enterpriseId: string | null;
  statuses?: BookingStatus[];
  declarationId?: string;
  /** Canonical spelling (`normalizePlate`). */
  plate?: string;
  from?: Date;
  to?: Date;
  after?: ListCursor;
}

/** Slot bookings and the partner side's announced capacity. */
export const bookings = {
  async insert(x: Executor, b: Booking): Promise<void> {
    await typed<Tables>(x).insertInto('gate.bookings').values(toRow(b)).execute();
  },
  async update(x: Executor, b: Booking): Promise<void> {
    const { id: _id, created_at: _c, ...rest } = toRow(b);
    await typed<Tables>(x).updateTable('gate.bookings').set(rest).where('id', '=', b.id).execute();
  },
  async byId(x: Executor, id: string, forUpdate = false): Promise<Booking | null> {
    let q = typed<Tables>(x).selectFrom('gate.bookings').selectAll().where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? toBooking(r) : null;
  },
  async activeCount(x: Executor, enterpriseId: string): Promise<number> {
    const r = await typed<Tables>(x).selectFrom('gate.bookings').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('enterprise_id', '=', enterpriseId).where('status', '=', 'active').executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** Active bookings per slot start (epoch ms) in a range. */
  async bookedPerSlot(x: Executor, key: { gate: string; direction: string; laneClass: string }, from: Date, to: Date): Promise<Map<number, number>> {
    const rows = await typed<Tables>(x).selectFrom('gate.bookings').select(['slot_start']).select((eb) => eb.fn.countAll<string>().as('n'))
      .where('gate', '=', key.gate).where('direction', '=', key.direction).where('lane_class', '=', key.laneClass).where('status', '=', 'active')
      .where('slot_start', '>=', from).where('slot_start', '<', to).groupBy('slot_start').execute();
    return new Map(rows.map((r) => [new Date(r.slot_start).getTime(), Number(r.n)]));
  },
  /** Active bookings whose slot started before `before` and whose truck never arrived. */
  async overdue(x: Executor, before: Date, limit: number): Promise<Booking[]> {
    const rows = await typed<Tables>(x).selectFrom('gate.bookings').selectAll().where('status', '=', 'active').where('slot_start', '<', before)
      .orderBy('slot_start').limit(limit).execute();
    return rows.map(toBooking);
  },
  /** Bookings matching `f`, newest slot first, after `f.after`; `limit` rows at most. */
  async list(x: Executor, f: BookingFilter, limit: number): Promise<Booking[]> {
    let q = typed<Tables>(x).selectFrom('gate.bookings').selectAll().orderBy('slot_start', 'desc').orderBy('id', 'desc').limit(limit);
    if (f.enterpriseId !== null) q = q.where('enterprise_id', '=', f.enterpriseId);
    if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
    if (f.declarationId) q = q.where('declaration_id', '=', f.declarationId);
    if (f.plate) q = q.where('plate', '=', f.plate);
    if (f.from) q = q.where('slot_start', '>=', f.from);
    if (f.to) q = q.where('slot_start', '<', f.to);
    const after = f.after;
    if (after) q = q.where((eb) => eb.or([eb('slot_start', '<', after.slotStart), eb.and([eb('slot_start', '=', after.slotStart), eb('id', '<', after.id)])]));
    return (await q.execute()).map(toBooking);
  },
};

/** The partner side's announced capacity windows. */
export const partnerWindows = {
  async insert(x: Executor, id: string, w: PartnerWindow, announcedAt: Date, by: string): Promise<void> {
    await typed<Tables>(x).insertInto('gate.partner_windows').values({
      id, gate: w.gate, direction: w.direction, lane_class: w.laneClass, starts_at: w.from, ends_at: w.to, trucks_per_slot: w.trucksPerSlot, announced_at: announcedAt, announced_by: by,
    }).execute();
  },
  /** Windows overlapping [from, to), oldest announcement first (the latest wins). */
  async overlapping(x: Executor, key: { gate: string; direction: string; laneClass: string }, from: Date, to: Date): Promise<PartnerWindow[]> {
    const rows = await typed<Tables>(x).selectFrom('gate.partner_windows').selectAll().where('gate', '=', key.gate).where('direction', '=', key.direction)
      .where('lane_class', '=', key.laneClass).where('starts_at', '<', to).where('ends_at', '>', from).orderBy('announced_at').orderBy('id').execute();
    return rows.map((r) => ({
      gate: r.gate as GateId, direction: r.direction as Direction, laneClass: r.lane_class as LaneClass, from: new Date(r.starts_at), to: new Date(r.ends_at), trucksPerSlot: r.trucks_per_slot,
    }));
  },
};
