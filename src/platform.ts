import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditMigrations } from './infra/audit/index.ts';
import { auditRoutes } from './infra/audit/routes.ts';
import { systemActor } from './infra/auth/index.ts';
import { systemClock, type Clock } from './infra/clock/index.ts';
import type { Config } from './infra/config/index.ts';
import { openDatabase, runMigrations, type Database, type ModuleMigrations } from './infra/db/index.ts';
import { connectJetStream, EventBus, platformMigrations, UnitOfWork, type JetStreamEvents } from './infra/events/index.ts';
import { createHttpServer, pruneIdempotencyKeys, type HttpApp, type ReadinessCheck } from './infra/http/index.ts';
import { createIdGenerator, type IdGenerator } from './infra/ids/index.ts';
import { createLogger, type Logger } from './infra/log/index.ts';
import { startMqtt, type MqttBus } from './infra/mqtt/index.ts';
import { createCustomsModule, customsMigrations, declarationForGate, releaseKeyFileIn, rosterFromDirectory, type CustomsModule, type DeclarationContent } from './modules/customs/index.ts';
import { createGateModule, defaultGateSettings, gateMigrations, gateSettingsWithOverrides, passKeyFileIn, type GateModule } from './modules/gate/index.ts';
import { createIdentityModule, identityMigrations, type IdentityModule } from './modules/identity/index.ts';
import { createLedgerModule, ledgerKeyFiles, ledgerMigrations, type LedgerModule } from './modules/ledger/index.ts';
import { createRiskModule, riskMigrations, type RiskModule } from './modules/risk/index.ts';
import { createExchangeModule, exchangeMigrations, exchangeSettingsFrom, type ExchangeModule } from './modules/exchange/index.ts';
import { createIocModule, defaultIocSettings, iocMigrations, type ForecastProvider, type IocModule } from './modules/ioc/index.ts';

/** The running platform: every adapter and module, wired once. */
export interface Platform {
  config: Config;
  log: Logger;
  database: Database;
  bus: EventBus;
  uow: UnitOfWork;
  http: HttpApp;
  mqtt: MqttBus & { port: number | null };
  /** NATS JetStream, when NATS_URL is set. */
  jetstream: JetStreamEvents | null;
  identity: IdentityModule;
  customs: CustomsModule;
  ledger: LedgerModule;
  gate: GateModule;
  risk: RiskModule;
  exchange: ExchangeModule;
  ioc: IocModule;
  /** Starts listening; returns the base URL. */
  listen(): Promise<string>;
  /** Stops accepting, drains requests and events, closes broker and database. Idempotent. */
  close(): Promise<void>;
}

/** Overrides for tests and the twin: a virtual clock, seeded ids, a logger, an open database. */
export interface PlatformOptions {
  clock?: Clock;
  ids?: IdGenerator;
  log?: Logger;
  database?: Database;
}

/** Every schema's migrations, in dependency order. */
export const ALL_MIGRATIONS: ModuleMigrations[] = [platformMigrations, auditMigrations, identityMigrations, customsMigrations, ledgerMigrations, riskMigrations, gateMigrations, iocMigrations, exchangeMigrations];

/** How long delivered events and their dedup marks are kept: the JetStream stream's max age. */
const EVENT_RETENTION_MS = 7 * 24 * 3_600_000;

const VERSION = (JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export function openConfiguredDatabase(config: Config, log?: Logger): Promise<Database> {
  return openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: path.join(config.dataDir, 'pgdata') }, log);
}

/**
 * The IOC's forecast from a twin scenario: the vehicles the queue model expects in each hour of
 * the scenario's day (local time, UTC+7), averaged over five seeds, computed once at start.
 */
async function scenarioForecast(name: string): Promise<ForecastProvider> {
  // Loaded on demand, like the live twin: a platform without a forecast needs none of the twin.
  const { forecastHourly, loadScenario } = await import('./sim/index.ts');
  const perHour = forecastHourly(loadScenario(name)).hours.map((h) => h.arrivals.import + h.arrivals.export);
  return { expectedVehiclesPerHour: (at) => perHour[(at.getUTCHours() + 7) % 24] ?? null };
}

