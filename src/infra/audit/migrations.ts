import { sql, type Kysely, type Migration } from 'kysely';
import type { ModuleMigrations } from '../db/migrate.ts';

/** How many independent hash chains the audit trail keeps. */
export const AUDIT_CHAINS = 16;

const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    // `id` orders the trail; (`chain`, `seq`) places a record in one of the hash chains.
    await sql`create table audit.records (
      id bigserial primary key,
      chain int not null,
      seq bigint not null,
      at timestamptz not null,
      actor_id text,
      actor_name text,
      role text,
      action text not null,
      target_type text,
      target_id text,
      outcome text not null,
      request_id text,
      source_ip text,
      details jsonb not null,
      content_hash text not null,
      prev_hash text not null,
      hash text not null,
      unique (chain, seq)
    )`.execute(db);
    await sql`create index audit_records_actor on audit.records (actor_id, id)`.execute(db);
    await sql`create index audit_records_target on audit.records (target_id, id)`.execute(db);
    await sql`create index audit_records_action on audit.records (action, id)`.execute(db);
    await sql`create index audit_records_at on audit.records (at)`.execute(db);
    // A chain head's row lock is held from the append until the writer commits, so one chain
    // serializes commits. AUDIT_CHAINS independent chains (picked by database session) let that
    // many audited transactions commit at once; each chain is a complete hash chain on its own.
    await sql`create table audit.chain_head (
      id int primary key check (id >= 0 and id < ${sql.lit(AUDIT_CHAINS)}),
      seq bigint not null,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
    await sql`insert into audit.chain_head (id, seq, prev_hash, hash)
      select g, 0, ${'0'.repeat(64)}, ${'0'.repeat(64)} from generate_series(0, ${sql.lit(AUDIT_CHAINS - 1)}) g`.execute(db);
    // Append-only in the database itself: no UPDATE, DELETE or TRUNCATE, whoever asks.
    await sql`create function audit.reject_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit records are append-only (% rejected)', tg_op using errcode = 'insufficient_privilege';
      end $$`.execute(db);
    await sql`create trigger audit_records_append_only before update or delete on audit.records
      for each row execute function audit.reject_change()`.execute(db);
    await sql`create trigger audit_records_no_truncate before truncate on audit.records
      for each statement execute function audit.reject_change()`.execute(db);
  },
};

/** The audit schema: the hash-chained, append-only record of every state change. */
export const auditMigrations: ModuleMigrations = { schema: 'audit', migrations: { '0001_records': m0001 } };
