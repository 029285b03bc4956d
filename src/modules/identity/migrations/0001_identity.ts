import { sql, type Kysely, type Migration } from 'kysely';

/** Enterprises, users, sessions, API keys and devices. */
export const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table identity.enterprises (
      id text primary key,
      tax_code text not null unique,
      name text not null,
      country text not null check (country in ('VN', 'CN')),
      created_at timestamptz not null
    )`.execute(db);
    await sql`create table identity.users (
      id text primary key,
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      roles text[] not null,
      enterprise_id text references identity.enterprises (id),
      active boolean not null default true,
      failed_attempts int not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create table identity.sessions (
      id text primary key,
      token_hash text not null unique,
      user_id text not null references identity.users (id),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);
    await sql`create index sessions_user on identity.sessions (user_id)`.execute(db);
    await sql`create table identity.api_keys (
      id text primary key,
      name text not null,
      key_hash text not null unique,
      roles text[] not null,
      enterprise_id text references identity.enterprises (id),
      created_by text not null,
      created_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);
    await sql`create table identity.devices (
      id text primary key,
      kind text not null,
      site_id text not null,
      name text not null,
      secret_hash text not null,
      active boolean not null default true,
      created_at timestamptz not null
    )`.execute(db);
  },
};
