import { sql, type Kysely, type Migration } from 'kysely';

/** Partners, our key ring, the durable outbox and the inbox, and advance declarations. */
export const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table exchange.partners (
      id text primary key, name text not null, endpoint text not null, keys jsonb not null, sends jsonb not null, receives jsonb not null,
      ledger_key text, witness_key text, next_sequence bigint not null default 1, updated_at timestamptz not null
    )`.execute(db);
    await sql`create table exchange.own_keys (
      key_id text primary key, public_key text not null, key_file text not null, valid_from timestamptz not null, valid_until timestamptz
    )`.execute(db);
    await sql`create table exchange.outbox (
      id text primary key, partner_id text not null, type text not null, version int not null, sequence bigint not null,
      previous_sequence bigint, consignment_ref text not null, created_at timestamptz not null, message jsonb not null,
      content_sha256 text not null, state text not null, attempts int not null default 0, next_attempt_at timestamptz not null,
      last_error text, acknowledged_at timestamptz, ack jsonb, dead_at timestamptz, unique (partner_id, sequence)
    )`.execute(db);
    await sql`create index outbox_due on exchange.outbox (partner_id, next_attempt_at, sequence) where state = 'pending'`.execute(db);
    await sql`create index outbox_consignment on exchange.outbox (partner_id, consignment_ref, sequence)`.execute(db);
    await sql`create index outbox_created on exchange.outbox (created_at)`.execute(db);
    await sql`create table exchange.inbox (
      id text primary key, partner_id text not null, type text not null, version int not null, sequence bigint not null,
      previous_sequence bigint, consignment_ref text not null, created_at timestamptz not null, received_at timestamptz not null,
      message jsonb not null, content_sha256 text not null, key_id text not null, ack jsonb not null, state text not null,
      processed_at timestamptz, processed_order bigint, result text, unique (partner_id, sequence)
    )`.execute(db);
    await sql`create index inbox_pending on exchange.inbox (partner_id, sequence) where state = 'pending'`.execute(db);
    await sql`create index inbox_consignment on exchange.inbox (partner_id, consignment_ref, sequence)`.execute(db);
    await sql`create index inbox_created on exchange.inbox (created_at)`.execute(db);
    await sql`create sequence exchange.processing_order`.execute(db);
    await sql`create table exchange.advance_declarations (
      partner_id text not null, consignment_ref text not null, message_id text not null, importer_tax_id text not null,
      declaration jsonb not null, received_at timestamptz not null, primary key (partner_id, consignment_ref)
    )`.execute(db);
    await sql`create index advance_importer on exchange.advance_declarations (importer_tax_id, received_at)`.execute(db);
  },
};
