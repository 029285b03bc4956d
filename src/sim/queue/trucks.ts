import { samplerOf, Tally, type Process, type RandomStream, type Resource, type Sampler, type Simulation } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { TruckTrip } from './arrivals.ts';
import { partnerLinkDown } from './capacity.ts';
import type { Site } from './site.ts';

/** What the truck process measures. */
export interface TruckMeasures {
  /** Clearance (plate read at the outer gate → release), per "direction/goodsClass". */
  clearance: Map<string, Tally>;
  /** Crossing (arrival at the gate area → exit barrier or AGV handover), per "direction/goodsClass". */
  crossing: Map<string, Tally>;
  arrived: number;
  served: number;
  released: number;
  manualFallbacks: number;
  /** Trucks reaching the gate area per hour of the run, imports at [h], exports at [hours + h]. */
  arrivedByHour: Int32Array;
  /** Trucks through the exit barrier or handed to an AGV per hour, laid out as `arrivedByHour`. */
  exitedByHour: Int32Array;
}

/** One service stage: a resource, its service-time distribution and that stage's random stream. */
interface Step {
  resource: Resource;
  sample: Sampler;
  rng: RandomStream;
}

type StageName = keyof Scenario['service'];

/** Where a truck is between two engine calls. */
const enum Phase { Arriving, AwaitYard, AwaitUnit, InService }

/**
 * A truck as a state machine. Its route is a list of steps: entry lane (plate read, documents) →
 * weighbridge → manual fallback (import while the partner link is down) → document check (yellow,
 * red) → scanner → physical inspection → [release] → exit lane or AGV corridor. It takes a yard
 * place before the entry lane and gives it back when the exit lane or an AGV is granted.
 */
class Truck implements Process {
  phase = Phase.Arriving;
  step = 0;
  gateIn = 0;
  route: Step[] = [];

  constructor(
    readonly model: TruckModel,
    readonly trip: TruckTrip,
    readonly key: string,
    /** Offset of this truck's direction in the hourly counters (0 import, hours export). */
    readonly hourBase: number,
    readonly entryPrio: number,
    readonly prio: number,
    readonly plan: (t: Truck) => Step[],
  ) {}

  resume(): void {
    const { sim, site, m } = this.model;
    switch (this.phase) {
      case Phase.Arriving:
        m.arrived++;
        m.arrivedByHour[this.hourBase + Math.floor(sim.now / 60)]!++;
        this.phase = Phase.AwaitYard;
        site.yard.request(this.entryPrio, this);
        return;
      case Phase.AwaitYard:
        this.route = this.plan(this);
        this.#request();
        return;
      case Phase.AwaitUnit: {
        const s = this.route[this.step]!;
        if (this.step === 0) this.gateIn = sim.now;
        if (this.step === this.route.length - 1) site.yard.release(); // called to the exit
        this.phase = Phase.InService;
        sim.after(s.sample(s.rng), this);
        return;
      }
      case Phase.InService: {
        this.route[this.step]!.resource.release();
        this.step++;
        if (this.step === this.route.length - 1) {
          m.released++;
          this.model.tally(m.clearance, this.key, sim.now - this.gateIn);
        }
        if (this.step === this.route.length) {
          m.served++;
          m.exitedByHour[this.hourBase + Math.floor(sim.now / 60)]!++;
          this.model.tally(m.crossing, this.key, sim.now - this.trip.arrival);
          return;
        }
        this.#request();
      }
    }
  }

  #request(): void {
    this.phase = Phase.AwaitUnit;
    this.route[this.step]!.resource.request(this.step === 0 ? this.entryPrio : this.prio, this);
  }
}

/** Shared state of the truck model. */
interface TruckModel {
  sim: Simulation;
  site: Site;
  m: TruckMeasures;
  tally(map: Map<string, Tally>, key: string, x: number): void;
}

/** Schedules the day's trucks; returns the measures they fill in as the run goes. */
export function startTrucks(sim: Simulation, s: Scenario, site: Site, trips: TruckTrip[]): TruckMeasures {
  const hours = Math.ceil(s.horizonHours) + 1;
  const m: TruckMeasures = {
    clearance: new Map(), crossing: new Map(), arrived: 0, served: 0, released: 0, manualFallbacks: 0,
    arrivedByHour: new Int32Array(2 * hours), exitedByHour: new Int32Array(2 * hours),
  };
  const step = (resource: Resource, k: StageName): Step => ({ resource, sample: samplerOf(s.service[k]), rng: sim.random.stream(`service.${k}`) });
  const steps = {
    gateIn: { import: step(site.entry.import, 'gateIn'), export: step(site.entry.export, 'gateIn') },
    weighbridge: step(site.weighbridges, 'weighbridge'),
    manualFallback: step(site.officers, 'manualFallback'),
    documentCheck: step(site.officers, 'documentCheck'),
    scan: step(site.scanners, 'scan'),
    physicalInspection: step(site.officers, 'physicalInspection'),
    gateOut: { import: step(site.exit.import, 'gateOut'), export: step(site.exit.export, 'gateOut') },
    agvTrip: step(site.agvs, 'agvTrip'),
  };
  const linkDown = partnerLinkDown(s);
  const model: TruckModel = {
    sim, site, m,
    tally(map, key, x) {
      let t = map.get(key);
      if (!t) map.set(key, (t = new Tally()));
      t.add(x);
    },
  };
  const plan = (t: Truck): Step[] => {
    const f = s.trucks.flows[t.trip.flow]!;
    const dir = f.direction;
    const route: Step[] = [steps.gateIn[dir], steps.weighbridge];
    // Without the partner's advance export data the import declaration is re-keyed and checked by hand;
    // decided when the truck gets its yard place, just before the entry lane.
    if (dir === 'import' && linkDown(sim.now)) { m.manualFallbacks++; route.push(steps.manualFallback); }
    if (t.trip.channel !== 'green') route.push(steps.documentCheck);
    if (t.trip.scan) route.push(steps.scan);
    if (t.trip.physical) route.push(steps.physicalInspection);
    route.push(t.trip.agv ? steps.agvTrip : steps.gateOut[dir]);
    return route;
  };
  for (const trip of trips) {
    if (trip.booking === 'noShow') continue;
    const f = s.trucks.flows[trip.flow]!;
    const onSlot = trip.booking === 'onTime' || trip.booking === 'early';
    const truck = new Truck(model, trip, `${f.direction}/${f.goodsClass}`, f.direction === 'import' ? 0 : hours, (f.priority ? 0 : 2) + (onSlot ? 0 : 1), f.priority ? 0 : 1, plan);
    sim.at(trip.callForward, truck);
  }
  return m;
}
