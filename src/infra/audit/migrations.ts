import { sql, type Kysely, type Migration } from 'kysely';
import type { ModuleMigrations } from '../db/migrate.ts';

const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table audit.records (
      seq bigint primary key,
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
      hash text not null
    )`.execute(db);
    await sql`create index audit_records_actor on audit.records (actor_id, seq)`.execute(db);
    await sql`create index audit_records_target on audit.records (target_id, seq)`.execute(db);
    await sql`create index audit_records_action on audit.records (action, seq)`.execute(db);
    await sql`create index audit_records_at on audit.records (at)`.execute(db);
    // The chain head serializes appends: its row lock is held until the writer commits.
    await sql`create table audit.chain_head (
      id int primary key check (id = 1),
      seq bigint not null,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
    await sql`insert into audit.chain_head (id, seq, prev_hash, hash) values (1, 0, ${'0'.repeat(64)}, ${'0'.repeat(64)})`.execute(db);
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
