import { sql, type Kysely, type Migration } from 'kysely';

/** Projections of the site (trucks, declarations' channels, devices), KPI minutes, alerts and incidents. */
export const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table ioc.trucks (
      journey_id text primary key, plate text not null, direction text not null, lane_class text not null, stage text not null,
      declaration_id text, slot_start timestamptz, arrived_at timestamptz, stage_at timestamptz not null
    )`.execute(db);
    await sql`create index trucks_stage on ioc.trucks (stage)`.execute(db);
    await sql`create table ioc.declarations (declaration_id text primary key, channel text not null, updated_at timestamptz not null)`.execute(db);
    await sql`create table ioc.devices (device_id text primary key, kind text not null, last_seen timestamptz not null, state text)`.execute(db);
    await sql`create table ioc.clearances (journey_id text primary key, direction text not null, seconds double precision not null, at timestamptz not null)`.execute(db);
    await sql`create index clearances_at on ioc.clearances (at)`.execute(db);
    await sql`create table ioc.kpi_minutes (minute timestamptz not null, metric text not null, value double precision not null, primary key (minute, metric))`.execute(db);
    await sql`create table ioc.alerts (
      id text primary key, rule text not null, severity text not null, subject text not null, message text not null, state text not null,
      data jsonb not null, raised_at timestamptz not null, acknowledged_at timestamptz, acknowledged_by text, assignee text,
      escalation_level int not null default 0, escalated_at timestamptz, resolved_at timestamptz, updated_at timestamptz not null
    )`.execute(db);
    // At most one unresolved alert per rule and subject: a condition that persists does not flood the list.
    await sql`create unique index alerts_one_open on ioc.alerts (rule, subject) where state <> 'resolved'`.execute(db);
    await sql`create index alerts_state on ioc.alerts (state, raised_at)`.execute(db);
    await sql`create table ioc.incidents (
      id text primary key, title text not null, agency text not null, state text not null, alert_id text, opened_by text not null,
      opened_at timestamptz not null, resolved_at timestamptz, resolution text, updated_at timestamptz not null
    )`.execute(db);
    await sql`create table ioc.incident_notes (
      incident_id text not null, seq int not null, at timestamptz not null, author text not null, kind text not null, text text not null,
      primary key (incident_id, seq)
    )`.execute(db);
  },
};