/** Composition root: config → infra → modules → http. */
export async function buildPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? createIdGenerator(clock);
  const database = options.database ?? (await openConfiguredDatabase(config, log));
  const db = database.db;
  try {
    await runMigrations(db, ALL_MIGRATIONS);
  } catch (err) {
    await database.close();
    throw err;
  }
  const bus = new EventBus(db, log.child({ part: 'events' }), { drainTimeoutMs: config.shutdownTimeoutMs / 2 });
  // Adapters opened so far, closed in reverse if a later start-up step fails.
  const opened: Array<() => Promise<void>> = [() => database.close()];
  const unwind = async (err: unknown): Promise<never> => {
    for (const close of opened.reverse()) await close().catch(() => undefined);
    throw err;
  };
  const jetstream = config.natsUrl
    ? await connectJetStream({ url: config.natsUrl, siteId: config.siteId, log: log.child({ part: 'jetstream' }) }).catch(unwind)
    : null;
  if (jetstream) {
    opened.push(() => jetstream.close());
    bus.subscribe(jetstream.publisher);
  }
  const uow = new UnitOfWork(db, bus, clock, ids);
  const identity = createIdentityModule({
    db, uow, clock, ids, siteId: config.siteId, secureCookies: false,
    settings: { sessionTtlMinutes: config.sessionTtlMinutes, loginMaxAttempts: config.loginMaxAttempts, loginLockoutMinutes: config.loginLockoutMinutes },
  });
  const customs = createCustomsModule({
    db, uow, clock, ids, log: log.child({ module: 'customs' }), roster: rosterFromDirectory(identity.directory, clock), releaseKeyFile: releaseKeyFileIn(config.dataDir),
  });
  const ledger = createLedgerModule({ db, uow, clock, ids, log: log.child({ module: 'ledger' }), siteId: config.siteId, keyFiles: ledgerKeyFiles(config.dataDir) });
  bus.subscribe(ledger.consumer);
  const gateSite = (['VN-HUUNGHI', 'VN-TANTHANH', 'VN-MONGCAI'] as const).find((g) => g === config.siteId) ?? 'VN-MONGCAI';
  const gate = createGateModule({
    db, uow, clock, ids, log: log.child({ module: 'gate' }), siteId: config.siteId, settings: gateSettingsWithOverrides(defaultGateSettings(gateSite), config.gate), passKeyFile: passKeyFileIn(config.dataDir),
    declarations: declarationForGate, authenticateDevice: (id, secret) => identity.directory.authenticateDevice(id, secret),
  });
  bus.subscribe(gate.consumer);
  const risk = createRiskModule({ db, uow, clock, ids, log: log.child({ module: 'risk' }) });
  bus.subscribe(risk.consumer);
  customs.plugAssessor(risk.assessor);
  const exchange = createExchangeModule({
    db, uow, clock, ids, log: log.child({ module: 'exchange' }), siteId: config.siteId, dataDir: config.dataDir, settings: exchangeSettingsFrom(config.exchange),
    ledgerKeys: { verifierKey: ledger.verifierKey, witnessKey: ledger.witness.verifierKey },
    ports: {
      storePartnerExport: (ctx, input) => risk.storePartnerExport(ctx, input),
      announcePartnerCapacity: (ctx, capacity) => gate.bookings.announcePartnerCapacity(ctx, capacity),
      witness: ledger.witness,
      declaration: (x, id) => declarationForGate(x, id),
      enterpriseTaxCode: async (id) => (await identity.directory.enterprise(systemActor, id).catch(() => null))?.taxCode ?? null,
      createDraft: (ctx, content) => customs.services.declarations.create(ctx, content as DeclarationContent, false),
      declarationContent: async (ctx, id) => ({ ...(await customs.services.declarations.get(ctx.actor ?? systemActor, id)).content }),
    },
  });
  bus.subscribe(exchange.consumer);
  // A live twin with an unknown scenario stops the start here, not later in the background.
  if (config.demo && config.demoTwin) await import('./sim/index.ts').then((sim) => sim.loadScenario(config.demoScenario)).catch(unwind);
  const ioc = createIocModule({
    userRoles: (username) => identity.directory.activeUserRoles(username),
    db, uow, clock, ids, log: log.child({ module: 'ioc' }), settings: defaultIocSettings(),
    forecast: config.forecastScenario ? await scenarioForecast(config.forecastScenario).catch(unwind) : null,
    site: {
      gate: gate.settings.gate, yardCapacity: gate.settings.yardCapacity,
      lanes: Object.entries(gate.settings.lanes).map(([key, l]) => ({ direction: key.split('/')[0]!, laneClass: key.split('/')[1]!, lanes: l!.lanes, trucksPerHourPerLane: l!.trucksPerHourPerLane })),
    },
  });
  bus.subscribe(ioc.consumer);
  if (config.demo) {
    const created = await identity.seedDemo();
    if (created > 0) log.info({ created }, 'demo enterprises and users created');
    if (await customs.seedDemo()) log.info('demo tariff loaded');
  }

  const mqtt = await startMqtt({
    url: config.mqttUrl, port: config.mqttPort, host: config.host, log: log.child({ part: 'mqtt' }), siteId: config.siteId,
    devices: { authenticate: (id, secret) => identity.directory.authenticateDevice(id, secret) },
  }).catch(unwind);
  opened.push(() => mqtt.close());
  identity.directory.onDeviceDeactivated((id) => mqtt.disconnectDevice(id));
  const readiness: ReadinessCheck[] = [
    { name: 'database', check: () => database.ping() },
    { name: 'mqtt', check: () => mqtt.ping() },
  ];
  if (jetstream) readiness.push({ name: 'nats', check: () => jetstream.ping() });
  const http = await createHttpServer({
    log, db, ids, authenticator: identity.auth, bodyLimitBytes: config.bodyLimitBytes,
    webDir: config.webDir, version: VERSION, readiness,
  });
  http.get('/api/site', { schema: { tags: ['platform'], summary: 'This gate site' } }, async () => ({ siteId: config.siteId, name: config.siteName, version: VERSION }));
  await identity.register(http);
  await customs.register(http);
  await ledger.register(http);
  await gate.register(http);
  await risk.register(http);
  await exchange.register(http);
  await ioc.register(http);
  await http.register(auditRoutes(db), { prefix: '/api/audit' });
  await http.ready();
  bus.start();
  // Hourly housekeeping: idempotency keys are kept a day (docs/api.md); delivered outbox rows and
  // processed-event marks as long as the JetStream stream keeps events, 7 days (docs/events.md);
  // ledger checkpoints older than an hour thinned to one an hour (docs/ledger.md); trucks that left
  // the site a day ago dropped from the IOC's picture (docs/ioc.md).
  const prune = async () => {
    await pruneIdempotencyKeys(db);
    await bus.prune(new Date(clock.now().getTime() - EVENT_RETENTION_MS));
    await ledger.thinCheckpoints(new Date(clock.now().getTime() - 3_600_000));
    await ioc.prune(new Date(clock.now().getTime() - 24 * 3_600_000));
  };
  const pruner = setInterval(() => void prune().catch((err: unknown) => log.error({ err }, 'pruning failed')), 3_600_000);
  pruner.unref();
  await ledger.start();
  await gate.start(mqtt);
  await exchange.start();
  ioc.start();
  await customs.resumeAssessments();

  // The live twin (DEMO=1 and DEMO_TWIN=1) drives this platform over HTTP and MQTT once it listens.
  let twin: { stop(): Promise<void> } | null = null;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(pruner);
      await twin?.stop().catch((err: unknown) => log.error({ err }, 'live twin stop failed'));
      await http.close().catch((err: unknown) => log.error({ err }, 'http close failed'));
      log.debug('http closed');
      await bus.stop(true);
      log.debug('events drained');
      await ledger.stop();
      await gate.stop();
      await exchange.stop();
      await ioc.stop();
      await jetstream?.close().catch((err: unknown) => log.error({ err }, 'nats close failed'));
      await mqtt.close().catch((err: unknown) => log.error({ err }, 'mqtt close failed'));
      log.debug('mqtt closed');
      await database.close();
      log.debug('database closed');
    })());
  return {
    config, log, database, bus, uow, http, mqtt, jetstream, identity, customs, ledger, risk, gate, ioc, exchange,
    async listen() {
      const url = await http.listen({ port: config.port, host: config.host });
      if (config.demo && config.demoTwin && !twin) {
        // Loaded on demand: the twin's code is not needed by a platform that does not run it.
        const { startLiveTwin } = await import('./sim/live/twin.ts');
        twin = startLiveTwin({
          baseUrl: url.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1'), mqttUrl: mqtt.port ? `mqtt://127.0.0.1:${mqtt.port}` : null,
          siteId: config.siteId, speed: config.demoSpeed, scenario: config.demoScenario, dataDir: config.dataDir, log,
        });
      }
      return url;
    },
    close,
  };
}
