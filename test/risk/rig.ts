// The risk module on its own database (PGlite in memory, or a scratch PostgreSQL database), with
// the unit of work it runs with, a manual clock, and a way to deliver customs' inspection events.
import { auditMigrations } from '../../src/infra/audit/index.ts';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { openDatabase, runMigrations, type Database } from '../../src/infra/db/index.ts';
import { platformMigrations, UnitOfWork } from '../../src/infra/events/index.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/infra/ids/index.ts';
import { createLogger } from '../../src/infra/log/index.ts';
import type { DeclarationContent } from '../../src/modules/customs/index.ts';
import { createRiskModule, riskMigrations, type RiskModule, type StoredAssessment } from '../../src/modules/risk/index.ts';
import { createScratchDatabase } from '../support/db.ts';
import { services } from '../support/services.ts';
import { customsDeclaration } from './fixtures.ts';

/** The databases the risk store tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function databaseKinds(suite: string): Array<'pglite' | 'postgres'> {
  if (services.databaseUrl) return ['pglite', 'postgres'];
  if (services.requireServices) throw new Error('REQUIRE_SERVICES=1 but DATABASE_URL is not set');
  console.warn(`\n*** ${suite} runs on PGlite only: set DATABASE_URL to run it on PostgreSQL too ***\n`);
  return ['pglite'];
}

/** A risk module on a migrated database. */
export interface RiskRig {
  database: Database;
  clock: ManualClock;
  risk: RiskModule;
  /** Assesses a declaration of this content (submitted as version `version`). */
  assess(id: string, content: DeclarationContent, version?: number): Promise<StoredAssessment>;
  /** Delivers a `declaration.inspected` event as customs writes it. */
  inspect(id: string, version: number, outcome: 'compliant' | 'discrepancy'): Promise<void>;
  close(): Promise<void>;
}

/** Starts a rig. */
export async function startRisk(kind: 'pglite' | 'postgres'): Promise<RiskRig> {
  let drop: (() => Promise<void>) | null = null;
  let database: Database;
  if (kind === 'postgres') {
    const scratch = await createScratchDatabase(services.databaseUrl!);
    database = await openDatabase({ url: scratch.url });
    drop = () => scratch.drop();
  } else {
    database = await openDatabase({ memory: true });
  }
  await runMigrations(database.db, [platformMigrations, auditMigrations, riskMigrations]);
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  const ids = createIdGenerator(clock, seededRandomBytes(7));
  const uow = new UnitOfWork(database.db, null, clock, ids);
  const risk = createRiskModule({ db: database.db, uow, clock, ids, log: createLogger('silent') });
  let events = 0;
  return {
    database, clock, risk,
    assess: (id, content, version = 1) => risk.services.engine.assess(customsDeclaration(id, content, version)),
    async inspect(id, version, outcome) {
      const event = {
        id: `evt_T${++events}`, type: 'declaration.inspected', subject: id, position: String(events), txid: '1', occurredAt: clock.now().toISOString(),
        data: { declarationId: id, version, outcome, findings: outcome === 'discrepancy' ? ['undeclared goods'] : [] },
      };
      await database.db.transaction().execute((tx) => risk.consumer.handle(event, tx));
    },
    async close() {
      await database.close();
      await drop?.();
    },
  };
}
