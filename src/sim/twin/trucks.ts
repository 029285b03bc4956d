/**
 * The trucks of the twin against a platform (platform mode and the live twin): the queue model's
 * route and timing, with every stage's outcome asked of the platform through the twin's actors.
 * A truck is a state machine like the queue mode's; where it must await the platform it
 * schedules an async step (`Simulation.runAsync`/`stepAsync` await it before the next event), so
 * a run stays sequential — and, on a virtual clock, deterministic.
 */
import { samplerOf, type Process, type RandomStream, type Resource, type Sampler, type Simulation } from '../engine/index.ts';
import type { TruckTrip } from '../queue/arrivals.ts';
import { partnerLinkDown } from '../queue/capacity.ts';
import type { Site } from '../queue/site.ts';
import type { Scenario } from '../scenario/index.ts';
import type { GateActors } from './actors.ts';
import type { TwinTruck } from './cargo.ts';

/** What the twin counts as the day goes (stage times come from the gate's journeys). */
export interface PlatformTruckMeasures {
  arrived: number;
  manualFallbacks: number;
  declarationsRefused: number;
  bookingsRefused: number;
  notCalledForward: number;
  /** Trucks (by position in the demand) that reached the gate. */
  arrivedTrucks: Set<number>;
}

/**
 * Wraps a step that talks to the platform. Platform mode sets the virtual clock, runs it and,
 * when `drain` is set (a release the gate must see before the truck goes on), delivers the
 * events; the live twin just runs it and logs a failure.
 */
export type PlatformStep = (fn: () => Promise<void>, drain: boolean) => () => Promise<void>;

interface Timing { resource: Resource; sample: Sampler; rng: RandomStream }

interface Model {
  sim: Simulation;
  site: Site;
  m: PlatformTruckMeasures;
  actors: GateActors;
  step: PlatformStep;
  t: Record<'gateInImport' | 'gateInExport' | 'weighbridge' | 'manualFallback' | 'documentCheck' | 'scan' | 'physicalInspection' | 'gateOutImport' | 'gateOutExport' | 'agvTrip', Timing>;
  linkDown: (minute: number) => boolean;
  inspection: Scenario['inspection'];
  routing: RandomStream;
  /** Trucks in the yard by journey id: the gate's call-forward names the next one. */
  yard: Map<string, PlatformTruck>;
}

const enum Phase { Arriving, AwaitYard, AwaitEntry, AwaitOfficer, AwaitScanner, AwaitInspector, AwaitExit, Done }

class PlatformTruck implements Process {
  phase = Phase.Arriving;
  scan = false;
  physical = false;

  constructor(readonly model: Model, readonly trip: TruckTrip, readonly twin: TwinTruck, readonly entryPrio: number, readonly prio: number) {}

  /** Holds `res` for a sampled time, then runs `then` (an async platform step). */
  #serve(x: Timing, then: () => Promise<void>, drain = false): void {
    const { sim, step } = this.model;
    sim.after(x.sample(x.rng), step(async () => {
      x.resource.release();
      await then();
    }, drain));
  }

  resume(): void {
    const { sim, site, m, step, t } = this.model;
    const tw = this.twin;
    const imp = tw.direction === 'import';
    switch (this.phase) {
      case Phase.Arriving:
        if (!tw.journeyId) return; // never declared or booked: the gate does not expect it
        m.arrived++;
        m.arrivedTrucks.add(tw.n);
        this.phase = Phase.AwaitYard;
        sim.after(0, step(async () => {
          await this.model.actors.arrive(tw);
          site.yard.request(this.entryPrio, this);
        }, false));
        return;
      case Phase.AwaitYard:
        this.phase = Phase.AwaitEntry;
        (imp ? t.gateInImport : t.gateInExport).resource.request(this.entryPrio, this);
        return;
      case Phase.AwaitEntry:
        this.#serve(imp ? t.gateInImport : t.gateInExport, async () => {
          if (!(await this.model.actors.enterYard(tw))) {
            site.yard.release();
            this.phase = Phase.Done;
            return;
          }
          this.model.yard.set(tw.journeyId!, this);
          site.weighbridges.request(this.prio, callForward(this.model, this.prio));
        });
        return;
      case Phase.AwaitOfficer:
        // documentary check (and, before it, the manual re-keying while the partner link is down)
        this.#serve(t.documentCheck, async () => {
          await this.model.actors.checkDocuments(tw);
          if (tw.channel === 'red') {
            await this.model.actors.scheduleInspection(tw, this.scan ? 'scanner' : 'physical');
            this.#inspect();
          } else this.#toExit();
        }, tw.channel === 'yellow');
        return;
      case Phase.AwaitScanner:
        this.#serve(t.scan, async () => {
          this.scan = false;
          this.#inspect();
        });
        return;
      case Phase.AwaitInspector:
        this.#serve(t.physicalInspection, async () => {
          this.physical = false;
          this.#inspect();
        });
        return;
      case Phase.AwaitExit: {
        site.yard.release(); // called to the exit
        const x = tw.direction === 'export' && this.trip.agv ? t.agvTrip : imp ? t.gateOutImport : t.gateOutExport;
        sim.after(0, step(async () => {
          await this.model.actors.borderCheck(tw);
          this.#serve(x, async () => {
            await this.model.actors.exit(tw);
            this.phase = Phase.Done;
          });
        }, false));
        return;
      }
    }
  }

  /** Called forward by the gate and given a weighbridge unit. */
  weigh(): void {
    const { t, step, sim } = this.model;
    sim.after(t.weighbridge.sample(t.weighbridge.rng), step(async () => {
      await this.model.actors.weigh(this.twin);
      t.weighbridge.resource.release();
      this.#afterWeighing();
    }, false));
  }

  #afterWeighing(): void {
    const { m, t, linkDown, sim, inspection, routing, step } = this.model;
    const tw = this.twin;
    const ch = tw.channel ?? 'yellow';
    // The scenario's inspection rates for the channel the platform gave; red is always inspected.
    const u1 = routing.next(), u2 = routing.next();
    this.scan = ch === 'red' && u1 < inspection.red.scan;
    this.physical = ch === 'red' && (u2 < inspection.red.physical || !this.scan);
    if (tw.direction === 'import' && linkDown(sim.now)) {
      m.manualFallbacks++;
      const fb = t.manualFallback;
      fb.resource.request(this.prio, () => sim.after(fb.sample(fb.rng), step(async () => {
        fb.resource.release();
        this.#afterFallback();
      }, false)));
      return;
    }
    this.#afterFallback();
  }

  #afterFallback(): void {
    if (this.twin.channel === 'green') return this.#toExit();
    this.phase = Phase.AwaitOfficer;
    this.model.t.documentCheck.resource.request(this.prio, this);
  }

  #inspect(): void {
    const { t, step, sim } = this.model;
    if (this.scan) {
      this.phase = Phase.AwaitScanner;
      t.scan.resource.request(this.prio, this);
    } else if (this.physical) {
      this.phase = Phase.AwaitInspector;
      t.physicalInspection.resource.request(this.prio, this);
    } else {
      sim.after(0, step(async () => {
        await this.model.actors.inspectedAndRelease(this.twin);
        this.#toExit();
      }, true));
    }
  }

  #toExit(): void {
    const { t } = this.model;
    const tw = this.twin;
    this.phase = Phase.AwaitExit;
    const x = tw.direction === 'export' && this.trip.agv ? t.agvTrip : tw.direction === 'import' ? t.gateOutImport : t.gateOutExport;
    x.resource.request(this.prio, this);
  }
}

