import { after, type TestContext } from 'node:test';
import { openDatabase, runMigrations, sql, type Database, type Db, type Tx } from '../../src/infra/db/index.ts';
import { auditMigrations } from '../../src/infra/audit/index.ts';
import { systemContext } from '../../src/infra/auth/index.ts';
import { systemClock } from '../../src/infra/clock/index.ts';
import { platformMigrations, UnitOfWork, type Consumer, type EventBus, type NewEvent } from '../../src/infra/events/index.ts';
import { createIdGenerator } from '../../src/infra/ids/index.ts';
import { createLogger } from '../../src/infra/log/index.ts';
import type { ModuleMigrations } from '../../src/infra/db/index.ts';
import { createScratchDatabase, type DbKind } from '../support/db.ts';
import { serviceOrSkip } from '../support/services.ts';

/** Migrations an events test needs: the outbox and the audit chain a unit of work writes to. */
export const eventOwners: ModuleMigrations[] = [platformMigrations, auditMigrations];

/** A logger that says nothing (failures are asserted, not read). */
export const quietLog = createLogger('silent');

/**
 * The table test consumers write to, one row per (consumer, event). A second delivery of the
 * same event bumps `deliveries` instead of failing, so a duplicate shows up as a number.
 */
export async function createReceivedTable(db: Db): Promise<void> {
  await sql`create schema if not exists events_test`.execute(db);
  await sql`create table if not exists events_test.received (
    seq bigserial primary key,
    consumer text not null,
    event_id text not null,
    type text not null,
    deliveries int not null default 1,
    unique (consumer, event_id)
  )`.execute(db);
}

/** Records one delivery of `event` to `consumer` in the delivery transaction. */
export async function recordDelivery(tx: Tx, consumer: string, event: { id: string; type: string }): Promise<void> {
  await sql`insert into events_test.received (consumer, event_id, type) values (${consumer}, ${event.id}, ${event.type})
    on conflict (consumer, event_id) do update set deliveries = events_test.received.deliveries + 1`.execute(tx);
}

/** A consumer that records every event it handles. */
export function recordingConsumer(name: string, types: readonly string[] | '*' = '*'): Consumer {
  return { name, types, handle: (event, tx) => recordDelivery(tx, name, event) };
}

/** The event ids a consumer recorded, in the order it received them. */
export async function receivedBy(db: Db, consumer: string): Promise<string[]> {
  const r = await sql<{ event_id: string }>`select event_id from events_test.received where consumer = ${consumer} order by seq`.execute(db);
  return r.rows.map((row) => row.event_id);
}

/** The highest number of times any one event was recorded by one consumer (1 means no duplicate). */
export async function maxDeliveries(db: Db): Promise<number> {
  const r = await sql<{ n: number | null }>`select max(deliveries) as n from events_test.received`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** Committed event ids in delivery order, optionally only some types. */
export async function committedEvents(db: Db, types?: readonly string[]): Promise<string[]> {
  const r = await sql<{ event_id: string; type: string }>`select event_id, type from platform.outbox order by txid, position`.execute(db);
  return r.rows.filter((row) => !types || types.includes(row.type)).map((row) => row.event_id);
}

/** A unit of work over the test database, notifying `bus` after each commit. */
export function unitOfWork(db: Db, bus: EventBus | null): UnitOfWork {
  return new UnitOfWork(db, bus, systemClock, createIdGenerator());
}

/** Commits one transaction that emits these events (with the audit record every change needs). */
export async function commitEvents(uow: UnitOfWork, events: Array<Pick<NewEvent, 'type' | 'subject'>>): Promise<void> {
  await uow.run(systemContext(), async (w) => {
    for (const e of events) w.emit({ ...e, data: { note: `${e.type} of ${e.subject}` } });
    w.audit({ action: 'test.events', targetType: 'test', targetId: events[0]?.subject ?? null, outcome: 'success', details: {} });
  });
}

/**
 * One migrated database per suite, emptied before each test: opening PGlite costs seconds, and
 * these tests only need the event tables to start empty. Call at describe level (it registers
 * the suite's cleanup); the returned function gives each test the database, or null when the
 * test was skipped for want of DATABASE_URL.
 */
export function sharedEventsDatabase(kind: DbKind): (t: TestContext) => Promise<Db | null> {
  let opened: Promise<{ database: Database; drop?: () => Promise<void> }> | null = null;
  after(async () => {
    if (!opened) return;
    const { database, drop } = await opened;
    await database.close();
    await drop?.();
  });
  return async (t) => {
    const base = kind === 'postgres' ? serviceOrSkip(t, 'DATABASE_URL') : null;
    if (kind === 'postgres' && !base) return null;
    opened ??= (async () => {
      const scratch = base ? await createScratchDatabase(base) : null;
      const database = await openDatabase(scratch ? { url: scratch.url } : { memory: true });
      await runMigrations(database.db, eventOwners);
      await createReceivedTable(database.db);
      return scratch ? { database, drop: scratch.drop } : { database };
    })();
    const { database } = await opened;
    await sql`truncate platform.outbox, platform.consumers, platform.processed_events, events_test.received restart identity`.execute(database.db);
    return database.db;
  };
}
