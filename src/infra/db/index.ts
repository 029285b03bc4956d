import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Logger } from '../log/index.ts';

export { sql };
export { runMigrations, type ModuleMigrations } from './migrate.ts';

/** A query builder over every schema; modules narrow it to their own tables with `typed`. */
export type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- narrowed per module by `typed`
/** A transaction: the unit in which state, outbox events and the audit record are written together. */
export type Tx = Transaction<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- narrowed per module by `typed`
/** Anything that can run queries: the database or a transaction. */
export type Executor = Db | Tx;

/** Narrows an executor to a module's table map. */
export function typed<T>(executor: Executor): Kysely<T> {
  return executor as unknown as Kysely<T>;
}

/** An open database with its kind, health check and close. */
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** True when a trivial query answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Where the data lives: a PostgreSQL URL, a PGlite directory, or PGlite in memory. */
export type DatabaseTarget = { url: string } | { pgliteDir: string } | { memory: true };

// A query waiting longer than this for PGlite's single connection is a bug (a query issued on
// the pool from inside a transaction): fail loudly rather than hang.
const POOL_WAIT_MS = 30_000;

/** Opens the database: PostgreSQL through `pg`, or embedded PGlite through its `pg` adapter. */
export async function openDatabase(target: DatabaseTarget, log?: Logger): Promise<Database> {
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 16, connectionTimeoutMillis: POOL_WAIT_MS });
    pool.on('error', (err) => log?.error({ err }, 'postgres pool error'));
    const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', ping: () => ping(db), close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  let dir = 'memory://';
  if ('pgliteDir' in target) {
    mkdirSync(path.dirname(target.pgliteDir), { recursive: true });
    dir = target.pgliteDir;
  }
  const lite = await PGlite.create(dir);
  // PGlite has one connection: a pool of one serializes every query and transaction.
  const pool = new pg.Pool({ ...createPgConfig(lite), max: 1, connectionTimeoutMillis: POOL_WAIT_MS } as pg.PoolConfig);
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    kind: 'pglite',
    ping: () => ping(db),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await lite.close();
    },
  };
}

async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
