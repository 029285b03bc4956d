import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import pg from 'pg';
import { openDatabase, runMigrations, type Database, type ModuleMigrations } from '../../src/infra/db/index.ts';
import { serviceOrSkip } from './services.ts';

/** The database kinds every store test runs on. */
export type DbKind = 'pglite' | 'postgres';

/** A fresh PostgreSQL database created for one test run and dropped after it (we created it). */
export async function createScratchDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bf_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Opens a migrated, empty database of the given kind for a test: PGlite in memory, or a scratch
 * database on the PostgreSQL server from DATABASE_URL (skipped loudly when it is not set).
 * Returns null when the test was skipped.
 */
export async function openTestDatabase(t: TestContext, kind: DbKind, owners: ModuleMigrations[]): Promise<Database | null> {
  if (kind === 'pglite') {
    const database = await openDatabase({ memory: true });
    await runMigrations(database.db, owners);
    t.after(() => database.close());
    return database;
  }
  const base = serviceOrSkip(t, 'DATABASE_URL');
  if (!base) return null;
  const scratch = await createScratchDatabase(base);
  const database = await openDatabase({ url: scratch.url });
  await runMigrations(database.db, owners);
  t.after(async () => {
    await database.close();
    await scratch.drop();
  });
  return database;
}
