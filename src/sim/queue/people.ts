import { samplerOf, Tally, type Process, type RandomStream, type Sampler, type Simulation } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { hourlyArrivals } from './arrivals.ts';
import type { Site } from './site.ts';

/** What the people process measures. */
export interface PeopleMeasures {
  /** Crossing time (arrival → through the gate), per direction and per lane ("egate", "manual"). */
  crossing: Map<string, Tally>;
  arrived: number;
  served: number;
  referred: number;
}

interface Timing { sample: Sampler; rng: RandomStream }

/** Shared state of one direction's travellers. */
interface PeopleFlow {
  sim: Simulation;
  site: Site;
  m: PeopleMeasures;
  egateShare: number;
  referralRate: number;
  routing: RandomStream;
  egate: Timing;
  manual: Timing;
  referral: Timing;
  byDirection: Tally;
  viaEgate: Tally;
  viaCounter: Tally;
}

const enum Stage { Arrive, AtEgate, EgateDone, AtCounter, CounterDone }

/**
 * A traveller: e-gate (document + face) when eligible and a lane is open, referred to a staffed
 * counter at the referral rate; everyone else queues for a counter. Referred travellers go ahead
 * of the counter queue (they have queued once already).
 */
class Traveller implements Process {
  stage = Stage.Arrive;
  arrival = 0;
  referred = false;
  usedEgate = false;

  constructor(readonly f: PeopleFlow) {}

  resume(): void {
    const f = this.f, sim = f.sim;
    switch (this.stage) {
      case Stage.Arrive: {
        this.arrival = sim.now;
        f.m.arrived++;
        const wantsEgate = f.routing.next() < f.egateShare;
        this.referred = f.routing.next() < f.referralRate;
        if (wantsEgate && f.site.egates.capacity > 0) {
          this.usedEgate = true;
          this.stage = Stage.AtEgate;
          f.site.egates.request(0, this);
        } else {
          this.referred = false;
          this.stage = Stage.AtCounter;
          f.site.guards.request(1, this);
        }
        return;
      }
      case Stage.AtEgate:
        this.stage = Stage.EgateDone;
        sim.after(f.egate.sample(f.egate.rng), this);
        return;
      case Stage.EgateDone:
        f.site.egates.release();
        if (!this.referred) return this.#done();
        f.m.referred++;
        this.stage = Stage.AtCounter;
        f.site.guards.request(0, this);
        return;
      case Stage.AtCounter: {
        const t = this.referred ? f.referral : f.manual;
        this.stage = Stage.CounterDone;
        sim.after(t.sample(t.rng), this);
        return;
      }
      case Stage.CounterDone:
        f.site.guards.release();
        this.#done();
    }
  }

  #done(): void {
    const f = this.f;
    const x = f.sim.now - this.arrival;
    f.m.served++;
    f.byDirection.add(x);
    (this.usedEgate ? f.viaEgate : f.viaCounter).add(x);
  }
}

/** Starts the travellers of every people flow; arrivals are scheduled one at a time to keep the calendar small. */
export function startPeople(sim: Simulation, s: Scenario, site: Site): PeopleMeasures {
  const m: PeopleMeasures = { crossing: new Map(), arrived: 0, served: 0, referred: 0 };
  const timing = (k: 'egate' | 'manualPassport' | 'referral'): Timing => ({ sample: samplerOf(s.service[k]), rng: sim.random.stream(`service.${k}`) });
  const egate = timing('egate'), manual = timing('manualPassport'), referral = timing('referral');
  const tally = (key: string): Tally => {
    let t = m.crossing.get(key);
    if (!t) m.crossing.set(key, (t = new Tally()));
    return t;
  };
  for (const pf of s.people.flows) {
    const flow: PeopleFlow = {
      sim, site, m, egateShare: pf.egateShare, referralRate: s.people.egateReferralRate,
      routing: sim.random.stream(`people.${pf.direction}.routing`), egate, manual, referral,
      byDirection: tally(pf.direction), viaEgate: tally('egate'), viaCounter: tally('manual'),
    };
    const times = hourlyArrivals(sim.random.stream(`people.${pf.direction}.arrivals`), pf.perDay, s.profiles[pf.profile]!);
    let i = 0;
    const next = (): void => {
      new Traveller(flow).resume();
      if (++i < times.length) sim.at(times[i]!, next);
    };
    if (times.length) sim.at(times[0]!, next);
  }
  return m;
}
