import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Rule-set versions, the model registry, calibrations, assessments with their inputs, the
 * history they are computed from (unit values, key counters, inspection labels) and the
 * partner's export data.
 */
export const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table risk.rule_sets (
      id text primary key,
      version int not null unique,
      effective_from timestamptz not null,
      published_at timestamptz not null,
      published_by_id text not null,
      published_by_name text not null,
      note text not null,
      config jsonb not null
    )`.execute(db);
    await sql`create table risk.models (
      id text primary key,
      version int not null unique,
      format text not null,
      feature_set text not null,
      source text not null check (source in ('trained', 'imported')),
      status text not null check (status in ('candidate', 'active', 'retired')),
      created_at timestamptz not null,
      created_by_id text not null,
      created_by_name text not null,
      note text not null,
      metrics jsonb not null,
      sha256 text not null,
      body text not null,
      activated_at timestamptz,
      activated_by text
    )`.execute(db);
    // At most one active model, whatever two supervisors do at once.
    await sql`create unique index models_one_active on risk.models (status) where status = 'active'`.execute(db);
    await sql`create table risk.calibrations (
      id text primary key,
      created_at timestamptz not null,
      created_by_id text not null,
      created_by_name text not null,
      rule_set_id text not null,
      model_id text,
      targets jsonb not null,
      thresholds jsonb not null,
      achieved jsonb not null,
      rows int not null,
      window_from timestamptz not null,
      window_to timestamptz not null,
      notes jsonb not null
    )`.execute(db);
    await sql`create index calibrations_model on risk.calibrations (model_id, created_at)`.execute(db);
    await sql`create table risk.assessments (
      id text primary key,
      declaration_id text not null,
      declaration_version int not null,
      assessed_at timestamptz not null,
      importer_tax_id text not null,
      rule_set_id text not null,
      model_id text,
      calibration_id text,
      score double precision not null,
      channel text not null check (channel in ('green', 'yellow', 'red')),
      input jsonb not null,
      result jsonb not null,
      result_sha256 text not null,
      keys jsonb not null,
      applied boolean not null default false
    )`.execute(db);
    await sql`create index assessments_declaration on risk.assessments (declaration_id, declaration_version, assessed_at)`.execute(db);
    await sql`create index assessments_importer on risk.assessments (importer_tax_id, assessed_at)`.execute(db);
    await sql`create index assessments_time on risk.assessments (assessed_at)`.execute(db);
    await sql`create table risk.item_values (
      assessment_id text not null,
      declaration_id text not null,
      hs8 text not null,
      hs6 text not null,
      origin text not null,
      measure text not null,
      log_value double precision not null,
      assessed_at timestamptz not null,
      excluded boolean not null default false
    )`.execute(db);
    await sql`create index item_values_hs8 on risk.item_values (hs8, origin, measure, assessed_at)`.execute(db);
    await sql`create index item_values_hs6 on risk.item_values (hs6, origin, measure, assessed_at)`.execute(db);
    await sql`create index item_values_declaration on risk.item_values (declaration_id)`.execute(db);
    await sql`create table risk.key_stats (
      key text primary key,
      declarations int not null default 0,
      inspections int not null default 0,
      hits int not null default 0
    )`.execute(db);
    await sql`create table risk.labels (
      declaration_id text not null,
      declaration_version int not null,
      outcome text not null check (outcome in ('compliant', 'discrepancy')),
      label smallint not null,
      inspected_at timestamptz not null,
      assessment_id text,
      event_id text not null,
      primary key (declaration_id, declaration_version)
    )`.execute(db);
    await sql`create table risk.partner_exports (
      consignment_ref text primary key,
      received_at timestamptz not null,
      source text not null,
      record jsonb not null
    )`.execute(db);
    await sql`create table risk.partner_keys (
      key text not null,
      consignment_ref text not null references risk.partner_exports (consignment_ref) on delete cascade,
      primary key (key, consignment_ref)
    )`.execute(db);
  },
};
