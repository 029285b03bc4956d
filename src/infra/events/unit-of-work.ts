import type { Clock } from '../clock/index.ts';
import type { Db, Tx } from '../db/index.ts';
import type { IdGenerator } from '../ids/index.ts';
import type { RequestContext } from '../auth/index.ts';
import { appendAudit, type AuditActor, type AuditEntry } from '../audit/index.ts';
import type { EventBus } from './bus.ts';
import { appendEvents, outboxInsertCte, type DomainEvent, type NewEvent } from './outbox.ts';

/** What a service gets inside a unit of work. */
export interface Write {
  tx: Tx;
  /** The instant of this unit of work, from the injected clock. */
  now: Date;
  /** Queues an event; it is written to the outbox in the same transaction. */
  emit(event: NewEvent): void;
  /**
   * Records the audit entry of one action; every unit of work records at least one, and one per
   * action when it carries several (e.g. a submission that is assessed and released at once).
   */
  audit(entry: AuditEntry): void;
}

/**
 * Runs a state change as one transaction that writes the state, its outbox events and its audit
 * records together; events are dispatched after the commit.
 */
export class UnitOfWork {
  constructor(
    private readonly db: Db,
    private readonly bus: EventBus | null,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Runs `fn` in a transaction; commits state + events + audit, or nothing at all. */
  async run<T>(ctx: RequestContext, fn: (w: Write) => Promise<T>): Promise<T> {
    const result = await this.db.transaction().execute(async (tx) => {
      const now = this.clock.now();
      const events: NewEvent[] = [];
      const entries: AuditEntry[] = [];
      const w: Write = { tx, now, emit: (e) => events.push(e), audit: (e) => entries.push(e) };
      const value = await fn(w);
      if (entries.length === 0) throw new Error('a state change must record an audit entry');
      const actor = ctx.actor;
      const who = {
        actorId: actor?.id ?? null,
        actorName: actor?.name ?? null,
        role: actor?.roles.join(',') ?? null,
        requestId: ctx.requestId,
        sourceIp: ctx.sourceIp,
      };
      await writeEventsAndAudit(tx, this.ids, now, events, entries, who);
      return { value, hadEvents: events.length > 0 };
    });
    if (result.hadEvents) this.bus?.notify();
    return result.value;
  }
}

/**
 * Runs a bus consumer's handling of `event` as a write inside the delivery transaction: what it
 * emits and audits is written with the consumer's checkpoint, audited as the system acting for
 * the consumer on behalf of the event. Unlike a unit of work it may record nothing.
 */
export async function writeInDelivery<T>(tx: Tx, o: { clock: Clock; ids: IdGenerator; consumer: string; event: DomainEvent }, fn: (w: Write) => Promise<T>): Promise<T> {
  const now = o.clock.now();
  const events: NewEvent[] = [];
  const entries: AuditEntry[] = [];
  const value = await fn({ tx, now, emit: (e) => events.push(e), audit: (e) => entries.push(e) });
  await writeEventsAndAudit(tx, o.ids, now, events, entries, { actorId: 'system', actorName: o.consumer, role: 'system', requestId: o.event.id, sourceIp: null });
  return value;
}

/**
 * Writes a write's outbox events and audit records. The records go last: the chain-head lock is
 * then held only until the commit. The outbox rows go in the same statement as the first
 * record (one round trip), or on their own when there is no record.
 */
async function writeEventsAndAudit(tx: Tx, ids: IdGenerator, now: Date, events: NewEvent[], entries: AuditEntry[], who: AuditActor): Promise<void> {
  const stamped = events.map((e) => ({ ...e, id: ids.next('evt'), occurredAt: now }));
  if (entries.length === 0) return appendEvents(tx, stamped);
  const outbox = outboxInsertCte(stamped);
  for (const [i, entry] of entries.entries()) await appendAudit(tx, who, entry, now, i === 0 ? outbox : null);
}
