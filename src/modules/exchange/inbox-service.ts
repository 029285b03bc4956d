import { systemContext, type RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { FieldProblem } from '../../infra/errors/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import { exchangeError, type ExchangeErrorCode } from './errors.ts';
import type { KeyRing } from './keys.ts';
import type { Envelope, SignedAck, SignedMessage } from './messages.ts';
import { contentSha256, signAck, signatureProblem, windowProblem, type Partner, type TimeWindow } from './model.ts';
import type { PartnerService } from './partner-service.ts';
import { inbox } from './store/inbox.ts';
import { checkEnvelope, checkWire } from './validate.ts';

/** Why a message was refused: a catalogued code, a reason, and the fields at fault. */
export interface Refusal {
  code: ExchangeErrorCode;
  detail: string;
  errors?: FieldProblem[];
}

/** The answer for one message: its signed acknowledgement (again, for a duplicate) or the refusal. */
export type InboxResult = { messageId: string | null; ack: SignedAck; duplicate: boolean } | { messageId: string | null; refusal: Refusal };

type Verified = { partner: Partner; message: Envelope; keyId: string; sha: string };

/**
 * The inbox. Every message is checked in this order before anything about it is stored: shape,
 * sender is a partner, addressed to us, signature by a key valid now, envelope and payload
 * schema, type agreed, time window, then id and sequence against what is stored (a duplicate is
 * answered with the same acknowledgement; other content under a used id or sequence is a
 * replay). A refusal stores nothing but its audit record.
 */
export class InboxService {
  /** Called after messages were stored (wakes the processor). */
  onReceived: () => void = () => undefined;

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly siteId: string,
    private readonly keys: KeyRing,
    private readonly partners: PartnerService,
    private readonly window: TimeWindow,
    private readonly log: Logger,
  ) {}

  /** Receives one message: its acknowledgement, or throws the refusal as a problem. */
  async receive(ctx: RequestContext, body: unknown): Promise<{ ack: SignedAck; duplicate: boolean }> {
    const [r] = await this.receiveBatch(ctx, [body]);
    if ('refusal' in r!) throw exchangeError(r.refusal.code, r.refusal.detail, r.refusal.errors);
    return { ack: r!.ack, duplicate: r!.duplicate };
  }

  /** Receives a batch: one result per message, in order. */
  async receiveBatch(ctx: RequestContext, bodies: readonly unknown[]): Promise<InboxResult[]> {
    const checked: Array<Verified | Refusal> = [];
    for (const b of bodies) checked.push(await this.#verify(b));
    const results: InboxResult[] = new Array(bodies.length);
    const refusals: Array<{ i: number; r: Refusal }> = [];
    const accepted: Array<{ i: number; v: Verified }> = [];
    checked.forEach((c, i) => ('code' in c ? refusals.push({ i, r: c }) : accepted.push({ i, v: c })));
    let stored = 0;
    if (accepted.length) {
      await this.uow.run(ctx, async (w) => {
        const before = await inbox.existing(w.tx, accepted.map(({ v }) => ({ id: v.message.id, partnerId: v.partner.id, sequence: v.message.sequence })));
        const byId = new Map(before.map((m) => [m.id, m]));
        const bySeq = new Map(before.map((m) => [`${m.partnerId}#${m.message.sequence}`, m]));
        const fresh: Array<{ i: number; v: Verified; ack: SignedAck }> = [];
        const seen = new Set<string>();
        for (const { i, v } of accepted) {
          const m = v.message;
          const same = byId.get(m.id) ?? bySeq.get(`${v.partner.id}#${m.sequence}`);
          if (same) {
            if (same.id === m.id && same.contentSha256 === v.sha) results[i] = { messageId: m.id, ack: same.ack, duplicate: true };
            else refusals.push({ i, r: { code: 'EXCHANGE_MESSAGE_REPLAYED', detail: same.id === m.id ? `message ${m.id} was received before with other content` : `sequence ${m.sequence} from ${m.from} is message ${same.id}` } });
            continue;
          }
          if (seen.has(m.id) || seen.has(`${v.partner.id}#${m.sequence}`)) {
            refusals.push({ i, r: { code: 'EXCHANGE_MESSAGE_REPLAYED', detail: `message ${m.id} or sequence ${m.sequence} is twice in the batch` } });
            continue;
          }
          seen.add(m.id).add(`${v.partner.id}#${m.sequence}`);
          const ack = signAck({ messageId: m.id, from: this.siteId, to: m.from, status: 'received', receivedAt: w.now.toISOString(), contentSha256: v.sha }, this.keys.current());
          fresh.push({ i, v, ack });
        }
        const inserted = await inbox.insert(w.tx, fresh.map(({ v, ack }) => ({ m: v.message, sha: v.sha, keyId: v.keyId, ack })), w.now);
        for (const { i, v, ack } of fresh) {
          const m = v.message;
          if (!inserted.has(m.id)) {
            refusals.push({ i, r: { code: 'EXCHANGE_MESSAGE_REPLAYED', detail: `message ${m.id} or sequence ${m.sequence} arrived twice at once; send again` } });
            continue;
          }
          stored++;
          results[i] = { messageId: m.id, ack, duplicate: false };
          w.emit({ type: 'exchange.message_received', subject: m.id, data: { messageId: m.id, partner: m.from, type: m.type, sequence: m.sequence, consignmentRef: m.consignmentRef, contentSha256: v.sha } });
        }
        w.audit({
          action: 'exchange.message_receive', targetType: 'exchange_message', targetId: fresh.length === 1 ? fresh[0]!.v.message.id : null,
          details: { stored: fresh.filter((f) => inserted.has(f.v.message.id)).map((f) => ({ id: f.v.message.id, from: f.v.partner.id, type: f.v.message.type, sequence: f.v.message.sequence, keyId: f.v.keyId })), duplicates: accepted.length - fresh.length },
        });
      });
    }
    if (refusals.length) await this.#refuse(ctx, bodies, refusals);
    for (const { i, r } of refusals) results[i] = { messageId: messageIdOf(bodies[i]), refusal: r };
    if (stored) this.onReceived();
    return results;
  }

  async #verify(body: unknown): Promise<Verified | Refusal> {
    const shape = checkWire(body);
    if (shape.length) return { code: 'EXCHANGE_MESSAGE_MALFORMED', detail: 'not a signed message', errors: shape };
    const s = body as SignedMessage;
    const raw = s.message as unknown as Record<string, unknown> | null;
    const from = raw && typeof raw === 'object' ? raw.from : undefined;
    if (typeof from !== 'string') return { code: 'EXCHANGE_MESSAGE_MALFORMED', detail: 'the message names no sender', errors: [{ pointer: '/message/from', code: 'FIELD_REQUIRED', message: 'is required' }] };
    let partner = await this.partners.get(from);
    if (!partner) return { code: 'EXCHANGE_PARTNER_UNKNOWN', detail: `${from} is not a partner of ${this.siteId}` };
    if (raw!.to !== this.siteId) return { code: 'EXCHANGE_NOT_ADDRESSED_HERE', detail: `the message is for ${String(raw!.to)}, this is ${this.siteId}` };
    const now = this.clock.now();
    let sig = signatureProblem(partner.keys, s.keyId, s.message, s.signature, now);
    if (sig === 'key_unknown' && this.partners.mayRefresh(partner.id, 10_000)) {
      // A partner that rotated its key publishes the new one signed by the old: learn it once.
      partner = await this.partners.refreshKeys(systemContext(), partner.id).catch(() => partner!);
      sig = signatureProblem(partner.keys, s.keyId, s.message, s.signature, now);
    }
    if (sig === 'key_unknown') return { code: 'EXCHANGE_KEY_UNKNOWN', detail: `${from} has no key ${s.keyId}` };
    if (sig === 'key_expired') return { code: 'EXCHANGE_KEY_EXPIRED', detail: `key ${s.keyId} of ${from} is outside its validity` };
    if (sig === 'bad_signature') return { code: 'EXCHANGE_SIGNATURE_INVALID', detail: `the signature does not verify with key ${s.keyId} of ${from}` };
    const schema = checkEnvelope(s.message);
    if (schema.length) return { code: 'EXCHANGE_SCHEMA_INVALID', detail: `the message has ${schema.length} schema problem(s)`, errors: schema };
    const m = s.message;
    if (!partner.sends.includes(m.type)) return { code: 'EXCHANGE_TYPE_NOT_ALLOWED', detail: `${from} may not send ${m.type} messages` };
    const late = windowProblem(m.createdAt, now, this.window);
    if (late) return { code: 'EXCHANGE_OUT_OF_WINDOW', detail: late };
    return { partner, message: m, keyId: s.keyId, sha: contentSha256(m) };
  }

  async #refuse(ctx: RequestContext, bodies: readonly unknown[], refusals: Array<{ i: number; r: Refusal }>): Promise<void> {
    await this.uow.run(ctx, async (w) => {
      for (const { i, r } of refusals) {
        const from = fromOf(bodies[i]);
        w.audit({ action: 'exchange.message_refuse', targetType: 'exchange_message', targetId: messageIdOf(bodies[i]), outcome: 'denied', details: { code: r.code, detail: r.detail, from } });
        this.log.warn({ code: r.code, from, messageId: messageIdOf(bodies[i]), detail: r.detail }, 'partner message refused');
      }
    });
  }

  /** Received messages, for the read APIs and the reconciliation. */
  list(q: { partnerId?: string; state?: string; consignmentRef?: string; limit: number }) {
    return inbox.list(this.db, q);
  }
}

function messageIdOf(body: unknown): string | null {
  const id = (body as { message?: { id?: unknown } } | null)?.message?.id;
  return typeof id === 'string' ? id.slice(0, 100) : null;
}

function fromOf(body: unknown): string | null {
  const f = (body as { message?: { from?: unknown } } | null)?.message?.from;
  return typeof f === 'string' ? f.slice(0, 100) : null;
}
