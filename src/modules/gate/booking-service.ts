import type { KeyObject } from 'node:crypto';
import { hasRole, type RequestContext } from '../../infra/auth/index.ts';
import { sql, type Db, type Executor } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import { gateError } from './errors.ts';
import { decodeCursor, plateFilter, slotRange } from './listing.ts';
import type { Booking, BookingStatus, Direction, GateId, Journey, LaneClass, VehicleClass } from './model.ts';
import { signPass } from './pass.ts';
import { actorName, bookingPolicy, BOOKING_READERS } from './policies.ts';
import { normalizePlate, samePlate } from './plates.ts';
import type { DeclarationLookup, DeclarationSummary } from './ports.ts';
import type { GateSettings } from './settings.ts';
import { isSlotStart, offerSlots, SLOT_MS, type PartnerWindow, type SlotOffer } from './slots.ts';
import { bookings, partnerWindows } from './store/bookings.ts';
import { journeys } from './store/journeys.ts';
import type { BookingFilter } from './store/bookings.ts';
import { registry } from './store/registry.ts';
import { trailerProblem } from './registry.ts';

/** What a declarant books. */
export interface BookingRequest {
  declarationId: string;
  direction: Direction;
  laneClass: LaneClass;
  slotStart: Date;
  plate: string;
  vehicleClass: VehicleClass;
  /** The trailer paired with the tractor for this trip. */
  trailerPlate?: string | null;
  driverName: string;
  driverDocument: string;
}

