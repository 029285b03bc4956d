/**
 * Exchange: signed, versioned messages with the partner customs (WCO Data Model names), a
 * durable outbox per partner with retries and dead letters, an inbox that verifies before it
 * stores and processes in order per consignment, the reconciliation report, our key ring with
 * rotation, advance data for "declare once", and the transport of Part B's cosignatures.
 * This file is the module's only entry point (docs/exchange.md).
 */
import path from 'node:path';
import { systemContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { ExchangeConfig } from '../../infra/config/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { Consumer, UnitOfWork } from '../../infra/events/index.ts';
import type { HttpApp } from '../../infra/http/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import { seededRng, type Rng } from '../../infra/random/index.ts';
import { AdvanceService } from './advance-service.ts';
import { exchangeConsumer } from './consumer.ts';
import { CosignRequests } from './cosign.ts';
import { InboxService } from './inbox-service.ts';
import { KeyRing } from './keys.ts';
import { MESSAGE_TYPES, type MessageType } from './messages.ts';
import type { Partner, TimeWindow } from './model.ts';
import { OutboxService } from './outbox-service.ts';
import { PartnerService } from './partner-service.ts';
import type { ExchangePorts } from './ports.ts';
import { Processor } from './processor.ts';
import { reconciliation, type ReconciliationReport } from './reconciliation.ts';
import { exchangeRoutes } from './routes.ts';
import { Sender, type SenderSettings } from './sender.ts';
import { httpTransport, type PartnerTransport } from './transport.ts';

export { exchangeMigrations } from './migrations/index.ts';
export { exchangeError, type ExchangeErrorCode } from './errors.ts';
export { MESSAGE_SCHEMAS, MESSAGE_TYPES, CURRENT_VERSION, type MessageType, type Envelope, type SignedMessage, type Ack, type SignedAck } from './messages.ts';
export { signMessage, signAck, contentSha256, keyIdOf, backoffMs, type Partner, type PartnerKey, type RetryPolicy, type TimeWindow, type ReconciliationRow } from './model.ts';
export { prefillImport, compareWithPartner, type Mismatch } from './advance.ts';
export type { ExchangePorts, LedgerWitness, PartnerCapacity, PartnerExportForRisk, DeclarationSummary } from './ports.ts';
export type { PartnerTransport, TransportReply } from './transport.ts';
export type { MessageDraft } from './outbox-service.ts';
export type { ReconciliationReport } from './reconciliation.ts';
export type { PublishedKeys } from './keys.ts';

/** Exchange tuning, from the configuration (docs/configuration.md). */
export interface ExchangeSettings extends SenderSettings {
  /** Our signing key file given by config, or null for DATA_DIR/keys/exchange-ed25519.pem. */
  keyFile: string | null;
  /** Partners from the configuration, written to the partner table at start. */
  partners: Partner[];
  window: TimeWindow;
  /** How often our checkpoint goes to witnessing partners, in ms; 0 is never. */
  cosignIntervalMs: number;
  /** Timeout of one request to a partner, in ms. */
  requestTimeoutMs: number;
}

/** Defaults for the settings. */
export const DEFAULT_EXCHANGE_SETTINGS: ExchangeSettings = {
  keyFile: null, partners: [], window: { pastSeconds: 7 * 86400, futureSeconds: 300 }, cosignIntervalMs: 60_000, requestTimeoutMs: 10_000,
  batchSize: 100, pollMs: 1000, baseMs: 500, maxMs: 60_000, maxAttempts: 12,
};

/** The settings from the platform configuration (`config.exchange`). */
export function exchangeSettingsFrom(c: ExchangeConfig): ExchangeSettings {
  return {
    keyFile: c.keyFile, window: { pastSeconds: c.maxAgeSeconds, futureSeconds: 300 }, cosignIntervalMs: c.cosignIntervalMs, requestTimeoutMs: c.requestTimeoutMs,
    batchSize: c.batchSize, pollMs: c.pollMs, baseMs: c.retryBaseMs, maxMs: c.retryMaxMs, maxAttempts: c.maxAttempts,
    partners: c.partners.map((p) => ({ ...p, sends: p.sends.filter(isMessageType), receives: p.receives.filter(isMessageType) })),
  };
}

function isMessageType(t: string): t is MessageType {
  return (MESSAGE_TYPES as readonly string[]).includes(t);
}

/** What the exchange module needs from the composition root. */
export interface ExchangeDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  siteId: string;
  dataDir: string;
  settings: ExchangeSettings;
  ports: ExchangePorts;
  /** The ledger's verifier and witness keys, published at `GET /api/exchange/keys`. */
  ledgerKeys?: { verifierKey: string; witnessKey: string };
  /** Defaults to HTTP. */
  transport?: PartnerTransport;
  /** Jitter source; defaults to one seeded from the site id. */
  rng?: Rng;
}

