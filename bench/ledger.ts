// The transparency log: durable appends/s and how soon a signed checkpoint covers them, then
// inclusion proofs/s. Appends are measured three ways: through the event bus (platform events
// already in the outbox, appended by the ledger consumer in its delivery transactions — the
// production path), one append per committed transaction from 8 concurrent writers, and 100 per
// transaction. PGlite runs on disk (a data directory, as `npm start` does) and PostgreSQL on a
// scratch database. Prints figures; never fails on time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditMigrations } from '../src/infra/audit/index.ts';
import { systemClock } from '../src/infra/clock/index.ts';
import { openDatabase, runMigrations, type Database } from '../src/infra/db/index.ts';
import { appendEvents, EventBus, platformMigrations, UnitOfWork } from '../src/infra/events/index.ts';
import { createIdGenerator } from '../src/infra/ids/index.ts';
import { createLogger } from '../src/infra/log/index.ts';
import { createLedgerModule, ledgerKeyFiles, ledgerMigrations, sha256Tree, verifyInclusion, type LedgerModule } from '../src/modules/ledger/index.ts';
import { createScratchDatabase } from '../test/support/db.ts';
import { benchTargets } from './support/harness.ts';

const EVENTS = 3000;
const WRITERS = 8;
const SINGLE_S = 3;
const BATCHES = 20;
const PROOFS = 20_000;
const COLD_PROOFS = 2_000;

/** Prints durable appends/s with checkpoint lag, and inclusion proofs/s, per database. */
export async function run(): Promise<void> {
  for (const target of benchTargets()) {
    const rig = await open(target.databaseUrl).catch((err: unknown) => {
      console.log(`${target.label}: skipped (${err instanceof Error ? err.message : String(err)})`);
      return null;
    });
    if (!rig) continue;
    const label = target.label.padEnd(18);
    try {
      const viaBus = await appendThroughBus(rig);
      console.log(`${label} ${fmt(viaBus.perSecond)} appends/s through the event bus (${EVENTS} events, consumer batches of 100); checkpoint covering all ${fmt(viaBus.checkpointLagMs)} ms after the last append`);
      const single = await appendOnePerTransaction(rig);
      console.log(`${label} ${fmt(single)} appends/s, one committed transaction each, ${WRITERS} concurrent writers`);
      const batched = await appendBatched(rig);
      console.log(`${label} ${fmt(batched)} appends/s, 100 per transaction`);
      const proofs = await proveMany(rig);
      console.log(`${label} ${fmt(proofs.warm)} inclusion proofs/s (tree of ${proofs.size}, cached nodes), ${fmt(proofs.cold)} proofs/s from a cold cache, ${fmt(proofs.verify)} verifications/s`);
    } finally {
      await rig.close();
    }
  }
}

interface Rig {
  database: Database;
  bus: EventBus;
  ledger: LedgerModule;
  dataDir: string;
  close(): Promise<void>;
}

