import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The log (head, entries, tree nodes), its checkpoints and the cosignatures they collected, and
 * the witness's view of peer logs (their checkpoints it cosigned, and forks it found).
 */
export const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    // One row: the tree size and its right edge. Appenders lock it, which orders every append.
    await sql`create table ledger.head (
      id smallint primary key check (id = 1),
      size bigint not null,
      frontier bytea not null
    )`.execute(db);
    await sql`insert into ledger.head (id, size, frontier) values (1, 0, ''::bytea)`.execute(db);
    await sql`create table ledger.entries (
      idx bigint primary key,
      source_id text not null unique,
      type text not null,
      subject text not null,
      occurred_at text not null,
      content_sha256 text not null,
      appended_at timestamptz not null
    )`.execute(db);
    await sql`create index entries_subject on ledger.entries (subject)`.execute(db);
    // Every complete subtree's hash: level 0 are the leaf hashes; node (level, idx) covers the
    // leaves [idx·2^level, (idx+1)·2^level). Written once, when its last leaf is appended.
    await sql`create table ledger.nodes (
      level smallint not null,
      idx bigint not null,
      hash bytea not null,
      primary key (level, idx)
    )`.execute(db);
    await sql`create table ledger.checkpoints (
      size bigint primary key,
      root_hash bytea not null,
      note text not null,
      issued_at timestamptz not null
    )`.execute(db);
    await sql`create table ledger.cosignatures (
      size bigint not null references ledger.checkpoints (size),
      cosigner text not null,
      key_id text not null,
      signed_at bigint not null,
      line text not null,
      received_at timestamptz not null,
      primary key (size, cosigner, key_id)
    )`.execute(db);
    // The largest checkpoint cosigned per peer log (the row witnesses lock), and every one cosigned.
    await sql`create table ledger.peers (
      origin text primary key,
      size bigint not null,
      root_hash bytea not null,
      note text not null,
      seen_at timestamptz not null
    )`.execute(db);
    await sql`create table ledger.peer_checkpoints (
      origin text not null references ledger.peers (origin),
      size bigint not null,
      root_hash bytea not null,
      note text not null,
      seen_at timestamptz not null,
      primary key (origin, size)
    )`.execute(db);
    await sql`create table ledger.forks (
      id text primary key,
      origin text not null,
      reason text not null,
      detail text not null,
      known_note text,
      offending_note text not null,
      proof text[] not null,
      detected_at timestamptz not null
    )`.execute(db);
  },
};