/** A booking list query as the route received it (times and plate still as text). */
export interface BookingListRequest {
  statuses?: BookingStatus[];
  declarationId?: string;
  plate?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

type SlotKey = { gate: GateId; direction: Direction; laneClass: LaneClass };

/** Crossing slots: offers from both sides' capacity, bookings with hoarding limits, rebooking, no-shows, passes. */
export class BookingService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly settings: GateSettings,
    private readonly declarations: DeclarationLookup,
    private readonly passKey: KeyObject,
    /** Told of every journey a booking creates (the in-memory plate index). */
    private readonly onJourney: (j: Journey) => void = () => undefined,
  ) {}

  /** The slots of a day (or any range) with what is left on both sides. */
  async slots(key: Omit<SlotKey, 'gate'>, from: Date, count: number, x: Executor = this.db): Promise<SlotOffer[]> {
    const k = { ...key, gate: this.settings.gate };
    const to = new Date(from.getTime() + count * SLOT_MS + SLOT_MS);
    const [windows, booked] = await Promise.all([partnerWindows.overlapping(x, k, new Date(from.getTime() - SLOT_MS), to), bookings.bookedPerSlot(x, k, new Date(from.getTime() - SLOT_MS), to)]);
    return offerSlots({ from, count, now: this.clock.now(), lanes: this.settings.lanes[`${key.direction}/${key.laneClass}`], windows, booked });
  }

  /** Records the partner side's announced capacity for a period (the exchange will feed this). */
  async announcePartnerCapacity(ctx: RequestContext, w: Omit<PartnerWindow, 'gate'>): Promise<PartnerWindow> {
    return this.uow.run(ctx, async (tx) => {
      const window: PartnerWindow = { ...w, gate: this.settings.gate };
      const id = this.ids.next('pcap');
      await partnerWindows.insert(tx.tx, id, window, tx.now, actorName(ctx.actor));
      tx.emit({ type: 'gate.partner_capacity_announced', subject: id, data: { ...window, from: w.from.toISOString(), to: w.to.toISOString() } });
      tx.audit({ action: 'gate.partner_capacity', targetType: 'partner_window', targetId: id, details: { direction: w.direction, laneClass: w.laneClass, trucksPerSlot: w.trucksPerSlot } });
      return window;
    });
  }

  /** Books a slot for a declaration's truck; creates the journey the gate then expects. */
  async book(ctx: RequestContext, req: BookingRequest): Promise<{ booking: Booking; journey: Journey }> {
    const actor = ctx.actor!;
    const decl = await this.declarations(this.db, req.declarationId);
    if (!decl || !bookingPolicy.book(actor, decl)) throw gateError('GATE_DECLARATION_UNKNOWN', `No declaration ${req.declarationId} of your enterprise`);
    this.checkBookable(decl, req);
    const made = await this.create(ctx, decl, req);
    this.onJourney(made.journey);
    return made;
  }

  private async create(ctx: RequestContext, decl: DeclarationSummary, req: BookingRequest): Promise<{ booking: Booking; journey: Journey }> {
    const actor = ctx.actor!;
    if (req.trailerPlate) {
      const problem = trailerProblem(req.trailerPlate, await registry.vehicleByPlate(this.db, req.trailerPlate));
      if (problem) throw gateError('GATE_TRAILER_INVALID', problem, [{ pointer: '/trailerPlate', code: 'NOT_A_TRAILER', message: problem }]);
    }
    return this.uow.run(ctx, async (w) => {
      if ((await bookings.activeCount(w.tx, decl.enterpriseId)) >= this.settings.maxActiveBookingsPerEnterprise) {
        throw gateError('GATE_BOOKING_LIMIT', `Your enterprise already holds ${this.settings.maxActiveBookingsPerEnterprise} active bookings`);
      }
      await this.takeSlot(w.tx, { gate: this.settings.gate, direction: req.direction, laneClass: req.laneClass }, req.slotStart);
      const booking: Booking = {
        id: this.ids.next('slot'), enterpriseId: decl.enterpriseId, declarationId: decl.id, gate: this.settings.gate, direction: req.direction, laneClass: req.laneClass,
        slotStart: req.slotStart, plate: normalizePlate(req.plate), driverName: req.driverName.trim(), driverDocument: req.driverDocument.trim().toUpperCase(),
        status: 'active', rebookings: 0, createdAt: w.now, updatedAt: w.now,
      };
      await bookings.insert(w.tx, booking).catch((err: unknown) => {
        if ((err as { code?: string }).code === '23505') throw gateError('GATE_ALREADY_BOOKED', `Declaration ${decl.id} already has an active booking`);
        throw err;
      });
      const journey: Journey = {
        id: this.ids.next('jrn'), bookingId: booking.id, enterpriseId: booking.enterpriseId, declarationId: decl.id, gate: booking.gate, direction: booking.direction,
        laneClass: booking.laneClass, vehicleClass: req.vehicleClass, plate: booking.plate, trailerPlate: req.trailerPlate ? normalizePlate(req.trailerPlate) : null, driverName: booking.driverName, driverDocument: booking.driverDocument,
        slotStart: booking.slotStart, state: 'expected', scanSelected: decl.scanSelected, maxGrossKg: this.settings.maxGrossKg[req.vehicleClass], grossKg: null,
        containers: decl.containers, customsReleasedAt: decl.released ? w.now : null, exceptions: [], stages: [{ stage: 'expected', at: w.now, by: actorName(actor) }], fee: null, version: 1,
      };
      await journeys.insert(w.tx, journey, w.now);
      w.emit({ type: 'gate.slot_booked', subject: booking.id, data: { bookingId: booking.id, journeyId: journey.id, declarationId: decl.id, enterpriseId: booking.enterpriseId, plate: booking.plate, slotStart: booking.slotStart.toISOString(), direction: booking.direction, laneClass: booking.laneClass } });
      w.audit({ action: 'gate.book', targetType: 'booking', targetId: booking.id, details: { declarationId: decl.id, slotStart: booking.slotStart.toISOString(), plate: booking.plate } });
      return { booking, journey };
    });
  }

  /** Moves a booking to another slot, within the rebooking rules. */
  async rebook(ctx: RequestContext, id: string, slotStart: Date): Promise<Booking> {
    return this.uow.run(ctx, async (w) => {
      const b = await this.visible(w.tx, ctx, id, true);
      if (b.status !== 'active') throw gateError('GATE_REBOOK_NOT_ALLOWED', `The booking is ${b.status}`);
      if (b.rebookings >= this.settings.maxRebookings) throw gateError('GATE_REBOOK_NOT_ALLOWED', `A booking may be moved at most ${this.settings.maxRebookings} times`);
      if (b.slotStart.getTime() - w.now.getTime() < this.settings.rebookCutoffMinutes * 60_000) throw gateError('GATE_REBOOK_NOT_ALLOWED', `Too close to the booked slot: rebook at least ${this.settings.rebookCutoffMinutes} minutes before it`);
      await this.takeSlot(w.tx, b, slotStart);
      const next: Booking = { ...b, slotStart, rebookings: b.rebookings + 1, updatedAt: w.now };
      await bookings.update(w.tx, next);
      const j = await journeys.byBooking(w.tx, b.id);
      if (j) await journeys.update(w.tx, { ...j, slotStart }, w.now);
      w.emit({ type: 'gate.slot_rebooked', subject: b.id, data: { bookingId: b.id, from: b.slotStart.toISOString(), to: slotStart.toISOString(), plate: b.plate } });
      w.audit({ action: 'gate.rebook', targetType: 'booking', targetId: b.id, details: { from: b.slotStart.toISOString(), to: slotStart.toISOString() } });
      return next;
    });
  }

  /** Releases the slots of trucks that did not arrive within the grace period; returns how many. */
  async releaseNoShows(ctx: RequestContext): Promise<number> {
    const overdue = await bookings.overdue(this.db, new Date(this.clock.now().getTime() - this.settings.noShowGraceMinutes * 60_000), 500);
    let released = 0;
    for (const b of overdue) {
      released += await this.uow.run(ctx, async (w) => {
        const j = await journeys.byBooking(w.tx, b.id);
        const fresh = await bookings.byId(w.tx, b.id, true);
        if (!fresh || fresh.status !== 'active' || (j && j.state !== 'expected')) {
          if (fresh && fresh.status === 'active' && j) await bookings.update(w.tx, { ...fresh, status: 'used', updatedAt: w.now });
          w.audit({ action: 'gate.booking_used', targetType: 'booking', targetId: b.id });
          return 0;
        }
        await bookings.update(w.tx, { ...fresh, status: 'no_show', updatedAt: w.now });
        if (j) await journeys.update(w.tx, { ...j, state: 'no_show', stages: [...j.stages, { stage: 'no_show', at: w.now, by: 'system' }] }, w.now);
        w.emit({ type: 'gate.no_show', subject: b.id, data: { bookingId: b.id, journeyId: j?.id ?? null, plate: b.plate, slotStart: b.slotStart.toISOString(), enterpriseId: b.enterpriseId } });
        w.audit({ action: 'gate.no_show', targetType: 'booking', targetId: b.id });
        return 1;
      });
    }
    return released;
  }

  /**
   * The bookings the actor may see (a declarant: its enterprise's; agency staff: all), newest slot
   * first, each with its journey. Fetches one more than `limit` so the caller knows a next page exists.
   */
  async list(ctx: RequestContext, q: BookingListRequest): Promise<Array<{ booking: Booking; journey: Journey | null }>> {
    const actor = ctx.actor!;
    const filter: BookingFilter = {
      enterpriseId: hasRole(actor, ...BOOKING_READERS) ? null : actor.enterpriseId ?? '-',
      statuses: q.statuses, declarationId: q.declarationId, plate: plateFilter(q.plate), ...slotRange(q.from, q.to),
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
    };
    const found = await bookings.list(this.db, filter, q.limit + 1);
    const byBooking = new Map((await journeys.byBookings(this.db, found.map((b) => b.id))).map((j) => [j.bookingId, j]));
    return found.map((booking) => ({ booking, journey: byBooking.get(booking.id) ?? null }));
  }

  /** One booking the actor may see. */
  async get(ctx: RequestContext, id: string): Promise<Booking> {
    return this.visible(this.db, ctx, id, false);
  }

  /** The signed crossing pass of a booking (QR content). */
  async pass(ctx: RequestContext, id: string): Promise<{ token: string; expiresAt: Date }> {
    const b = await this.visible(this.db, ctx, id, false);
    if (b.status !== 'active') throw gateError('GATE_REBOOK_NOT_ALLOWED', `The booking is ${b.status}`);
    const expiresAt = new Date(b.slotStart.getTime() + this.settings.passValidityMinutes * 60_000);
    return { token: signPass({ bookingId: b.id, plate: b.plate, driverDocument: b.driverDocument, gate: b.gate, slotStart: b.slotStart, expiresAt }, this.passKey), expiresAt };
  }

  private async visible(x: Executor, ctx: RequestContext, id: string, forUpdate: boolean): Promise<Booking> {
    const b = await bookings.byId(x, id, forUpdate);
    if (!b || (ctx.actor && ctx.actor.kind !== 'system' && !bookingPolicy.read(ctx.actor, b))) throw gateError('GATE_BOOKING_NOT_FOUND', `No booking ${id}`);
    return b;
  }

  private checkBookable(d: DeclarationSummary, req: BookingRequest): void {
    const no = (why: string) => gateError('GATE_DECLARATION_NOT_BOOKABLE', why, undefined, { declarationState: d.state });
    if (['draft', 'cancelled', 'rejected'].includes(d.state)) throw no(`The declaration is ${d.state}`);
    if (d.borderGate !== this.settings.gate) throw no(`The declaration is for ${d.borderGate ?? 'no gate'}, this gate is ${this.settings.gate}`);
    if (d.direction !== req.direction) throw no(`The declaration is ${d.direction ?? 'without direction'}, the booking ${req.direction}`);
    if (!d.tractorPlate || !samePlate(normalizePlate(d.tractorPlate), normalizePlate(req.plate))) throw no(`The plate ${req.plate} is not the declaration's tractor ${d.tractorPlate ?? '(none)'}`);
    if (!isSlotStart(req.slotStart)) throw gateError('GATE_SLOT_UNAVAILABLE', 'Slots start on the hour or half hour (UTC)', undefined, { reason: 'not_a_slot' });
  }

  /** Serialises bookings of one slot and checks there is room on both sides. */
  private async takeSlot(tx: Executor, key: SlotKey, slotStart: Date): Promise<void> {
    if (!isSlotStart(slotStart)) throw gateError('GATE_SLOT_UNAVAILABLE', 'Slots start on the hour or half hour (UTC)', undefined, { reason: 'not_a_slot' });
    const lock = `gate-slot:${key.gate}:${key.direction}:${key.laneClass}:${slotStart.toISOString()}`;
    await sql`select pg_advisory_xact_lock(hashtext(${lock}))`.execute(tx);
    const [offer] = await this.slots(key, slotStart, 1, tx);
    if (!offer || offer.reason) throw gateError('GATE_SLOT_UNAVAILABLE', `The slot ${slotStart.toISOString()} is not available: ${offer?.reason ?? 'unknown'}`, undefined, { reason: offer?.reason ?? null });
  }
}
