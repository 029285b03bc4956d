import { sql, type Kysely, type Migration } from 'kysely';

/** Bookings, journeys and their plate index, partner capacity, device reads and referrals. */
export const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table gate.bookings (
      id text primary key, enterprise_id text not null, declaration_id text not null, gate text not null, direction text not null,
      lane_class text not null, slot_start timestamptz not null, plate text not null, driver_name text not null, driver_document text not null,
      status text not null, rebookings int not null default 0, created_at timestamptz not null, updated_at timestamptz not null
    )`.execute(db);
    await sql`create index bookings_slot on gate.bookings (gate, direction, lane_class, slot_start) where status = 'active'`.execute(db);
    await sql`create index bookings_enterprise on gate.bookings (enterprise_id, id)`.execute(db);
    await sql`create unique index bookings_one_active on gate.bookings (declaration_id) where status = 'active'`.execute(db);
    await sql`create table gate.journeys (
      id text primary key, booking_id text not null, enterprise_id text not null, declaration_id text not null, gate text not null,
      direction text not null, lane_class text not null, vehicle_class text not null, plate text not null, driver_name text not null,
      driver_document text not null, slot_start timestamptz not null, state text not null, scan_selected boolean not null,
      max_gross_kg int not null, gross_kg int, containers jsonb not null, customs_released_at timestamptz, exceptions jsonb not null,
      stages jsonb not null, fee jsonb, version int not null, updated_at timestamptz not null
    )`.execute(db);
    await sql`create index journeys_declaration on gate.journeys (declaration_id)`.execute(db);
    await sql`create index journeys_state on gate.journeys (state, slot_start)`.execute(db);
    await sql`create index journeys_booking on gate.journeys (booking_id)`.execute(db);
    await sql`create table gate.plate_keys (key text not null, journey_id text not null, primary key (key, journey_id))`.execute(db);
    await sql`create index plate_keys_journey on gate.plate_keys (journey_id)`.execute(db);
    await sql`create table gate.partner_windows (
      id text primary key, gate text not null, direction text not null, lane_class text not null, starts_at timestamptz not null,
      ends_at timestamptz not null, trucks_per_slot int not null, announced_at timestamptz not null, announced_by text not null
    )`.execute(db);
    await sql`create index partner_windows_gate on gate.partner_windows (gate, direction, lane_class, starts_at)`.execute(db);
    await sql`create table gate.reads (
      device_id text not null, read_id text not null, kind text not null, value text not null, at timestamptz not null,
      received_at timestamptz not null, result jsonb not null, primary key (device_id, read_id)
    )`.execute(db);
    await sql`create index reads_value on gate.reads (device_id, value, received_at)`.execute(db);
    await sql`create table gate.referrals (
      id text primary key, device_id text not null, read_id text not null, reason text not null, read_value text not null,
      candidates jsonb not null, created_at timestamptz not null, resolved_at timestamptz, resolution jsonb
    )`.execute(db);
    await sql`create sequence gate.receipt_seq`.execute(db);
  },
};