async function open(databaseUrl: string | null): Promise<Rig> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bf-bench-ledger-'));
  let drop: (() => Promise<void>) | null = null;
  let database: Database;
  try {
    if (databaseUrl) {
      const scratch = await createScratchDatabase(databaseUrl);
      drop = () => scratch.drop();
      database = await openDatabase({ url: scratch.url });
    } else {
      database = await openDatabase({ pgliteDir: path.join(dataDir, 'pgdata') });
    }
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  await runMigrations(database.db, [platformMigrations, auditMigrations, ledgerMigrations]);
  const log = createLogger('warn');
  const ids = createIdGenerator(systemClock);
  const bus = new EventBus(database.db, log, { pollMs: 20 });
  const uow = new UnitOfWork(database.db, bus, systemClock, ids);
  const ledger = createLedgerModule({ db: database.db, uow, clock: systemClock, ids, log, siteId: 'VN-MONGCAI', keyFiles: ledgerKeyFiles(dataDir) });
  bus.subscribe(ledger.consumer);
  return {
    database, bus, ledger, dataDir,
    async close() {
      await ledger.stop();
      await bus.stop();
      await database.close();
      await drop?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Events as customs writes them, already committed; then the clock starts and the bus delivers. */
async function appendThroughBus(rig: Rig): Promise<{ perSecond: number; checkpointLagMs: number }> {
  const ids = createIdGenerator(systemClock);
  for (let i = 0; i < EVENTS; i += 500) {
    await rig.database.db.transaction().execute((tx) => appendEvents(tx, Array.from({ length: Math.min(500, EVENTS - i) }, (_, j) => ({
      id: ids.next('evt'), type: 'declaration.released', subject: `decl_B${i + j}`, occurredAt: systemClock.now(),
      data: { declarationId: `decl_B${i + j}`, version: 1, state: 'released', releaseNotice: { keyId: 'k', qr: 'x'.repeat(120) } },
    }))));
  }
  await rig.ledger.start();
  const start = performance.now();
  rig.bus.start();
  let appendedAt = 0;
  let checkpointedAt = 0;
  while (!checkpointedAt) {
    await new Promise((r) => setTimeout(r, 5));
    if (!appendedAt && (await rig.ledger.log.head()).size >= EVENTS) appendedAt = performance.now();
    if (appendedAt && (await rig.ledger.checkpoints.latest()).size >= EVENTS) checkpointedAt = performance.now();
  }
  return { perSecond: EVENTS / ((appendedAt - start) / 1000), checkpointLagMs: checkpointedAt - appendedAt };
}

async function appendOnePerTransaction(rig: Rig): Promise<number> {
  let n = 0;
  const until = performance.now() + SINGLE_S * 1000;
  const start = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => (async () => {
    for (let i = 0; performance.now() < until; i++) {
      await rig.database.db.transaction().execute((tx) =>
        rig.ledger.append(tx, { sourceId: `single-${w}-${i}`, type: 'gate.barrier_decided', subject: `gate_${w}`, occurredAt: systemClock.now(), content: { w, i } }));
      n++;
    }
  })()));
  return n / ((performance.now() - start) / 1000);
}

async function appendBatched(rig: Rig): Promise<number> {
  const start = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    await rig.database.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 100; i++) {
        await rig.ledger.append(tx, { sourceId: `batch-${b}-${i}`, type: 'exchange.message_sent', subject: `msg_${b}_${i}`, occurredAt: systemClock.now(), content: { b, i } });
      }
    });
  }
  return (BATCHES * 100) / ((performance.now() - start) / 1000);
}

async function proveMany(rig: Rig): Promise<{ size: number; warm: number; cold: number; verify: number }> {
  const checkpoint = await rig.ledger.issueCheckpoint();
  const size = checkpoint.size;
  // xorshift: a fixed sequence of indexes, so runs are comparable.
  let x = 2463534242;
  const nextIndex = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % size;
  };
  const fresh = createLedgerModule({
    db: rig.database.db, uow: new UnitOfWork(rig.database.db, null, systemClock, createIdGenerator(systemClock)), clock: systemClock,
    ids: createIdGenerator(systemClock), log: createLogger('warn'), siteId: 'VN-MONGCAI', keyFiles: ledgerKeyFiles(rig.dataDir),
  });
  let start = performance.now();
  for (let i = 0; i < COLD_PROOFS; i++) await fresh.log.inclusionProof(nextIndex(), size);
  const cold = COLD_PROOFS / ((performance.now() - start) / 1000);
  for (let i = 0; i < size; i++) await rig.ledger.log.inclusionProof(i, size); // warm every node once
  const proofs = [];
  start = performance.now();
  for (let i = 0; i < PROOFS; i++) proofs.push(await rig.ledger.log.inclusionProof(nextIndex(), size));
  const warm = PROOFS / ((performance.now() - start) / 1000);
  start = performance.now();
  for (const p of proofs) if (!verifyInclusion(sha256Tree, p.index, size, p.leafHash, p.hashes, checkpoint.rootHash)) throw new Error(`proof of ${p.index} does not verify`);
  const verify = PROOFS / ((performance.now() - start) / 1000);
  return { size, warm, cold, verify };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US').padStart(7);
}
