import { sql, typed, type Executor } from '../../../infra/db/index.ts';
import type { Direction, GateId, Journey, JourneyException, JourneyState, LaneClass, StageStamp, VehicleClass } from '../model.ts';
import type { ListCursor } from '../listing.ts';
import { deletionKeys } from '../plate-index.ts';
import { json, type JourneyRow, type Tables } from './tables.ts';

const revive = <T extends { at?: unknown; raisedAt?: unknown; resolvedAt?: unknown }>(x: T): T => ({
  ...x,
  ...(x.at !== undefined ? { at: new Date(x.at as string) } : {}),
  ...(x.raisedAt !== undefined ? { raisedAt: new Date(x.raisedAt as string) } : {}),
  ...(x.resolvedAt !== undefined ? { resolvedAt: x.resolvedAt ? new Date(x.resolvedAt as string) : null } : {}),
});

function toJourney(r: JourneyRow): Journey {
  return {
    id: r.id, bookingId: r.booking_id, enterpriseId: r.enterprise_id, declarationId: r.declaration_id, gate: r.gate as GateId,
    direction: r.direction as Direction, laneClass: r.lane_class as LaneClass, vehicleClass: r.vehicle_class as VehicleClass, plate: r.plate, trailerPlate: r.trailer_plate ?? null,
    driverName: r.driver_name, driverDocument: r.driver_document, slotStart: new Date(r.slot_start), state: r.state as JourneyState,
    scanSelected: r.scan_selected, maxGrossKg: r.max_gross_kg, grossKg: r.gross_kg, containers: r.containers as string[],
    customsReleasedAt: r.customs_released_at ? new Date(r.customs_released_at) : null,
    exceptions: (r.exceptions as JourneyException[]).map(revive), stages: (r.stages as StageStamp[]).map(revive),
    fee: r.fee as Journey['fee'], version: r.version,
  };
}

function toRow(j: Journey, now: Date): JourneyRow {
  return {
    id: j.id, booking_id: j.bookingId, enterprise_id: j.enterpriseId, declaration_id: j.declarationId, gate: j.gate, direction: j.direction,
    lane_class: j.laneClass, vehicle_class: j.vehicleClass, plate: j.plate, driver_name: j.driverName, driver_document: j.driverDocument,
    slot_start: j.slotStart, state: j.state, scan_selected: j.scanSelected, max_gross_kg: j.maxGrossKg, gross_kg: j.grossKg,
    containers: json(j.containers), customs_released_at: j.customsReleasedAt, exceptions: json(j.exceptions), stages: json(j.stages),
    fee: j.fee ? json(j.fee) : null, version: j.version, updated_at: now, trailer_plate: j.trailerPlate,
  };
}

const ACTIVE: JourneyState[] = ['expected', 'arrived', 'in_yard', 'called_forward', 'weighed', 'scanned', 'released', 'border_checked'];

/** What a journey list is narrowed to. */
export interface JourneyFilter {
  states?: JourneyState[];
  direction?: Direction;
  /** Canonical spelling (`normalizePlate`). */
  plate?: string;
  /** Changed at or after. */
  since?: Date;
  after?: ListCursor;
}

