import { sql, type Kysely, type Migration } from 'kysely';
import type { ModuleMigrations } from '../db/migrate.ts';

const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    // txid orders delivery: an event is delivered only once every older transaction has ended
    // (txid < xmin of the current snapshot), so a slow commit can never be skipped over.
    await sql`create table platform.outbox (
      position bigserial primary key,
      txid xid8 not null default pg_current_xact_id(),
      event_id text not null unique,
      type text not null,
      subject text not null,
      occurred_at timestamptz not null,
      data jsonb not null
    )`.execute(db);
    await sql`create index outbox_txid_position on platform.outbox (txid, position)`.execute(db);
    await sql`create table platform.consumers (
      name text primary key,
      last_txid xid8 not null default '0',
      last_position bigint not null default 0,
      updated_at timestamptz not null default now()
    )`.execute(db);
    await sql`create table platform.processed_events (
      consumer text not null,
      event_id text not null,
      processed_at timestamptz not null default now(),
      primary key (consumer, event_id)
    )`.execute(db);
    await sql`create table platform.idempotency_keys (
      principal text not null,
      key text not null,
      method text not null,
      path text not null,
      body_hash text not null,
      status int,
      response_headers jsonb,
      response_body text,
      created_at timestamptz not null default now(),
      primary key (principal, key)
    )`.execute(db);
  },
};

/** The platform schema: outbox, consumer checkpoints, idempotency keys. */
export const platformMigrations: ModuleMigrations = { schema: 'platform', migrations: { '0001_outbox': m0001 } };
