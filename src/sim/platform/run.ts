/**
 * Platform mode: the scenario's day through the real modules. The discrete-event model decides
 * when things happen (arrivals, lanes, weighbridges, officers, scanners); the platform decides
 * what happens (the risk engine's channel, plate matching with OCR noise, the yard's call-forward
 * order, barrier decisions, releases). KPIs come from the gate's own journey stage times.
 * People stay in the queue model (there is no people module yet).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../infra/clock/index.ts';
import { parseConfig } from '../../infra/config/index.ts';
import { openDatabase } from '../../infra/db/index.ts';
import { createIdGenerator, seededRandomBytes } from '../../infra/ids/index.ts';
import { createLogger } from '../../infra/log/index.ts';
import { seededRng } from '../../infra/random/index.ts';
import { buildPlatform, type Platform } from '../../platform.ts';
import { Simulation, Tally, type Summary } from '../engine/index.ts';
import { truckDemand } from '../queue/arrivals.ts';
import { startPeople } from '../queue/people.ts';
import { siteFigures, type QueueDayResult } from '../queue/run.ts';
import { buildSite, type Site } from '../queue/site.ts';
import type { Scenario } from '../scenario/index.ts';
import { GateActors } from '../twin/actors.ts';
import { drawTruck, type TwinTruck } from '../twin/cargo.ts';
import { injectTransport } from '../twin/transport.ts';
import { gateReads } from './device-reads.ts';
import { startPlatformTrucks, type PlatformTruckMeasures } from '../twin/trucks.ts';

/** The KPIs of a day in platform mode: the queue mode's report plus what the platform decided. */
export interface PlatformDayResult extends Omit<QueueDayResult, 'mode'> {
  mode: 'platform';
  platform: {
    note: string;
    /** Channels the platform's risk engine gave the declarations. */
    channels: Record<'green' | 'yellow' | 'red', number>;
    declarationsRefused: number;
    bookingsRefused: number;
    /** Plate reads the gate referred to an officer (ambiguous or unmatched), then keyed in. */
    referredReads: number;
    heldAtEntry: number;
    heldAtExit: number;
    /** Trucks outside their slot's entry window that an officer admitted. */
    admittedOutsideSlot: number;
    /** Barrier holds that stood, by "entry|exit: reason code". */
    holds: Record<string, number>;
    notCalledForward: number;
    /** HTTP requests and device reads the twin sent through `inject`, and how many got a 4xx/5xx. */
    requests: number;
    rejected: number;
    /** Refused requests by step and problem code. */
    refusals: Record<string, number>;
    /** The gate's clearance query (arrival → exit) per direction for the day. */
    gateClearance: Record<'inbound' | 'outbound', { count: number; p50Minutes: number | null; p90Minutes: number | null } | null>;
  };
}

/** Minutes before its arrival a truck is declared and booked in platform mode. */
export const DECLARE_LEAD_MINUTES = 90;

const PEOPLE_NOTE = 'People crossings come from the queue model: there is no people module yet.';


