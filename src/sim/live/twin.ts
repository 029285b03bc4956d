/**
 * The live twin (`DEMO=1`, `DEMO_TWIN=1`, what `npm start` runs): the twin's trucks against the
 * running platform in scaled real time, through its public interfaces only — REST calls as the
 * declarants, the officer (a supervisor), the border guard and the gate operator; plate cameras
 * and the weighbridge over MQTT as registered devices; barriers over HTTP (they need the
 * decision). The same trucks, actors and stage logic as platform mode; only the transport and
 * the clock differ. People are not simulated live (there is no people module yet).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, type MqttClient } from 'mqtt';
import { systemClock, type Clock } from '../../infra/clock/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import { deviceTopic } from '../../infra/mqtt/topics.ts';
import { seededRng } from '../../infra/random/index.ts';
import { Simulation } from '../engine/index.ts';
import { truckDemand } from '../queue/arrivals.ts';
import { buildSite } from '../queue/site.ts';
import { loadScenario, minutesOf, type Scenario } from '../scenario/index.ts';
import { GateActors, type DeviceSecrets } from '../twin/actors.ts';
import { drawTruck } from '../twin/cargo.ts';
import { httpTransport, type DevicePublisher, type TwinDevice } from '../twin/transport.ts';
import { startPlatformTrucks, type PlatformStep } from '../twin/trucks.ts';

/** Where and how fast the live twin runs. */
export interface LiveTwinOptions {
  /** The platform's base URL (`http://127.0.0.1:8080`). */
  baseUrl: string;
  /** The MQTT broker devices publish to; null sends camera and weighbridge reads over HTTP too. */
  mqttUrl: string | null;
  siteId: string;
  /** Simulated minutes per real minute. */
  speed: number;
  /** Keeps the twin's device secrets between starts (`DATA_DIR/twin/devices.json`). */
  dataDir: string;
  log: Logger;
  /** Scenario name (default `mong-cai-normal`). */
  scenario?: string;
  /** Seed of the first day (default: from the clock, so every start has other trucks). */
  seed?: number;
  clock?: Clock;
}

/** A running live twin. */
export interface LiveTwin {
  /** Trucks the twin has sent to the gate so far. */
  readonly trucksArrived: number;
  /** Stops after the step in progress and disconnects its devices. Idempotent. */
  stop(): Promise<void>;
}

/** Minutes before its arrival a live truck is declared and booked: short, so that an enterprise stays under its active-booking limit. */
const LIVE_LEAD_MINUTES = 30;

/** Starts the live twin; it runs day after day (seed, seed + 1, …) until stopped. */
export function startLiveTwin(o: LiveTwinOptions): LiveTwin {
  const clock = o.clock ?? systemClock;
  const log = o.log.child({ part: 'twin' });
  const abort = new AbortController();
  const scenario = loadScenario(o.scenario ?? 'mong-cai-normal');
  const mqtt = new Map<string, MqttClient>();
  const publish: DevicePublisher = async (device, read) => {
    let client = mqtt.get(device.id);
    if (!client) {
      client = connect(o.mqttUrl!, { username: device.id, password: device.secret, clientId: `twin-${device.id}`, reconnectPeriod: 1000 });
      client.on('error', (err) => log.warn({ err, device: device.id }, 'twin device MQTT error'));
      mqtt.set(device.id, client);
    }
    await client.publishAsync(deviceTopic(o.siteId, device.kind, device.id, 'reads'), JSON.stringify(read), { qos: 1 });
  };
  const transport = httpTransport(o.baseUrl, o.mqttUrl ? publish : undefined);
  const state = { arrived: 0 };
  const done = run(o, scenario, transport, clock, log, abort.signal, state).catch((err: unknown) => {
    if (!abort.signal.aborted) log.error({ err }, 'the live twin stopped');
  });
  let stopping: Promise<void> | null = null;
  return {
    get trucksArrived() {
      return state.arrived;
    },
    stop: () =>
      (stopping ??= (async () => {
        abort.abort();
        await done;
        await Promise.all([...mqtt.values()].map((c) => c.endAsync().catch(() => undefined)));
        log.info('live twin stopped');
      })()),
  };
}

async function run(
  o: LiveTwinOptions, s: Scenario, transport: ReturnType<typeof httpTransport>, clock: Clock, log: Logger, signal: AbortSignal, state: { arrived: number },
): Promise<void> {
  const secrets = secretStore(path.join(o.dataDir, 'twin', 'devices.json'));
  const plates = new Set<string>();
  const horizon = s.horizonHours * 60;
  // Start just before the trucks' opening hour: a newcomer sees traffic within a minute.
  const from = Math.max(0, minutesOf(s.hours.trucks.open) - LIVE_LEAD_MINUTES);
  // Each start draws other trucks (other plates): a restart on the same data directory must not
  // book plates that journeys of the previous run still expect.
  const base = o.seed ?? Math.floor(clock.now().getTime() / 1000) % 1_000_000_000;
  const rng = seededRng(base);
  for (let day = 0; !signal.aborted; day++) {
    const seed = base + day;
    const sim = new Simulation(seed);
    const start = clock.now().getTime();
    const timeOf = (minute: number) => new Date(start + ((minute - from) * 60_000) / o.speed);
    const actors = new GateActors(transport, rng, () => clock.now());
    await actors.setup({ from: new Date(start - 3_600_000), to: new Date(timeOf(horizon).getTime() + 3_600_000) }, secrets);
    const site = buildSite(sim, s, horizon);
    const trips = truckDemand(s, sim.random);
    const cargo = seededRng(seed ^ 0xca460);
    const trucks = trips.map((trip, n) => {
      const f = s.trucks.flows[trip.flow]!;
      return drawTruck(cargo, n, f.direction, f.goodsClass, f.priority ?? false, plates, `live-${start}`);
    });
    const step: PlatformStep = (fn) => async () => {
      if (signal.aborted) return;
      try {
        await fn();
      } catch (err) {
        log.warn({ err }, 'twin step failed');
      }
    };
    const m = startPlatformTrucks({ sim, s, site, trips, trucks, actors, step, timeOf, leadMinutes: LIVE_LEAD_MINUTES });
    log.info({ scenario: s.name, seed, speed: o.speed, trucks: trips.length }, 'live twin: a new day starts');
    // Skip the night before the opening hour at once, then keep pace with the wall clock.
    while (!signal.aborted && sim.nextTime < from) await sim.stepAsync();
    while (!signal.aborted && sim.nextTime <= horizon) {
      const wait = timeOf(sim.nextTime).getTime() - clock.now().getTime();
      if (wait > 0) await sleep(Math.min(wait, 60_000), undefined, { signal }).catch(() => undefined);
      if (signal.aborted || timeOf(sim.nextTime).getTime() > clock.now().getTime()) continue;
      await sim.stepAsync();
      state.arrived = m.arrived;
    }
    log.info({ arrived: m.arrived, refusals: actors.tally.refusals }, 'live twin: the day is over');
  }
}

/** Device secrets in a JSON file (mode 600): a device keeps its secret, as a real one does. */
function secretStore(file: string): DeviceSecrets {
  let secrets: Record<string, string> = {};
  if (existsSync(file)) {
    try {
      secrets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      secrets = {};
    }
  }
  return {
    get: (id) => secrets[id],
    set(id, secret) {
      secrets[id] = secret;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    },
  };
}

export type { TwinDevice };
