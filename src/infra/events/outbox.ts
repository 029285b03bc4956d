import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../db/index.ts';

/** An event as a service states it: what happened to which subject, with the data consumers need. */
export interface NewEvent<T = Record<string, unknown>> {
  /** `noun.verb`, e.g. `declaration.submitted`. */
  type: string;
  /** The id of the record the event is about. */
  subject: string;
  data: T;
}

/** A committed event as consumers receive it. */
export interface DomainEvent<T = Record<string, unknown>> extends NewEvent<T> {
  id: string;
  position: string;
  txid: string;
  occurredAt: string;
}

// `noun.verb` with dot-separated tokens that are also valid NATS subject tokens, because the
// type becomes part of the JetStream subject. Checked before the write: a bad name found after
// commit would block every consumer at that event.
const EVENT_TYPE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;

/** True when `type` is a well-formed event type (`noun.verb`, letters, digits, `_` and `-`). */
export function isEventType(type: string): boolean {
  return EVENT_TYPE.test(type);
}

/**
 * The outbox insert of `events` as a data-modifying CTE (`outbox_rows as (insert …)`), for a
 * caller that writes the events in the same statement as something else (the unit of work's
 * audit record: one round trip instead of two). Null when there are none.
 */
export function outboxInsertCte(events: Array<NewEvent & { id: string; occurredAt: Date }>): RawBuilder<unknown> | null {
  if (events.length === 0) return null;
  for (const e of events) {
    if (!isEventType(e.type)) throw new Error(`event type "${e.type}" is not noun.verb (letters, digits, _ and - between dots)`);
  }
  const rows = events.map((e) => sql`(${e.id}, ${e.type}, ${e.subject}, ${e.occurredAt.toISOString()}::timestamptz, ${JSON.stringify(e.data)}::jsonb)`);
  return sql`outbox_rows as (insert into platform.outbox (event_id, type, subject, occurred_at, data) values ${sql.join(rows)} returning 1)`;
}

/** Writes events to the outbox inside the caller's transaction. */
export async function appendEvents(tx: Tx, events: Array<NewEvent & { id: string; occurredAt: Date }>): Promise<void> {
  const insert = outboxInsertCte(events);
  if (insert) await sql`with ${insert} select 1`.execute(tx);
}
