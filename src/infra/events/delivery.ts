import { sql } from 'kysely';
import type { Db, Tx } from '../db/index.ts';
import type { DomainEvent } from './outbox.ts';
import { markProcessed } from './processed.ts';

/** A named, durable subscriber. Its checkpoint and processed-event ids live in the database. */
export interface Consumer {
  /** Stable name: the checkpoint is kept under it. */
  name: string;
  /** Event types it handles; others only move its checkpoint. `'*'` for all. */
  types: readonly string[] | '*';
  /** Handles one event inside the delivery transaction; whatever it writes commits with the checkpoint. */
  handle(event: DomainEvent, tx: Tx): Promise<void>;
}

/** A place in the delivery order: transaction id, then outbox position within it. */
export interface OutboxPoint {
  txid: string;
  position: string;
}

interface OutboxRow extends OutboxPoint {
  event_id: string;
  type: string;
  subject: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/** True when the consumer wants events of this type. */
export function handles(consumer: Pick<Consumer, 'types'>, type: string): boolean {
  return consumer.types === '*' || consumer.types.includes(type);
}

/** Makes sure each consumer has a checkpoint row (at the very beginning for a new one). */
export async function registerConsumers(db: Db, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await sql`insert into platform.consumers (name) values (${name}) on conflict (name) do nothing`.execute(db);
  }
}

/**
 * Delivers up to `limit` events past the consumer's checkpoint in one transaction and moves the
 * checkpoint with them. Returns how many outbox rows it passed, or `'busy'` when another
 * delivery to this consumer holds the checkpoint and `wait` is false.
 */
export async function deliverBatch(db: Db, consumer: Consumer, limit: number, wait: boolean): Promise<number | 'busy'> {
  return db.transaction().execute(async (tx) => {
    // The checkpoint row lock makes one delivery per consumer at a time across processes. The
    // background loop skips a locked row (someone else is on it); drain waits for it, because
    // "someone else is delivering" is not "caught up".
    const cp = wait
      ? await sql<OutboxPoint>`select last_txid::text as txid, last_position::text as position
          from platform.consumers where name = ${consumer.name} for update`.execute(tx)
      : await sql<OutboxPoint>`select last_txid::text as txid, last_position::text as position
          from platform.consumers where name = ${consumer.name} for update skip locked`.execute(tx);
    const checkpoint = cp.rows[0];
    if (!checkpoint) return 'busy';
    // Only transactions older than every running one are final: none of them can still add an
    // event before the checkpoint, so moving past them never skips a slow commit. ORDER BY names
    // the table's columns: the bare names would mean the text aliases and sort '10' before '9'.
    const rows = await sql<OutboxRow>`
      select o.position::text as position, o.txid::text as txid, o.event_id, o.type, o.subject, o.occurred_at, o.data
      from platform.outbox o
      where o.txid < pg_snapshot_xmin(pg_current_snapshot())
        and (o.txid, o.position) > (${checkpoint.txid}::xid8, ${checkpoint.position}::bigint)
      order by o.txid, o.position
      limit ${limit}`.execute(tx);
    if (rows.rows.length === 0) return 0;
    for (const row of rows.rows) {
      if (!handles(consumer, row.type)) continue;
      if (!(await markProcessed(tx, consumer.name, row.event_id))) continue;
      await consumer.handle(toEvent(row), tx);
    }
    const last = rows.rows[rows.rows.length - 1]!;
    await sql`update platform.consumers set last_txid = ${last.txid}::xid8, last_position = ${last.position}::bigint, updated_at = now()
      where name = ${consumer.name}`.execute(tx);
    return rows.rows.length;
  });
}

/** The newest committed outbox event visible now, or null when the outbox is empty. */
export async function latestCommitted(db: Db): Promise<OutboxPoint | null> {
  const r = await sql<OutboxPoint>`select o.txid::text as txid, o.position::text as position
    from platform.outbox o order by o.txid desc, o.position desc limit 1`.execute(db);
  return r.rows[0] ?? null;
}

/** The consumers (of those named) whose checkpoint is still before `point`. */
export async function consumersBehind(db: Db, names: readonly string[], point: OutboxPoint): Promise<string[]> {
  if (names.length === 0) return [];
  const r = await sql<{ name: string }>`select name from platform.consumers
    where name in (${sql.join([...names])})
      and (last_txid, last_position) < (${point.txid}::xid8, ${point.position}::bigint)
    order by name`.execute(db);
  return r.rows.map((row) => row.name);
}

function toEvent(row: OutboxRow): DomainEvent {
  return {
    id: row.event_id,
    position: row.position,
    txid: row.txid,
    type: row.type,
    subject: row.subject,
    occurredAt: new Date(row.occurred_at).toISOString(),
    data: row.data,
  };
}

/** What a pruning pass removed. */
export interface PruneResult {
  outbox: number;
  processed: number;
}

/**
 * Removes what delivery no longer needs, older than `before`: outbox rows that every one of
 * `consumers` has passed (a row some consumer has not reached yet stays, however old), and
 * processed-event marks. Nothing is pruned from the outbox while one of the consumers has no
 * checkpoint yet, since a new consumer starts at the beginning of the outbox.
 */
export async function pruneDelivered(db: Db, consumers: readonly string[], before: Date): Promise<PruneResult> {
  const processed = await sql`delete from platform.processed_events where processed_at < ${before}`.execute(db);
  if (consumers.length === 0) return { outbox: 0, processed: Number(processed.numAffectedRows ?? 0) };
  const names = sql.join(consumers.map((n) => sql`${n}`));
  const known = await sql<{ n: string }>`select count(*)::text as n from platform.consumers where name in (${names})`.execute(db);
  if (Number(known.rows[0]?.n ?? 0) < consumers.length) return { outbox: 0, processed: Number(processed.numAffectedRows ?? 0) };
  const outbox = await sql`delete from platform.outbox o
    where o.occurred_at < ${before}
      and not exists (select 1 from platform.consumers c
        where c.name in (${names}) and (o.txid, o.position) > (c.last_txid, c.last_position))`.execute(db);
  return { outbox: Number(outbox.numAffectedRows ?? 0), processed: Number(processed.numAffectedRows ?? 0) };
}