/**
 * A weighbridge unit on its way to the yard: the gate operator calls forward and the gate's yard
 * order (earliest slot, perishable quota) picks the truck, which may not be the one that asked.
 */
function callForward(model: Model, prio: number): Process {
  return {
    resume() {
      model.sim.after(0, model.step(async () => {
        const [id] = await model.actors.callForward();
        const truck = id ? model.yard.get(id) : undefined;
        if (!truck) {
          // Nobody the gate would call: give the unit back and ask again a minute later.
          model.m.notCalledForward++;
          model.t.weighbridge.resource.release();
          model.sim.after(1, () => model.t.weighbridge.resource.request(prio, callForward(model, prio)));
          return;
        }
        model.yard.delete(id!);
        truck.weigh();
      }, false));
    },
  };
}

/** How a day of trucks is driven against a platform. */
export interface TwinDay {
  sim: Simulation;
  s: Scenario;
  site: Site;
  trips: TruckTrip[];
  trucks: TwinTruck[];
  actors: GateActors;
  step: PlatformStep;
  /** The platform time of a simulated minute (virtual in platform mode, scaled wall time live). */
  timeOf: (minute: number) => Date;
  /** Minutes before its arrival a truck is declared and booked (pre-arrival declaration). */
  leadMinutes: number;
}

/** Schedules the day: each truck is declared and booked ahead of its arrival, then comes. */
export function startPlatformTrucks(x: TwinDay): PlatformTruckMeasures {
  const { sim, s, site, trips, trucks, actors, step, timeOf, leadMinutes } = x;
  const m: PlatformTruckMeasures = { arrived: 0, manualFallbacks: 0, declarationsRefused: 0, bookingsRefused: 0, notCalledForward: 0, arrivedTrucks: new Set() };
  const timing = (resource: Resource, k: keyof Scenario['service']): Timing => ({ resource, sample: samplerOf(s.service[k]), rng: sim.random.stream(`service.${k}`) });
  const model: Model = {
    sim, site, m, actors, step, linkDown: partnerLinkDown(s), inspection: s.inspection, routing: sim.random.stream('platform.inspection'), yard: new Map(),
    t: {
      gateInImport: timing(site.entry.import, 'gateIn'), gateInExport: timing(site.entry.export, 'gateIn'), weighbridge: timing(site.weighbridges, 'weighbridge'),
      manualFallback: timing(site.officers, 'manualFallback'), documentCheck: timing(site.officers, 'documentCheck'), scan: timing(site.scanners, 'scan'),
      physicalInspection: timing(site.officers, 'physicalInspection'), gateOutImport: timing(site.exit.import, 'gateOut'), gateOutExport: timing(site.exit.export, 'gateOut'),
      agvTrip: timing(site.agvs, 'agvTrip'),
    },
  };
  trips.forEach((trip, n) => {
    const f = s.trucks.flows[trip.flow]!;
    const tw = trucks[n]!;
    const onSlot = trip.booking === 'onTime' || trip.booking === 'early';
    const declareAt = Math.max(0, trip.callForward - leadMinutes);
    sim.at(declareAt, step(async () => {
      try {
        await actors.declare(tw, timeOf(trip.callForward));
      } catch {
        m.declarationsRefused++;
        return;
      }
      if (!(await actors.book(tw, timeOf(trip.callForward)))) {
        m.bookingsRefused++;
        tw.journeyId = undefined;
      }
      // No delivery round here: the gate reads a green release when the truck is booked, and
      // the other consumers' work (ledger, risk) does not decide anything the model waits for.
    }, false));
    if (trip.booking === 'noShow') return;
    sim.at(trip.callForward, new PlatformTruck(model, trip, tw, (f.priority ? 0 : 2) + (onSlot ? 0 : 1), f.priority ? 0 : 1));
  });
  return m;
}
