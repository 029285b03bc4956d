import { Migrator, sql, type Migration } from 'kysely';
import type { Db } from './index.ts';

/** One owner's migrations: a module (or an infra part) and the PostgreSQL schema it owns. */
export interface ModuleMigrations {
  schema: string;
  migrations: Record<string, Migration>;
}

/** Applies every pending migration, owner by owner in the order given; throws on the first failure. */
export async function runMigrations(db: Db, owners: ModuleMigrations[]): Promise<string[]> {
  const applied: string[] = [];
  for (const owner of owners) {
    await sql`create schema if not exists ${sql.id(owner.schema)}`.execute(db);
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => owner.migrations },
      migrationTableSchema: owner.schema,
    });
    const { error, results } = await migrator.migrateToLatest();
    for (const r of results ?? []) {
      if (r.status === 'Success') applied.push(`${owner.schema}/${r.migrationName}`);
      if (r.status === 'Error') throw new Error(`migration ${owner.schema}/${r.migrationName} failed: ${String(error)}`, { cause: error });
    }
    if (error) throw new Error(`migrations for ${owner.schema} failed: ${String(error)}`, { cause: error });
  }
  return applied;
}
