import { sql, type Kysely, type Migration } from 'kysely';

/** Barrier commands awaiting confirmation, the vehicle and driver registry, trailer pairing, referral resolution. */
export const m0002: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table gate.barrier_commands (
      command_id text primary key, device_id text not null, device_kind text not null, action text not null, journey_id text,
      read_id text not null, issued_at timestamptz not null, deadline_at timestamptz not null, confirmed_at timestamptz,
      confirmed_state text, alerted_at timestamptz
    )`.execute(db);
    await sql`create index barrier_commands_pending on gate.barrier_commands (deadline_at) where confirmed_at is null and alerted_at is null`.execute(db);
    await sql`create table gate.vehicles (
      id text primary key, plate text not null, plate_key text not null, country text not null, kind text not null, axles int not null,
      owner_enterprise_id text not null, created_at timestamptz not null, updated_at timestamptz not null
    )`.execute(db);
    await sql`create unique index vehicles_plate on gate.vehicles (plate_key)`.execute(db);
    await sql`create index vehicles_owner on gate.vehicles (owner_enterprise_id, id)`.execute(db);
    await sql`create table gate.drivers (
      id text primary key, name text not null, document_number text not null, document_country text not null,
      licence_number text not null, licence_country text not null, licence_classes jsonb not null, licence_expires_on text not null,
      enterprise_id text, created_at timestamptz not null, updated_at timestamptz not null
    )`.execute(db);
    await sql`create unique index drivers_document on gate.drivers (document_country, document_number)`.execute(db);
    await sql`alter table gate.journeys add column trailer_plate text`.execute(db);
  },
};
