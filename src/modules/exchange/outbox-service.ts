import type { RequestContext } from '../../infra/auth/index.ts';
import type { AuditEntry } from '../../infra/audit/index.ts';
import type { Db, Tx } from '../../infra/db/index.ts';
import type { NewEvent, UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { exchangeError } from './errors.ts';
import { CURRENT_VERSION, type Envelope, type MessageType } from './messages.ts';
import { contentSha256, type Partner } from './model.ts';
import { outbox, type OutgoingMessage } from './store/outbox.ts';
import { partners } from './store/partners.ts';
import { checkPayload } from './validate.ts';

/** A message to send: to whom, what, about which consignment. */
export interface MessageDraft {
  to: string;
  type: MessageType;
  consignmentRef: string;
  payload: unknown;
}

/** The parts of a unit of work the outbox writes through (a service's `Write`, or a consumer's delivery transaction). */
export interface OutboxWrite {
  tx: Tx;
  now: Date;
  emit(e: NewEvent): void;
  audit(a: AuditEntry): void;
}

/**
 * The durable outbox: a message is checked against its schema and the partner agreement, given
 * the partner's next sequence and a link to the previous message about the same consignment,
 * and stored in the caller's transaction. The sender loop delivers it from there.
 */
export class OutboxService {
  /** Called after messages were committed (wakes the sender). */
  onQueued: () => void = () => undefined;

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly siteId: string,
  ) {}

  /** Queues messages in one transaction (audited); returns their envelopes. */
  async send(ctx: RequestContext, drafts: readonly MessageDraft[]): Promise<Envelope[]> {
    const out = await this.uow.run(ctx, (w) => this.enqueue(w, drafts));
    this.onQueued();
    return out;
  }

  /** Queues messages inside the caller's transaction (one audit record for the lot). */
  async enqueue(w: OutboxWrite, drafts: readonly MessageDraft[]): Promise<Envelope[]> {
    const known = new Map<string, Partner>();
    for (const [i, d] of drafts.entries()) {
      const p = known.get(d.to) ?? (await partners.byId(w.tx, d.to));
      if (!p) throw exchangeError('EXCHANGE_PARTNER_NOT_FOUND', `No partner ${d.to}`, [{ pointer: `/${i}/to`, code: 'UNKNOWN_PARTNER', message: 'is not a configured partner' }]);
      known.set(p.id, p);
      if (!p.receives.includes(d.type)) throw exchangeError('EXCHANGE_TYPE_NOT_ALLOWED', `${p.id} does not take ${d.type} messages`, [{ pointer: `/${i}/type`, code: 'TYPE_NOT_AGREED', message: `agreed types: ${p.receives.join(', ')}` }]);
      const problems = checkPayload(d.type, CURRENT_VERSION, d.payload, drafts.length > 1 ? `/${i}/payload` : '/payload');
      if (problems.length) throw exchangeError('EXCHANGE_SCHEMA_INVALID', `The ${d.type} payload has ${problems.length} problem(s)`, problems);
    }
    // Sequences are taken per partner under its row lock; the previous message about the same
    // consignment is looked up once per consignment and then followed in memory.
    const next = new Map<string, number>();
    for (const p of known.values()) next.set(p.id, await partners.takeSequences(w.tx, p.id, drafts.filter((d) => d.to === p.id).length));
    const last = new Map<string, number | null>();
    const out: Envelope[] = [];
    for (const d of drafts) {
      const sequence = next.get(d.to)!;
      next.set(d.to, sequence + 1);
      const key = `${d.to}\u0000${d.consignmentRef}`;
      const previousSequence = last.has(key) ? last.get(key)! : await outbox.lastSequence(w.tx, d.to, d.consignmentRef);
      last.set(key, sequence);
      out.push({
        id: this.ids.next('msg'), type: d.type, version: CURRENT_VERSION, from: this.siteId, to: d.to, sequence, previousSequence,
        consignmentRef: d.consignmentRef, createdAt: w.now.toISOString(), payload: d.payload,
      });
    }
    for (let i = 0; i < out.length; i += 200) await outbox.insert(w.tx, out.slice(i, i + 200).map((m) => ({ m, sha: contentSha256(m) })), w.now);
    w.audit({
      action: 'exchange.message_queue', targetType: 'exchange_message', targetId: out.length === 1 ? out[0]!.id : null,
      details: { messages: out.map((m) => ({ id: m.id, to: m.to, type: m.type, sequence: m.sequence, consignmentRef: m.consignmentRef })) },
    });
    return out;
  }

  /** Puts a dead-lettered message back in line (admin), with its attempts reset. */
  async retryDeadLetter(ctx: RequestContext, id: string): Promise<OutgoingMessage> {
    const m = await this.uow.run(ctx, async (w) => {
      const m = await outbox.byId(w.tx, id, true);
      if (!m) throw exchangeError('EXCHANGE_MESSAGE_NOT_FOUND', `No outgoing message ${id}`);
      if (m.state !== 'dead') throw exchangeError('EXCHANGE_NOT_DEAD_LETTERED', `Message ${id} is ${m.state}`);
      await outbox.revive(w.tx, id, w.now);
      w.emit({ type: 'exchange.message_retried', subject: id, data: { messageId: id, partner: m.partnerId, type: m.message.type } });
      w.audit({ action: 'exchange.dead_letter_retry', targetType: 'exchange_message', targetId: id, details: { partner: m.partnerId, attempts: m.attempts, lastError: m.lastError } });
      return m;
    });
    this.onQueued();
    return (await outbox.byId(this.db, m.id))!;
  }
}
