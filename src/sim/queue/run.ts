import { round2, Simulation, Tally, type Summary } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { truckDemand, type TruckTrip } from './arrivals.ts';
import { startPeople } from './people.ts';
import { buildSite, siteResources, type Site } from './site.ts';
import { startTrucks } from './trucks.ts';

/** The KPIs of one simulated day in queue mode. Same scenario and seed → same JSON, byte for byte. */
export interface QueueDayResult {
  scenario: string;
  seed: number;
  mode: 'queue';
  policy: Scenario['policy'];
  date: string;
  horizonHours: number;
  events: number;
  vehicles: { demand: number; noShows: number; arrived: number; released: number; served: number; inSystemAtEnd: number; manualFallbacks: number };
  booking: Record<'unbooked' | 'onTime' | 'early' | 'late' | 'noShow', number>;
  people: { arrived: number; served: number; referred: number; inSystemAtEnd: number };
  /** Minutes from plate read at the outer gate to customs release, per "direction/goodsClass" and "all". */
  clearanceMinutes: Record<string, Summary>;
  /** Minutes from arrival at the gate area to the exit barrier (or AGV handover). */
  truckCrossingMinutes: Record<string, Summary>;
  /** Minutes from arrival to through the gate, per direction ("entry", "exit") and lane ("egate", "manual"). */
  peopleCrossingMinutes: Record<string, Summary>;
  /** Longest and time-averaged waiting line per resource. */
  queues: Record<string, { max: number; mean: number }>;
  yard: { places: number; maxOccupied: number };
  /** Busy unit-time over available unit-time per resource. */
  utilisation: Record<string, number>;
}

/** Runs one day of a validated scenario through the bare queueing model. */
export function runQueueDay(s: Scenario, seed: number): QueueDayResult {
  return simulateQueueDay(s, seed).result;
}

/** Trucks per hour of one run (index = hour of the run from midnight), per direction. */
export interface HourlyTrucks {
  arrived: Record<'import' | 'export', number[]>;
  exited: Record<'import' | 'export', number[]>;
}

/** How the day's trips kept their bookings, and each resource's queue and utilisation: what both modes report alike. */
export function siteFigures(trips: readonly TruckTrip[], site: Site): Pick<QueueDayResult, 'booking' | 'queues' | 'utilisation'> {
  const booking = { unbooked: 0, onTime: 0, early: 0, late: 0, noShow: 0 };
  for (const t of trips) booking[t.booking]++;
  const queues: QueueDayResult['queues'] = {};
  const utilisation: QueueDayResult['utilisation'] = {};
  for (const r of siteResources(site)) {
    const st = r.stats();
    queues[r.name] = { max: st.maxQueue, mean: round2(st.meanQueue) };
    utilisation[r.name] = Math.round(st.utilisation * 1000) / 1000;
  }
  return { booking, queues, utilisation };
}

/** One queue-mode day with its hourly truck counts, which the KPI report leaves out. */
export function simulateQueueDay(s: Scenario, seed: number): { result: QueueDayResult; hourly: HourlyTrucks } {
  const horizon = s.horizonHours * 60;
  const sim = new Simulation(seed, `${s.date}T00:00:00+07:00`);
  const site = buildSite(sim, s, horizon);
  const trips = truckDemand(s, sim.random);
  const trucks = startTrucks(sim, s, site, trips);
  const people = startPeople(sim, s, site);
  sim.run(horizon);

  const { booking, queues, utilisation } = siteFigures(trips, site);
  const split = (a: Int32Array) => ({ import: Array.from(a.subarray(0, a.length / 2)), export: Array.from(a.subarray(a.length / 2)) });
  const hourly = { arrived: split(trucks.arrivedByHour), exited: split(trucks.exitedByHour) };
  const result: QueueDayResult = {
    scenario: s.name, seed, mode: 'queue', policy: s.policy, date: s.date, horizonHours: s.horizonHours, events: sim.eventsExecuted,
    vehicles: {
      demand: trips.length, noShows: booking.noShow, arrived: trucks.arrived, released: trucks.released, served: trucks.served,
      inSystemAtEnd: trucks.arrived - trucks.served, manualFallbacks: trucks.manualFallbacks,
    },
    booking,
    people: { arrived: people.arrived, served: people.served, referred: people.referred, inSystemAtEnd: people.arrived - people.served },
    clearanceMinutes: summaries(trucks.clearance),
    truckCrossingMinutes: summaries(trucks.crossing),
    peopleCrossingMinutes: summaries(people.crossing, false),
    queues,
    yard: { places: s.site.yardPlaces, maxOccupied: site.yard.stats().maxInUse },
    utilisation,
  };
  return { result, hourly };
}

function summaries(map: Map<string, Tally>, withAll = true): Record<string, Summary> {
  const out: Record<string, Summary> = {};
  const keys = [...map.keys()].sort();
  if (withAll) out.all = Tally.of(keys.flatMap((k) => map.get(k)!.values())).summary();
  for (const k of keys) out[k] = map.get(k)!.summary();
  return out;
}
