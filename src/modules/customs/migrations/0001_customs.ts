import { sql, type Kysely, type Migration } from 'kysely';

/** Declarations with their versions and timeline, documents, release notices, tariff, rotation. */
export const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table customs.declarations (
      id text primary key,
      enterprise_id text not null,
      created_by text not null,
      version int not null,
      state text not null,
      content jsonb not null,
      type text,
      border_gate text,
      tractor_plate text,
      expected_arrival timestamptz,
      local_reference text,
      channel text check (channel in ('green', 'yellow', 'red')),
      risk_score int,
      risk_reasons jsonb not null default '[]',
      assessor text,
      assignee_id text,
      assignee_name text,
      documents_accepted boolean not null default false,
      inspection jsonb,
      decision_reason text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      submitted_at timestamptz,
      assessed_at timestamptz,
      released_at timestamptz,
      closed_at timestamptz
    )`.execute(db);
    await sql`create index declarations_enterprise on customs.declarations (enterprise_id, id)`.execute(db);
    await sql`create index declarations_worklist on customs.declarations (assignee_id, state) where closed_at is null`.execute(db);
    await sql`create index declarations_state on customs.declarations (state, id)`.execute(db);
    await sql`create index declarations_plate on customs.declarations (tractor_plate) where tractor_plate is not null`.execute(db);
    await sql`create table customs.declaration_versions (
      declaration_id text not null references customs.declarations (id),
      version int not null,
      content jsonb not null,
      duties jsonb not null,
      submitted_at timestamptz not null,
      submitted_by text not null,
      primary key (declaration_id, version)
    )`.execute(db);
    await sql`create table customs.timeline (
      declaration_id text not null references customs.declarations (id),
      seq int not null,
      at timestamptz not null,
      actor_id text not null,
      actor_name text not null,
      actor_role text not null,
      action text not null,
      from_state text,
      to_state text not null,
      details jsonb not null,
      primary key (declaration_id, seq)
    )`.execute(db);
    await sql`create index timeline_action on customs.timeline (action, at)`.execute(db);
    await sql`create table customs.document_blobs (
      sha256 text primary key,
      media_type text not null,
      size_bytes int not null,
      bytes bytea not null
    )`.execute(db);
    await sql`create table customs.documents (
      id text primary key,
      declaration_id text not null references customs.declarations (id),
      type text not null,
      filename text not null,
      media_type text not null,
      size_bytes int not null,
      sha256 text not null references customs.document_blobs (sha256),
      uploaded_by text not null,
      uploaded_at timestamptz not null
    )`.execute(db);
    await sql`create index documents_declaration on customs.documents (declaration_id, id)`.execute(db);
    await sql`create table customs.release_notices (
      declaration_id text primary key references customs.declarations (id),
      notice jsonb not null,
      signature text not null,
      qr text not null,
      key_id text not null,
      issued_at timestamptz not null
    )`.execute(db);
    await sql`create sequence customs.assignment_turn`.execute(db);
    await sql`create table customs.tariff_versions (
      id text primary key,
      effective_from date not null,
      loaded_at timestamptz not null,
      source text not null,
      sha256 text not null,
      line_count int not null
    )`.execute(db);
    await sql`create table customs.tariff_lines (
      version_id text not null references customs.tariff_versions (id),
      line text not null,
      description text not null,
      import_duty_rate numeric(8, 4) not null,
      vat_rate numeric(8, 4) not null,
      primary key (version_id, line)
    )`.execute(db);
    await sql`create table customs.hs_subheadings (
      code text primary key,
      description text not null
    )`.execute(db);
  },
};