/** Journeys and the plate keys that let a read find them. */
export const journeys = {
  async insert(x: Executor, j: Journey, now: Date): Promise<void> {
    await typed<Tables>(x).insertInto('gate.journeys').values(toRow(j, now)).execute();
    await this.indexPlate(x, j);
  },
  /** Stores a changed journey; the plate keys go once it is over. */
  async update(x: Executor, j: Journey, now: Date): Promise<void> {
    const { id: _id, ...rest } = toRow({ ...j, version: j.version + 1 }, now);
    await typed<Tables>(x).updateTable('gate.journeys').set(rest).where('id', '=', j.id).execute();
    if (!ACTIVE.includes(j.state)) await typed<Tables>(x).deleteFrom('gate.plate_keys').where('journey_id', '=', j.id).execute();
  },
  async indexPlate(x: Executor, j: Journey): Promise<void> {
    await typed<Tables>(x).deleteFrom('gate.plate_keys').where('journey_id', '=', j.id).execute();
    const rows = deletionKeys(j.plate).map((key) => ({ key, journey_id: j.id }));
    await typed<Tables>(x).insertInto('gate.plate_keys').values(rows).execute();
  },
  async byId(x: Executor, id: string, forUpdate = false): Promise<Journey | null> {
    let q = typed<Tables>(x).selectFrom('gate.journeys').selectAll().where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? toJourney(r) : null;
  },
  async byDeclaration(x: Executor, declarationId: string, forUpdate = false): Promise<Journey[]> {
    let q = typed<Tables>(x).selectFrom('gate.journeys').selectAll().where('declaration_id', '=', declarationId).orderBy('id');
    if (forUpdate) q = q.forUpdate();
    return (await q.execute()).map(toJourney);
  },
  /** The journeys of these bookings (a booking has at most one). */
  async byBookings(x: Executor, bookingIds: string[]): Promise<Journey[]> {
    if (bookingIds.length === 0) return [];
    return (await typed<Tables>(x).selectFrom('gate.journeys').selectAll().where('booking_id', 'in', bookingIds).execute()).map(toJourney);
  },
  /** Journeys matching `f`, newest slot first, after `f.after`; `limit` rows at most. */
  async list(x: Executor, f: JourneyFilter, limit: number): Promise<Journey[]> {
    let q = typed<Tables>(x).selectFrom('gate.journeys').selectAll().orderBy('slot_start', 'desc').orderBy('id', 'desc').limit(limit);
    if (f.states?.length) q = q.where('state', 'in', f.states);
    if (f.direction) q = q.where('direction', '=', f.direction);
    if (f.plate) q = q.where('plate', '=', f.plate);
    if (f.since) q = q.where('updated_at', '>=', f.since);
    const after = f.after;
    if (after) q = q.where((eb) => eb.or([eb('slot_start', '<', after.slotStart), eb.and([eb('slot_start', '=', after.slotStart), eb('id', '<', after.id)])]));
    return (await q.execute()).map(toJourney);
  },
  async byBooking(x: Executor, bookingId: string): Promise<Journey | null> {
    const r = await typed<Tables>(x).selectFrom('gate.journeys').selectAll().where('booking_id', '=', bookingId).executeTakeFirst();
    return r ? toJourney(r) : null;
  },
  /** Active journeys filed under any of `keys`, in the given states: the matcher's candidates. */
  async candidates(x: Executor, keys: string[], states: JourneyState[], gate: string): Promise<Array<{ id: string; plate: string }>> {
    if (keys.length === 0) return [];
    // Two index lookups rather than a join: without fresh statistics the planner would start from
    // the journeys (thousands in the yard) instead of the handful of keys.
    const ids = await typed<Tables>(x).selectFrom('gate.plate_keys').select('journey_id').distinct().where('key', 'in', keys).execute();
    if (ids.length === 0) return [];
    return typed<Tables>(x).selectFrom('gate.journeys').select(['id', 'plate']).where('id', 'in', ids.map((r) => r.journey_id))
      .where('state', 'in', states).where('gate', '=', gate).execute();
  },
  /** Every active journey's plate in the given states (the matcher's rare full scan). */
  async allPlates(x: Executor, states: JourneyState[], gate: string): Promise<Array<{ id: string; plate: string }>> {
    return typed<Tables>(x).selectFrom('gate.journeys').select(['id', 'plate']).where('state', 'in', states).where('gate', '=', gate).execute();
  },
  /** Id, plate, state and gate of every active journey (the in-memory index's load). */
  async activePlates(x: Executor): Promise<Array<{ id: string; plate: string; state: JourneyState; gate: string }>> {
    const rows = await typed<Tables>(x).selectFrom('gate.journeys').select(['id', 'plate', 'state', 'gate']).where('state', 'in', ACTIVE).execute();
    return rows.map((r) => ({ ...r, state: r.state as JourneyState }));
  },
  async inStates(x: Executor, states: JourneyState[], gate: string, limit = 10_000): Promise<Journey[]> {
    const rows = await typed<Tables>(x).selectFrom('gate.journeys').selectAll().where('state', 'in', states).where('gate', '=', gate).orderBy('slot_start').orderBy('id').limit(limit).execute();
    return rows.map(toJourney);
  },
  /** Journeys changed since `since` (the gate page's dwell times). */
  async changedSince(x: Executor, gate: string, since: Date, limit = 5_000): Promise<Journey[]> {
    const rows = await typed<Tables>(x).selectFrom('gate.journeys').selectAll().where('gate', '=', gate).where('updated_at', '>=', since).orderBy('updated_at', 'desc').limit(limit).execute();
    return rows.map(toJourney);
  },
  /** Active journeys with at least one open exception. */
  async withOpenExceptions(x: Executor, gate: string, limit = 200): Promise<Journey[]> {
    const rows = await typed<Tables>(x).selectFrom('gate.journeys').selectAll().where('gate', '=', gate).where('state', 'in', ACTIVE)
      .where(sql<boolean>`exceptions @> '[{"resolvedAt": null}]'::jsonb`).orderBy('updated_at').limit(limit).execute();
    return rows.map(toJourney);
  },
  async countInStates(x: Executor, states: JourneyState[], gate: string): Promise<number> {
    const r = await typed<Tables>(x).selectFrom('gate.journeys').select((eb) => eb.fn.countAll<string>().as('n')).where('state', 'in', states).where('gate', '=', gate).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async nextReceipt(x: Executor): Promise<number> {
    const r = await sql<{ n: string }>`select nextval('gate.receipt_seq') as n`.execute(x);
    return Number(r.rows[0]!.n);
  },
};
