import type { RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import { gateError } from './errors.ts';
import { feeFor, receiptNumber } from './fees.ts';
import type { JourneyCommand } from './journey.ts';
import { applyJourney } from './journey-writer.ts';
import { decodeCursor, plateFilter } from './listing.ts';
import type { Direction, Journey, JourneyState, LaneClass } from './model.ts';
import { actorName, bookingPolicy } from './policies.ts';
import type { GateSettings } from './settings.ts';
import { journeys } from './store/journeys.ts';
import { estimateWaits, orderYard, type QueuePosition } from './yard.ts';
import { stageDwells, type StageDwell } from './dwell.ts';
import { ourSlotCapacity } from './slots.ts';

/** What the gate operations page shows. */
export interface GateOverview {
  at: Date;
  lanes: Array<{ direction: Direction; laneClass: LaneClass; lanes: number; trucksPerHourPerLane: number; trucksPerSlot: number }>;
  yard: { queue: QueuePosition[]; calledForward: number; capacity: number; occupancy: number; atOuterGate: number };
  dwell: StageDwell[];
  held: Journey[];
}

/** A journey list query as the route received it (times and plate still as text). */
export interface JourneyListRequest {
  states?: JourneyState[];
  direction?: Direction;
  plate?: string;
  since?: string;
  cursor?: string;
  limit: number;
}

/** Journeys: officer and guard actions, the yard queue, call-forward, fees and clearance times. */
export class JourneyService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly settings: GateSettings,
    /** Told of every journey an action changes (the in-memory plate index). */
    private readonly onJourney: (j: Journey) => void = () => undefined,
  ) {}

  /** One journey the actor may see. */
  async get(ctx: RequestContext, id: string): Promise<Journey> {
    const j = await journeys.byId(this.db, id);
    if (!j || (ctx.actor && ctx.actor.kind !== 'system' && !bookingPolicy.read(ctx.actor, j))) throw gateError('GATE_JOURNEY_NOT_FOUND', `No journey ${id}`);
    return j;
  }

  /** Journeys matching the query, newest slot first; one more than `limit` so the caller knows a next page exists. */
  async list(q: JourneyListRequest): Promise<Journey[]> {
    return journeys.list(this.db, {
      states: q.states, direction: q.direction, plate: plateFilter(q.plate), since: q.since === undefined ? undefined : new Date(q.since),
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
    }, q.limit + 1);
  }

  /** Gives one command to a journey (guard's border check, officer's override, …). */
  async act(ctx: RequestContext, id: string, cmd: JourneyCommand): Promise<Journey> {
    const next = await this.uow.run(ctx, async (w) => {
      const j = await journeys.byId(w.tx, id, true);
      if (!j) throw gateError('GATE_JOURNEY_NOT_FOUND', `No journey ${id}`);
      return applyJourney(w, j, cmd, actorName(ctx.actor));
    });
    this.onJourney(next);
    return next;
  }

  /** The yard in call-forward order, with each truck's estimated wait. */
  async yard(): Promise<{ queue: QueuePosition[]; calledForward: number; capacity: number }> {
    const [waiting, calledForward] = await Promise.all([
      journeys.inStates(this.db, ['in_yard'], this.settings.gate),
      journeys.countInStates(this.db, ['called_forward'], this.settings.gate),
    ]);
    const queued = waiting.map((j) => ({ journeyId: j.id, plate: j.plate, laneClass: j.laneClass, slotStart: j.slotStart, enteredYardAt: j.stages.find((s) => s.stage === 'in_yard')?.at ?? j.slotStart }));
    const queue = estimateWaits(orderYard(queued, this.settings.perishableQuota), { trucksPerHour: this.settings.serviceTrucksPerHour, alreadyCalled: calledForward });
    return { queue, calledForward, capacity: this.settings.yardCapacity };
  }

  /** Calls the next trucks forward while the weighbridge stage has room; returns those called. */
  async callForward(ctx: RequestContext, max: number): Promise<Journey[]> {
    const { queue, calledForward } = await this.yard();
    const room = Math.max(0, Math.min(max, this.settings.calledForwardCapacity - calledForward));
    const called: Journey[] = [];
    for (const q of queue.slice(0, room)) {
      called.push(await this.act(ctx, q.journeyId, { kind: 'call_forward' }));
    }
    return called;
  }

  /** Marks the infrastructure fee paid. */
  async pay(ctx: RequestContext, id: string): Promise<Journey> {
    return this.uow.run(ctx, async (w) => {
      const j = await journeys.byId(w.tx, id, true);
      if (!j) throw gateError('GATE_JOURNEY_NOT_FOUND', `No journey ${id}`);
      const fee = j.fee ?? { ...feeFor(this.settings.fees, j.vehicleClass), receipt: receiptNumber(j.gate, w.now, await journeys.nextReceipt(w.tx)), paid: false };
      const next = { ...j, fee: { ...fee, paid: true } };
      await journeys.update(w.tx, next, w.now);
      w.emit({ type: 'gate.fee_paid', subject: j.id, data: { journeyId: j.id, plate: j.plate, ...fee, paid: true } });
      w.audit({ action: 'gate.fee_paid', targetType: 'journey', targetId: j.id, details: { receipt: fee.receipt, amount: fee.amount, currency: fee.currency } });
      return { ...next, version: j.version + 1 };
    });
  }

  /** Clearance time (arrival to exit) of the journeys that exited in a period, per direction. */
  async clearance(direction: Direction, from: Date, to: Date): Promise<{ count: number; p50Minutes: number | null; p90Minutes: number | null }> {
    const done = await journeys.inStates(this.db, ['exited', 'handed_to_agv'], this.settings.gate);
    const minutes = done
      .filter((j) => j.direction === direction)
      .map((j) => ({ a: j.stages.find((s) => s.stage === 'arrived')?.at, e: j.stages.find((s) => s.stage === 'exited' || s.stage === 'handed_to_agv')?.at }))
      .filter((x): x is { a: Date; e: Date } => !!x.a && !!x.e && x.e >= from && x.e < to)
      .map((x) => (x.e.getTime() - x.a.getTime()) / 60_000)
      .sort((a, b) => a - b);
    const q = (p: number) => (minutes.length ? Math.round(minutes[Math.min(minutes.length - 1, Math.floor(p * minutes.length))]! * 10) / 10 : null);
    return { count: minutes.length, p50Minutes: q(0.5), p90Minutes: q(0.9) };
  }

  /** The gate page's picture: lanes, yard occupancy, per-stage dwell times (last 24 h) and the trucks held by exceptions. */
  async overview(): Promise<GateOverview> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - 24 * 3_600_000);
    const [yard, recent, held, arrived] = await Promise.all([
      this.yard(), journeys.changedSince(this.db, this.settings.gate, since), journeys.withOpenExceptions(this.db, this.settings.gate),
      journeys.countInStates(this.db, ['arrived'], this.settings.gate),
    ]);
    const lanes = Object.entries(this.settings.lanes).map(([key, l]) => {
      const [direction, laneClass] = key.split('/') as [Direction, LaneClass];
      return { direction, laneClass, lanes: l!.lanes, trucksPerHourPerLane: l!.trucksPerHourPerLane, trucksPerSlot: ourSlotCapacity(l) };
    });
    return {
      at: now, lanes, yard: { ...yard, occupancy: yard.queue.length + yard.calledForward, atOuterGate: arrived },
      dwell: stageDwells(recent, now, since), held,
    };
  }

  /** A driver's view of one booking's journey: its state, stage times and estimated wait. No personal data. */
  async driverStatus(bookingId: string): Promise<{ journey: Journey; position: number | null; estimatedWaitMinutes: number | null } | null> {
    const j = await journeys.byBooking(this.db, bookingId);
    if (!j) return null;
    if (j.state !== 'in_yard') return { journey: j, position: null, estimatedWaitMinutes: j.state === 'called_forward' ? 0 : null };
    const q = (await this.yard()).queue.find((p) => p.journeyId === j.id);
    return { journey: j, position: q?.position ?? null, estimatedWaitMinutes: q?.estimatedWaitMinutes ?? null };
  }

  /** Now, from the injected clock (for presenters). */
  now(): Date {
    return this.clock.now();
  }
}