/** The exchange module, wired. */
export interface ExchangeModule {
  partners: PartnerService;
  keys: KeyRing;
  outbox: OutboxService;
  inbox: InboxService;
  sender: Sender;
  processor: Processor;
  cosigning: CosignRequests | null;
  advance: AdvanceService;
  /** Queues notices for customs' export declarations; subscribe it to the bus. */
  consumer: Consumer;
  /** The reconciliation report for a period. */
  reconciliation(from: Date, to: Date): Promise<ReconciliationReport>;
  /** Mounts /api/exchange. */
  register(app: HttpApp): Promise<void>;
  /** Loads keys, writes configured partners, starts the sender, the processor and cosigning. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Our first exchange key file under the data directory. */
export function exchangeKeyFileIn(dataDir: string): string {
  return path.join(dataDir, 'keys', 'exchange-ed25519.pem');
}

/** Builds the exchange module. */
export function createExchangeModule(deps: ExchangeDeps): ExchangeModule {
  const s = deps.settings;
  const transport = deps.transport ?? httpTransport(s.requestTimeoutMs);
  const rng = deps.rng ?? seededRng([...deps.siteId].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261));
  const keys = new KeyRing(deps.db, deps.uow, deps.clock, deps.siteId, path.join(deps.dataDir, 'keys'), s.keyFile ?? exchangeKeyFileIn(deps.dataDir));
  const partners = new PartnerService(deps.db, deps.uow, deps.clock, transport);
  const outbox = new OutboxService(deps.db, deps.uow, deps.ids, deps.siteId);
  const inbox = new InboxService(deps.db, deps.uow, deps.clock, deps.siteId, keys, partners, s.window, deps.log);
  const sender = new Sender(deps.db, deps.uow, deps.clock, rng, keys, partners, transport, s, deps.log);
  const processor = new Processor(deps.db, deps.uow, deps.siteId, partners, outbox, deps.ports, deps.log);
  const cosigning = deps.ports.witness ? new CosignRequests(deps.siteId, partners, outbox, deps.ports.witness, deps.log) : null;
  const advance = new AdvanceService(deps.db, deps.siteId, deps.ports);
  outbox.onQueued = () => sender.notify();
  inbox.onReceived = () => processor.notify();
  return {
    partners, keys, outbox, inbox, sender, processor, cosigning, advance,
    consumer: exchangeConsumer(deps.clock, deps.ids, outbox, deps.ports, () => sender.notify()),
    reconciliation: (from, to) => reconciliation(deps.db, from, to),
    async register(app) {
      await app.register(exchangeRoutes({ db: deps.db, clock: deps.clock, siteId: deps.siteId, keys, partners, outbox, inbox, advance, ledgerKeys: () => deps.ledgerKeys ?? null }), { prefix: '/api/exchange' });
    },
    async start() {
      await keys.load();
      for (const p of s.partners) await partners.put(systemContext(), p);
      sender.start();
      processor.start(s.pollMs);
      processor.notify();
      cosigning?.start(s.cosignIntervalMs);
    },
    async stop() {
      cosigning?.stop();
      await sender.stop();
      await processor.stop();
    },
  };
}
