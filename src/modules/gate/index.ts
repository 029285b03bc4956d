/**
 * Gate: crossing slots from both sides' capacity, bookings with signed passes, device reads
 * (plates, containers, passes, weights, barrier states) over HTTP and MQTT, the plate matcher,
 * the journey of every truck with its stage times, the yard queue, barrier decisions and fees.
 * This file is the module's only entry point (docs/gate.md).
 */
import type { Clock } from '../../infra/clock/index.ts';
import { loadOrCreateSigningKey } from '../../infra/crypto/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { Consumer, UnitOfWork } from '../../infra/events/index.ts';
import type { HttpApp } from '../../infra/http/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import type { MqttBus } from '../../infra/mqtt/index.ts';
import path from 'node:path';
import { BookingService } from './booking-service.ts';
import { gateConsumer } from './consumer.ts';
import { JourneyService } from './journey-service.ts';
import { mqttBarrierSink, subscribeDeviceReads } from './mqtt.ts';
import type { BarrierCommandSink, DeclarationLookup, DeviceAuthenticate } from './ports.ts';
import { ReadService } from './read-service.ts';
import { gateRoutes } from './routes.ts';
import { deviceRoutes } from './routes-devices.ts';
import { opsRoutes } from './routes-ops.ts';
import { publicRoutes } from './routes-public.ts';
import { BarrierWatch } from './barrier-watch.ts';
import { ReferralService } from './referral-service.ts';
import { RegistryService } from './registry-service.ts';
import { systemContext } from '../../infra/auth/index.ts';
import { LivePlateIndex } from './live-index.ts';
import { journeys as journeyStore } from './store/journeys.ts';
import type { Journey } from './model.ts';
import type { GateSettings } from './settings.ts';

export { gateMigrations } from './migrations/index.ts';
export { gateError } from './errors.ts';
export { defaultGateSettings, withOverrides as gateSettingsWithOverrides, type GateSettings } from './settings.ts';
export { parsePlate, normalizePlate, samePlate, type Plate } from './plates.ts';
export { matchPlate, DEFAULT_MATCH_POLICY, type PlateMatch } from './matcher.ts';
export { PlateIndex } from './plate-index.ts';
export { resolveContainerRead, isValidContainerNumber, iso6346CheckDigit } from './iso6346.ts';
export { verifyPass, signPass, type PassCheck, type PassClaims } from './pass.ts';
export type { Journey, Booking, JourneyState, ExceptionKind } from './model.ts';
export type { DeclarationLookup, DeclarationSummary, BarrierCommand, BarrierCommandSink } from './ports.ts';

/** What the gate module needs from the composition root. */
export interface GateDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  siteId: string;
  settings: GateSettings;
  /** Customs' `declarationForGate`. */
  declarations: DeclarationLookup;
  /** Identity's `authenticateDevice` (it remembers successes, and forgets a device when it is deactivated). */
  authenticateDevice: DeviceAuthenticate;
  /** The pass signing key file (Ed25519, PKCS#8 PEM; created on first use). */
  passKeyFile: string;
  /** Where barrier commands go; MQTT once `start(mqtt)` runs, dropped before. */
  barriers?: BarrierCommandSink;
}

/** The gate module, wired. */
export interface GateModule {
  /** The live settings (tests and the twin may adjust them). */
  settings: GateSettings;
  bookings: BookingService;
  journeys: JourneyService;
  reads: ReadService;
  /** Officers' resolutions of referred reads. */
  referrals: ReferralService;
  /** Vehicles and drivers. */
  registry: RegistryService;
  /** Alerts on barrier commands not confirmed in time (`check()` runs on a timer after `start`). */
  barrierWatch: BarrierWatch;
  /** Moves journeys on customs' `declaration.*` events; subscribe it to the bus. */
  consumer: Consumer;
  /** The raw Ed25519 public key of passes, base64. */
  passPublicKey: string;
  /** Mounts /api/gate and /api/public/gate. */
  register(app: HttpApp): Promise<void>;
  /** Subscribes to device reads over MQTT and sends barrier commands there. */
  start(mqtt: MqttBus): Promise<void>;
  stop(): Promise<void>;
}

/** The pass key file under the data directory. */
export function passKeyFileIn(dataDir: string): string {
  return path.join(dataDir, 'keys', 'gate-pass-ed25519.pem');
}

/** Builds the gate module. */
export function createGateModule(deps: GateDeps): GateModule {
  const key = loadOrCreateSigningKey(deps.passKeyFile);
  let sink: BarrierCommandSink = deps.barriers ?? (async () => undefined);
  const barriers: BarrierCommandSink = (id, kind, cmd) => sink(id, kind, cmd);
  const index = deps.settings.plateIndexMaxAgeMs > 0 ? new LivePlateIndex(() => journeyStore.activePlates(deps.db), deps.settings.plateIndexMaxAgeMs, () => performance.now()) : null;
  const onJourney = (j: Journey) => index?.upsert(j);
  const bookings = new BookingService(deps.db, deps.uow, deps.clock, deps.ids, deps.settings, deps.declarations, key.privateKey, onJourney);
  const journeys = new JourneyService(deps.db, deps.uow, deps.clock, deps.settings, onJourney);
  const reads = new ReadService(deps.db, deps.uow, deps.ids, deps.settings, key.publicKey, barriers, deps.log, index);
  const referrals = new ReferralService(deps.db, deps.uow, deps.ids, deps.settings, reads, onJourney);
  const registry = new RegistryService(deps.db, deps.uow, deps.ids);
  const barrierWatch = new BarrierWatch(deps.db, deps.uow, deps.clock, deps.log);
  let unsubscribe: (() => Promise<void>) | null = null;
  return {
    settings: deps.settings, bookings, journeys, reads, referrals, registry, barrierWatch, consumer: gateConsumer(deps.clock, deps.ids), passPublicKey: key.publicKeyBase64,
    async register(app) {
      await app.register(deviceRoutes(reads, deps.authenticateDevice, deps.siteId), { prefix: '/api/gate' });
      await app.register(gateRoutes({ bookings, journeys, db: deps.db, passPublicKey: key.publicKeyBase64 }), { prefix: '/api/gate' });
      await app.register(opsRoutes({ registry, referrals, journeys }), { prefix: '/api/gate' });
      await app.register(publicRoutes({ journeys, passKey: key.publicKey }), { prefix: '/api/public/gate' });
    },
    async start(mqtt) {
      if (!deps.barriers) sink = mqttBarrierSink(mqtt, deps.siteId);
      unsubscribe = await subscribeDeviceReads(mqtt, deps.siteId, reads, deps.log);
      barrierWatch.start(systemContext(), deps.settings.barrierCheckIntervalMs);
    },
    async stop() {
      barrierWatch.stop();
      await unsubscribe?.().catch(() => undefined);
      unsubscribe = null;
    },
  };
}
