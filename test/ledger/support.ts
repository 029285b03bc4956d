import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditMigrations } from '../../src/infra/audit/index.ts';
import { systemContext } from '../../src/infra/auth/index.ts';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { openDatabase, runMigrations, type Database } from '../../src/infra/db/index.ts';
import { EventBus, platformMigrations, UnitOfWork } from '../../src/infra/events/index.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/infra/ids/index.ts';
import { createLogger } from '../../src/infra/log/index.ts';
import { createLedgerModule, ledgerKeyFiles, ledgerMigrations, type LedgerModule } from '../../src/modules/ledger/index.ts';
import { createScratchDatabase } from '../support/db.ts';
import { services } from '../support/services.ts';

/** The databases the ledger tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function databaseKinds(suite: string): Array<'pglite' | 'postgres'> {
  if (services.databaseUrl) return ['pglite', 'postgres'];
  if (services.requireServices) throw new Error('REQUIRE_SERVICES=1 but DATABASE_URL is not set');
  console.warn(`\n*** ${suite} runs on PGlite only: set DATABASE_URL to run it on PostgreSQL too ***\n`);
  return ['pglite'];
}

/** A ledger module on its own database with the event bus and unit of work it runs with. */
export interface LedgerRig {
  database: Database;
  bus: EventBus;
  uow: UnitOfWork;
  clock: ManualClock;
  ledger: LedgerModule;
  siteId: string;
  dataDir: string;
  /** The scratch PostgreSQL database's URL, for the CLI; null on PGlite. */
  databaseUrl: string | null;
  close(): Promise<void>;
}

/** Builds a migrated database (PGlite in memory or a scratch PostgreSQL one) and a ledger module on it. */
export async function startLedger(kind: 'pglite' | 'postgres', siteId = 'VN-MONGCAI', opts: { checkpointIntervalMs?: number } = {}): Promise<LedgerRig> {
  let drop: (() => Promise<void>) | null = null;
  let database: Database;
  let databaseUrl: string | null = null;
  if (kind === 'postgres') {
    const scratch = await createScratchDatabase(services.databaseUrl!);
    database = await openDatabase({ url: scratch.url });
    databaseUrl = scratch.url;
    drop = () => scratch.drop();
  } else {
    database = await openDatabase({ memory: true });
  }
  await runMigrations(database.db, [platformMigrations, auditMigrations, ledgerMigrations]);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bf-ledger-'));
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  const ids = createIdGenerator(clock, seededRandomBytes(siteId.length));
  const log = createLogger('silent');
  const bus = new EventBus(database.db, log, { pollMs: 20 });
  const uow = new UnitOfWork(database.db, bus, clock, ids);
  const ledger = createLedgerModule({ db: database.db, uow, clock, ids, log, siteId, keyFiles: ledgerKeyFiles(dataDir), checkpointIntervalMs: opts.checkpointIntervalMs ?? 60_000 });
  bus.subscribe(ledger.consumer);
  return {
    database, bus, uow, clock, ledger, siteId, dataDir, databaseUrl,
    async close() {
      await ledger.stop();
      await bus.stop();
      await database.close();
      await drop?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Emits `n` logged events (as customs would, one transaction each) and returns their subjects. */
export async function emitDecisions(uow: UnitOfWork, n: number, prefix = 'decl_T'): Promise<string[]> {
  const subjects: string[] = [];
  for (let i = 0; i < n; i++) {
    const subject = `${prefix}${String(i).padStart(6, '0')}`;
    await uow.run(systemContext(), async (w) => {
      w.emit({ type: 'declaration.released', subject, data: { declarationId: subject, version: 1, reason: `release ${i}` } });
      w.audit({ action: 'test.release', targetType: 'declaration', targetId: subject });
    });
    subjects.push(subject);
  }
  return subjects;
}

/** Appends `n` entries directly, in one transaction (quicker than one event each). */
export async function appendDirect(rig: LedgerRig, n: number, prefix: string): Promise<void> {
  await rig.database.db.transaction().execute(async (tx) => {
    for (let i = 0; i < n; i++) {
      await rig.ledger.append(tx, { sourceId: `${prefix}-${i}`, type: 'declaration.assessed', subject: `decl_${prefix}${i}`, occurredAt: rig.clock.now(), content: { i, prefix } });
    }
  });
}

/** Captures CLI output. */
export function capture() {
  const lines: string[] = [];
  return { lines, text: () => lines.join('\n'), io: { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) } };
}
