/**
 * Ledger: the tamper-evident transparency log of documents and decisions. An append-only Merkle
 * log (RFC 9162 §2.1) fed by platform events, signed C2SP checkpoints, inclusion and consistency
 * proofs over HTTP and the CLI, and the witness functions the exchange calls to cosign partners'
 * checkpoints and catch forks. docs/ledger.md explains the design.
 */
import type { Clock } from '../../infra/clock/index.ts';
import type { Db, Tx } from '../../infra/db/index.ts';
import type { Consumer, UnitOfWork } from '../../infra/events/index.ts';
import type { HttpApp } from '../../infra/http/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import { Checkpointer, type StoredCheckpoint } from './checkpoint-service.ts';
import { ledgerConsumer } from './consumer.ts';
import { loadLedgerSigners } from './keys.ts';
import { LedgerLog } from './log-service.ts';
import { LOGGED_EVENT_TYPES, type LedgerEntry, type NewEntry } from './model.ts';
import { formatVerifierKey, rawPublicKey } from './note.ts';
import { ledgerRoutes, publicLedgerRoutes } from './routes.ts';
import { WitnessService } from './witness-service.ts';

export { ledgerMigrations } from './migrations/index.ts';
export { ledgerError, type LedgerErrorCode } from './errors.ts';
export { ledgerKeyFiles } from './keys.ts';
export { runLedgerCommand, LEDGER_USAGE, type LedgerCliOptions } from './cli.ts';
export { LOGGED_EVENT_TYPES, leafData, contentHash, ledgerOrigin, witnessName, type LedgerEntry, type NewEntry } from './model.ts';
export { sha256Tree, type Hash, type TreeHasher } from './merkle.ts';
export { verifyInclusion, verifyConsistency, rootFromInclusionProof } from './verify.ts';
export { openCheckpoint, parseCheckpointText, checkpointText, cosign, verifyCosignature, type Checkpoint, type Cosignature } from './checkpoint.ts';
export { parseNote, parseVerifierKey, formatVerifierKey, noteVerifier, noteSigner, rawPublicKey, SIG_ED25519, SIG_COSIGNATURE_V1, type NoteSigner, type NoteVerifier } from './note.ts';
export { detectFork, judgeCheckpoint, type ForkReason, type TreeHead, type WitnessVerdict } from './witness.ts';
export type { WitnessRequest, WitnessResult, CosignatureResult } from './witness-service.ts';
export type { InclusionProof, ConsistencyProof } from './log-service.ts';
export type { StoredCheckpoint } from './checkpoint-service.ts';
export type { ForkRecord } from './store/witness.ts';
export type { LogAudit, LogDefect } from './store-audit.ts';

/** What the ledger module needs from the composition root. */
export interface LedgerDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  siteId: string;
  /** The log and witness key files (Ed25519, PKCS#8 PEM; created on first use): `ledgerKeyFiles(dataDir)`. */
  keyFiles: { log: string; witness: string };
  /** How often a checkpoint is issued while entries arrive, in ms (default 500: a new entry is covered within a second). */
  checkpointIntervalMs?: number;
  /** The event types appended (default `LOGGED_EVENT_TYPES`). */
  eventTypes?: readonly string[];
}

/** The ledger module, wired. */
export interface LedgerModule {
  log: LedgerLog;
  checkpoints: Checkpointer;
  /** Cosigning and fork detection, for the exchange. */
  witness: WitnessService;
  /** The event-bus consumer that appends logged events; subscribe it before the bus starts. */
  consumer: Consumer;
  /** The log's C2SP note verifier key. */
  verifierKey: string;
  /** Appends an entry inside the caller's transaction (for modules that log without an event). */
  append(tx: Tx, entry: NewEntry): Promise<LedgerEntry>;
  /** Signs a checkpoint of what is committed now, if the tree grew (tests and the twin call it). */
  issueCheckpoint(): Promise<StoredCheckpoint>;
  /** Thins the checkpoint history older than `before` (see `Checkpointer.thin`); returns how many went. */
  thinCheckpoints(before: Date): Promise<number>;
  /** Mounts /api/ledger and /api/public/ledger. */
  register(app: HttpApp): Promise<void>;
  /** Starts the checkpoint timer (issuing the first checkpoint now if there is none). */
  start(): Promise<void>;
  /** Stops the timer and signs a last checkpoint covering every entry appended. */
  stop(): Promise<void>;
}

/** Builds the ledger module. */
export function createLedgerModule(deps: LedgerDeps): LedgerModule {
  const signers = loadLedgerSigners(deps.keyFiles, deps.siteId);
  const log = new LedgerLog(deps.db, deps.clock);
  const logger = deps.log;
  const checkpoints = new Checkpointer(deps.db, log, signers.log, deps.clock, logger, deps.checkpointIntervalMs ?? 500);
  const witness = new WitnessService(deps.db, deps.uow, deps.clock, deps.ids, signers.witness, log, checkpoints);
  const verifierKey = formatVerifierKey({ ...signers.log, raw: rawPublicKey(signers.log.privateKey) });
  const services = { log, checkpoints, witness, verifierKey };
  return {
    log,
    checkpoints,
    witness,
    consumer: ledgerConsumer(log, deps.eventTypes ?? LOGGED_EVENT_TYPES),
    verifierKey,
    append: (tx, entry) => log.append(tx, entry),
    issueCheckpoint: () => checkpoints.issue(),
    thinCheckpoints: (before) => checkpoints.thin(before),
    async register(app) {
      await app.register(ledgerRoutes(services), { prefix: '/api/ledger' });
      await app.register(publicLedgerRoutes(services), { prefix: '/api/public/ledger' });
    },
    async start() {
      await checkpoints.latest();
      checkpoints.start();
    },
    stop: () => checkpoints.stop(),
  };
}
