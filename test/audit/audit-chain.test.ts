import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { sql } from 'kysely';
import { verifyAuditChain } from '../../src/infra/audit/index.ts';
import { systemContext } from '../../src/infra/auth/index.ts';
import { systemClock } from '../../src/infra/clock/index.ts';
import { openDatabase, runMigrations, type Database } from '../../src/infra/db/index.ts';
import { UnitOfWork } from '../../src/infra/events/index.ts';
import { createIdGenerator } from '../../src/infra/ids/index.ts';
import { runCli } from '../../src/cli.ts';
import { ALL_MIGRATIONS } from '../../src/platform.ts';
import { createScratchDatabase } from '../support/db.ts';
import { serviceOrSkip } from '../support/services.ts';

async function writeRecords(database: Database, n: number): Promise<void> {
  const uow = new UnitOfWork(database.db, null, systemClock, createIdGenerator());
  for (let i = 0; i < n; i++) {
    await uow.run(systemContext(`req-${i}`), async (w) => w.audit({ action: 'test.act', targetType: 'thing', targetId: `thing-${i}`, details: { i, note: 'Hữu Nghị' } }));
  }
}

/** Runs `borderflow audit verify` against the database and returns its exit code and output. */
async function verifyCli(env: Record<string, string>): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(['audit', 'verify'], { out: (s) => (out += s + '\n'), err: (s) => (out += s + '\n') }, env);
  return { code, out };
}

type Target = { name: string; open(t: TestContext): Promise<{ database: Database; env: Record<string, string>; reopen(): Promise<Database> } | null> };

const targets: Target[] = [
  {
    name: 'pglite',
    async open(t) {
      const dir = mkdtempSync(path.join(tmpdir(), 'bf-audit-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const pgliteDir = path.join(dir, 'pgdata');
      const database = await openDatabase({ pgliteDir });
      await runMigrations(database.db, ALL_MIGRATIONS);
      return { database, env: { DATA_DIR: dir, DATABASE_URL: '' }, reopen: () => openDatabase({ pgliteDir }) };
    },
  },
  {
    name: 'postgres',
    async open(t) {
      const base = serviceOrSkip(t, 'DATABASE_URL');
      if (!base) return null;
      const scratch = await createScratchDatabase(base);
      t.after(() => scratch.drop());
      const database = await openDatabase({ url: scratch.url });
      await runMigrations(database.db, ALL_MIGRATIONS);
      return { database, env: { DATABASE_URL: scratch.url }, reopen: () => openDatabase({ url: scratch.url }) };
    },
  },
];

for (const target of targets) {
  describe(`audit trail (${target.name})`, () => {
    test('the database itself refuses UPDATE, DELETE and TRUNCATE of audit records', async (t) => {
      const opened = await target.open(t);
      if (!opened) return;
      const { database } = opened;
      try {
        await writeRecords(database, 3);
        await assert.rejects(sql`update audit.records set action = 'forged' where id = 2`.execute(database.db), /append-only/);
        await assert.rejects(sql`delete from audit.records where id = 3`.execute(database.db), /append-only/);
        await assert.rejects(sql`truncate audit.records`.execute(database.db), /append-only/);
        const rows = await sql<{ n: string }>`select count(*)::text as n from audit.records where action = 'test.act'`.execute(database.db);
        assert.equal(rows.rows[0]!.n, '3');
        assert.deepEqual(await verifyAuditChain(database.db), { ok: true, records: 3 });
      } finally {
        await database.close();
      }
    });

    test('`borderflow audit verify` passes an intact chain and names the first record changed behind its back', async (t) => {
      const opened = await target.open(t);
      if (!opened) return;
      await writeRecords(opened.database, 6);
      await opened.database.close();
      const clean = await verifyCli(opened.env);
      assert.equal(clean.code, 0, clean.out);
      assert.match(clean.out, /audit chain OK: 6 record\(s\) verified/);

      // Someone with superuser rights switches the trigger off and edits record 4.
      const db = await opened.reopen();
      await sql`alter table audit.records disable trigger audit_records_append_only`.execute(db.db);
      await sql`update audit.records set details = '{"i": 3, "note": "edited"}'::jsonb where id = 4`.execute(db.db);
      await sql`alter table audit.records enable trigger audit_records_append_only`.execute(db.db);
      await db.close();
      const tampered = await verifyCli(opened.env);
      assert.equal(tampered.code, 1);
      assert.match(tampered.out, /BROKEN at record 4 \(chain \d+, #\d+\): record content does not match its hash/);
    });

    test('concurrent writers on several connections spread over chains that all verify; a record cut from the end of a chain is caught', async (t) => {
      const opened = await target.open(t);
      if (!opened) return;
      const { database } = opened;
      try {
        const uow = new UnitOfWork(database.db, null, systemClock, createIdGenerator());
        await Promise.all(Array.from({ length: 60 }, (_, i) =>
          uow.run(systemContext(`c-${i}`), async (w) => {
            w.audit({ action: 'test.first', targetId: `t-${i}` });
            w.audit({ action: 'test.second', targetId: `t-${i}` });
          })));
        const ok = await verifyAuditChain(database.db);
        assert.deepEqual(ok, { ok: true, records: 120 });
        const pairs = await sql<{ chains: string }>`select count(distinct chain)::text as chains from audit.records group by target_id`.execute(database.db);
        assert.ok(pairs.rows.every((r) => r.chains === '1'), "one unit of work's records stay in one chain");
        const last = await sql<{ id: string }>`select max(id)::text as id from audit.records`.execute(database.db);
        await sql`alter table audit.records disable trigger audit_records_append_only`.execute(database.db);
        await sql`delete from audit.records where id = ${Number(last.rows[0]!.id)}`.execute(database.db);
        const r = await verifyAuditChain(database.db);
        assert.equal(r.ok, false);
        assert.match(r.firstBad?.reason ?? '', /removed from its end/);
      } finally {
        await database.close();
      }
    });

    test('a deleted record breaks the chain at the gap', async (t) => {
      const opened = await target.open(t);
      if (!opened) return;
      const { database } = opened;
      try {
        await writeRecords(database, 5);
        await sql`alter table audit.records disable trigger audit_records_append_only`.execute(database.db);
        const victim = await sql<{ chain: number; seq: string }>`select chain, seq::text as seq from audit.records where id = 2`.execute(database.db);
        await sql`delete from audit.records where id = 2`.execute(database.db);
        const r = await verifyAuditChain(database.db);
        assert.equal(r.ok, false);
        assert.equal(r.firstBad?.chain, victim.rows[0]!.chain, 'reported in the chain the record was taken from');
        assert.match(r.firstBad?.reason ?? '', /missing|removed from its end/);
      } finally {
        await database.close();
      }
    });
  });
}