/** Runs one day of a scenario through the real platform on an in-memory PGlite database. */
export async function runPlatformDay(s: Scenario, seed: number): Promise<PlatformDayResult> {
  const horizon = s.horizonHours * 60;
  const epoch = new Date(`${s.date}T00:00:00+07:00`);
  const clock = new ManualClock(epoch);
  const sim = new Simulation(seed, epoch);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bf-twin-'));
  let platform: Platform | null = null;
  try {
    const config = parseConfig({
      DATA_DIR: dataDir, DEMO: '1', DEMO_TWIN: '0', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', MQTT_PORT: '0', DATABASE_URL: '', MQTT_URL: '', NATS_URL: '',
    });
    const database = await openDatabase({ memory: true });
    platform = await buildPlatform(config, { clock, ids: createIdGenerator(clock, seededRandomBytes(seed)), log: createLogger('silent'), database });
    // The twin delivers events itself, in virtual time: a background round would stamp a
    // consumer's work with whatever the clock says when it happens to run.
    await platform.bus.stop();
    tuneGate(platform, s);
    const p = platform;
    const actors = new GateActors(injectTransport(p.http, gateReads(p)), seededRng(seed ^ 0x7a1e), () => clock.now());
    const step = (fn: () => Promise<void>, drain: boolean) => async () => {
      clock.set(epoch.getTime() + sim.now * 60_000);
      await fn();
      if (drain) await p.bus.drain();
    };
    clock.set(epoch);
    await actors.setup({ from: epoch, to: new Date(epoch.getTime() + horizon * 60_000) });

    const site = buildSite(sim, s, horizon);
    const trips = truckDemand(s, sim.random);
    const cargo = seededRng(seed ^ 0xca460);
    const plates = new Set<string>();
    const trucks: TwinTruck[] = trips.map((trip, n) => {
      const f = s.trucks.flows[trip.flow]!;
      return drawTruck(cargo, n, f.direction, f.goodsClass, f.priority ?? false, plates, `${s.name}-${seed}`);
    });
    const timeOf = (minute: number) => new Date(epoch.getTime() + minute * 60_000);
    const m = startPlatformTrucks({ sim, s, site, trips, trucks, actors, step, timeOf, leadMinutes: DECLARE_LEAD_MINUTES });
    const people = startPeople(sim, s, site);
    await sim.runAsync(horizon);
    clock.set(epoch.getTime() + horizon * 60_000);
    await p.bus.drain();
    return await report(s, seed, sim, site, trips, trucks, m, people, actors, epoch, horizon);
  } finally {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The gate's live settings sized to the scenario's site, so that the scenario, not the demo defaults, limits the day. */
function tuneGate(p: Platform, s: Scenario): void {
  const g = p.gate.settings;
  g.maxActiveBookingsPerEnterprise = 1_000_000;
  g.yardCapacity = s.site.yardPlaces;
  g.calledForwardCapacity = Math.max(1, s.site.weighbridges);
  // Slots are booked for the hour the truck comes; the model, not the slot, decides when it is let in.
  for (const lane of Object.values(g.lanes)) if (lane) lane.trucksPerHourPerLane = Math.max(lane.trucksPerHourPerLane, 1_000);
}


async function report(
  s: Scenario, seed: number, sim: Simulation, site: Site, trips: ReturnType<typeof truckDemand>, trucks: TwinTruck[], m: PlatformTruckMeasures,
  people: ReturnType<typeof startPeople>, actors: GateActors, epoch: Date, horizon: number,
): Promise<PlatformDayResult> {
  const clearance = new Map<string, Tally>(), crossing = new Map<string, Tally>();
  const add = (map: Map<string, Tally>, key: string, x: number) => {
    let t = map.get(key);
    if (!t) map.set(key, (t = new Tally()));
    t.add(x);
  };
  let released = 0, served = 0;
  const channels = { green: 0, yellow: 0, red: 0 };
  for (const t of trucks) {
    if (t.channel) channels[t.channel]++;
    if (!t.journeyId || !m.arrivedTrucks.has(t.n)) continue;
    const j = await actors.journey(t.journeyId);
    if (!j) continue;
    const at = (stage: string) => {
      const st = j.stages.find((x) => x.stage === stage);
      return st ? (Date.parse(st.at) - epoch.getTime()) / 60_000 : null;
    };
    const key = `${t.direction}/${t.goodsClass}`;
    const arrived = at('arrived'), rel = at('released'), out = at('exited') ?? at('handed_to_agv');
    if (arrived !== null && rel !== null) { released++; add(clearance, key, rel - arrived); }
    if (arrived !== null && out !== null) { served++; add(crossing, key, out - arrived); }
  }
  const { booking, queues, utilisation } = siteFigures(trips, site);
  const end = new Date(epoch.getTime() + horizon * 60_000);
  const tl = actors.tally;
  return {
    scenario: s.name, seed, mode: 'platform', policy: s.policy, date: s.date, horizonHours: s.horizonHours, events: sim.eventsExecuted,
    vehicles: {
      demand: trips.length, noShows: booking.noShow, arrived: m.arrived, released, served,
      inSystemAtEnd: m.arrived - served, manualFallbacks: m.manualFallbacks,
    },
    booking,
    people: { arrived: people.arrived, served: people.served, referred: people.referred, inSystemAtEnd: people.arrived - people.served },
    clearanceMinutes: summaries(clearance),
    truckCrossingMinutes: summaries(crossing),
    peopleCrossingMinutes: summaries(people.crossing, false),
    queues,
    yard: { places: s.site.yardPlaces, maxOccupied: site.yard.stats().maxInUse },
    utilisation,
    platform: {
      note: PEOPLE_NOTE, channels, declarationsRefused: m.declarationsRefused, bookingsRefused: m.bookingsRefused,
      referredReads: tl.referredReads, heldAtEntry: tl.heldAtEntry, heldAtExit: tl.heldAtExit, admittedOutsideSlot: tl.admittedOutsideSlot, holds: Object.fromEntries(Object.entries(tl.holds).sort()), notCalledForward: m.notCalledForward,
      requests: tl.requests, rejected: tl.rejected, refusals: Object.fromEntries(Object.entries(tl.refusals).sort()),
      gateClearance: { inbound: await actors.clearance('inbound', epoch, end), outbound: await actors.clearance('outbound', epoch, end) },
    },
  };
}

function summaries(map: Map<string, Tally>, withAll = true): Record<string, Summary> {
  const out: Record<string, Summary> = {};
  const keys = [...map.keys()].sort();
  if (withAll) out.all = Tally.of(keys.flatMap((k) => map.get(k)!.values())).summary();
  for (const k of keys) out[k] = map.get(k)!.summary();
  return out;
}
