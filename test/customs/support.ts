import type { ManualClock } from '../../src/infra/clock/index.ts';
import { sql } from '../../src/infra/db/index.ts';
import { ruleFreeAssessor } from '../../src/modules/customs/index.ts';
import { call, login, type Reply } from '../support/http.ts';
import type { RunningPlatform } from '../support/platform.ts';
import { services } from '../support/services.ts';
import { validDeclaration } from './fixtures.ts';

/** The databases the customs HTTP tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function databaseKinds(suite: string): Array<'pglite' | 'postgres'> {
  if (services.databaseUrl) return ['pglite', 'postgres'];
  if (services.requireServices) throw new Error('REQUIRE_SERVICES=1 but DATABASE_URL is not set');
  console.warn(`\n*** ${suite} runs on PGlite only: set DATABASE_URL to run it on PostgreSQL too ***\n`);
  return ['pglite'];
}

/** Creates and submits a valid declaration in one call; returns the reply. */
export function submitNew(bf: RunningPlatform, token: string, now: Date, overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Reply> {
  return call(bf.url, 'POST', '/api/customs/declarations?submit=true', { token, body: validDeclaration(now, overrides), headers });
}

/** Rows of a table matching a condition, read straight from the database (what must or must not exist). */
export async function count(bf: RunningPlatform, query: ReturnType<typeof sql>): Promise<number> {
  const r = await query.execute(bf.platform.database.db);
  return Number((r.rows[0] as { n: string | number }).n);
}

/** The outbox events about a declaration, in order. */
export async function eventsOf(bf: RunningPlatform, declarationId: string): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
  const r = await sql<{ type: string; data: Record<string, unknown> }>`select type, data from platform.outbox where subject = ${declarationId} order by position`.execute(bf.platform.database.db);
  return r.rows;
}

/** What the HTTP cases share: one platform per database kind, its clock and signed-in users. */
export interface CustomsHarness {
  clock: ManualClock;
  bf: RunningPlatform;
  declarant: string;
  declarant2: string;
  officer: string;
  supervisor: string;
}

/** The demo declarant submits a declaration that the rule-free assessor sends green, so it is released at once; its id. */
export async function releasedDeclaration(bf: RunningPlatform): Promise<string> {
  bf.platform.customs.plugAssessor(ruleFreeAssessor('green'));
  const submitted = await submitNew(bf, await login(bf.url, 'declarant'), new Date());
  if (submitted.body.state !== 'released') throw new Error(`expected a released declaration, got ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return submitted.body.id as string;
}
