import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from '../../src/infra/db/index.ts';
import { platformMigrations } from '../../src/infra/events/index.ts';
import { pruneIdempotencyKeys } from '../../src/infra/http/index.ts';
import { openTestDatabase } from '../support/db.ts';

test('idempotency keys older than a day are pruned; younger ones stay', async (t) => {
  const database = await openTestDatabase(t, 'pglite', [platformMigrations]);
  if (!database) return;
  await sql`insert into platform.idempotency_keys (principal, key, method, path, body_hash, created_at)
    values ('usr_1', 'old', 'POST', '/x', 'h', now() - interval '25 hours'), ('usr_1', 'new', 'POST', '/x', 'h', now() - interval '1 hour')`.execute(database.db);
  assert.equal(await pruneIdempotencyKeys(database.db), 1);
  const left = await sql<{ key: string }>`select key from platform.idempotency_keys`.execute(database.db);
  assert.deepEqual(left.rows.map((r) => r.key), ['new']);
});
