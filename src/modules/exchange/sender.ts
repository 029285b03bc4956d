import { systemContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import type { Rng } from '../../infra/random/index.ts';
import type { KeyRing } from './keys.ts';
import type { SignedAck } from './messages.ts';
import { backoffMs, signatureProblem, signMessage, type Partner, type RetryPolicy } from './model.ts';
import type { PartnerService } from './partner-service.ts';
import { outbox, type OutgoingMessage } from './store/outbox.ts';
import type { PartnerTransport } from './transport.ts';

/** Sender tuning. */
export interface SenderSettings extends RetryPolicy {
  /** Most messages per request. */
  batchSize: number;
  /** Longest idle wait before looking again, in ms. */
  pollMs: number;
}

type Outcome = { ok: true; ack: SignedAck } | { ok: false; error: string };

/**
 * The sender loop: per partner, the due pending messages in sequence order, signed with our
 * current key and POSTed in batches; each signed acknowledgement that verifies marks its message
 * acknowledged, each failure schedules a retry (exponential backoff with seeded jitter) or, after
 * `maxAttempts`, dead-letters the message with an `exchange.message_dead_lettered` event.
 * One batch per partner is in flight at a time; the receiver orders per consignment.
 */
export class Sender {
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  #chain: Promise<unknown> = Promise.resolve();
  #wake: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly keys: KeyRing,
    private readonly partners: PartnerService,
    private readonly transport: PartnerTransport,
    private readonly settings: SenderSettings,
    private readonly log: Logger,
  ) {}

  /** Starts the loop. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#loop();
  }

  /** Stops the loop after the batch in flight. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    if (this.#timer) clearTimeout(this.#timer);
    await this.#chain.catch(() => undefined);
  }

  /** Looks for due messages now. */
  notify(): void {
    this.#wake?.();
  }

  /** Sends everything due now, batch after batch, until nothing is due (tests and the CLI). Returns how many messages were tried. */
  flush(): Promise<number> {
    const run = this.#chain.then(() => this.#pass());
    this.#chain = run.catch(() => undefined);
    return run;
  }

  async #loop(): Promise<void> {
    while (this.#running) {
      try {
        await this.flush();
      } catch (err) {
        this.log.error({ err }, 'exchange sender pass failed');
      }
      if (!this.#running) break;
      const wait = await this.#idleMs().catch(() => this.settings.pollMs);
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        this.#timer = setTimeout(resolve, wait);
      });
      this.#wake = null;
    }
  }

  async #idleMs(): Promise<number> {
    let soonest = this.settings.pollMs;
    const now = this.clock.now().getTime();
    for (const p of await this.partners.list()) {
      const due = await outbox.nextDue(this.db, p.id);
      if (due) soonest = Math.min(soonest, Math.max(5, due.getTime() - now));
    }
    return soonest;
  }

  async #pass(): Promise<number> {
    let tried = 0;
    for (const p of await this.partners.list()) {
      for (;;) {
        const due = await outbox.due(this.db, p.id, this.clock.now(), this.settings.batchSize);
        if (due.length === 0) break;
        tried += due.length;
        const settled = await this.#deliver(p, due);
        if (settled === 0) break; // all failed: their retries are scheduled
      }
    }
    return tried;
  }

  /** Sends one batch and records every outcome; returns how many were acknowledged. */
  async #deliver(p: Partner, batch: OutgoingMessage[]): Promise<number> {
    const key = this.keys.current();
    const signed = batch.map((m) => signMessage(m.message, key));
    let outcomes: Outcome[];
    try {
      const reply = await this.transport.deliver(p, signed);
      outcomes = await this.#read(p, batch, reply.status, reply.body);
    } catch (err) {
      const error = `network: ${(err as Error).message}`;
      outcomes = batch.map(() => ({ ok: false, error }));
    }
    return this.#record(p, batch, outcomes);
  }

  async #read(p: Partner, batch: OutgoingMessage[], status: number, body: unknown): Promise<Outcome[]> {
    const results = status === 200 && body && typeof body === 'object' ? (body as { results?: unknown }).results : undefined;
    if (!Array.isArray(results)) {
      const code = body && typeof body === 'object' ? String((body as { code?: unknown }).code ?? '') : '';
      return batch.map(() => ({ ok: false, error: `http ${status}${code ? ` ${code}` : ''}` }));
    }
    const byId = new Map(results.map((r: { messageId?: string }) => [String(r?.messageId), r as { ack?: SignedAck; problem?: { code?: string; detail?: string } }]));
    let refreshed = false;
    const out: Outcome[] = [];
    for (const m of batch) {
      const r = byId.get(m.id);
      if (!r) {
        out.push({ ok: false, error: 'no result for the message' });
        continue;
      }
      if (!r.ack) {
        out.push({ ok: false, error: `refused ${r.problem?.code ?? ''}: ${r.problem?.detail ?? ''}`.trim() });
        continue;
      }
      let problem = this.#ackProblem(p, m, r.ack);
      if (problem === 'key_unknown' && !refreshed && this.partners.mayRefresh(p.id, 10_000)) {
        refreshed = true;
        p = await this.partners.refreshKeys(systemContext(), p.id).catch(() => p);
        problem = this.#ackProblem(p, m, r.ack);
      }
      out.push(problem ? { ok: false, error: `acknowledgement ${problem}` } : { ok: true, ack: r.ack });
    }
    return out;
  }

  #ackProblem(p: Partner, m: OutgoingMessage, a: SignedAck): string | null {
    const ack = a?.ack;
    if (!ack || ack.messageId !== m.id || ack.contentSha256 !== m.contentSha256 || ack.from !== p.id || ack.to !== m.message.from) return 'does_not_match';
    return signatureProblem(p.keys, String(a.keyId), ack, String(a.signature), this.clock.now());
  }

  async #record(p: Partner, batch: OutgoingMessage[], outcomes: Outcome[]): Promise<number> {
    let acked = 0;
    await this.uow.run(systemContext(), async (w) => {
      const ok = batch.flatMap((m, i) => { const o = outcomes[i]!; return o.ok ? [{ id: m.id, ack: o.ack }] : []; });
      const done = await outbox.acknowledge(w.tx, ok, w.now);
      const failed: Array<{ id: string; error: string }> = [];
      const dead: string[] = [];
      for (const [i, m] of batch.entries()) {
        const o = outcomes[i]!;
        const base = { messageId: m.id, partner: p.id, type: m.message.type, sequence: m.message.sequence, consignmentRef: m.message.consignmentRef };
        if (o.ok) {
          if (done.has(m.id)) w.emit({ type: 'exchange.message_sent', subject: m.id, data: { ...base, contentSha256: m.contentSha256, acknowledgedAt: o.ack.ack.receivedAt } });
        } else if (m.attempts + 1 >= this.settings.maxAttempts) {
          await outbox.deadLetter(w.tx, m.id, o.error, w.now);
          dead.push(m.id);
          w.emit({ type: 'exchange.message_dead_lettered', subject: m.id, data: { ...base, attempts: m.attempts + 1, lastError: o.error } });
          this.log.warn({ messageId: m.id, partner: p.id, error: o.error }, 'exchange message dead-lettered');
        } else {
          await outbox.failed(w.tx, m.id, o.error, new Date(w.now.getTime() + backoffMs(m.attempts + 1, this.settings, this.rng)));
          failed.push({ id: m.id, error: o.error });
        }
      }
      acked = done.size;
      // One record per request, not per message: an outage must not flood the audit chain.
      w.audit({
        action: 'exchange.delivery', targetType: 'exchange_partner', targetId: p.id, outcome: failed.length + dead.length === 0 ? 'success' : 'failed',
        details: { acknowledged: [...done], alreadyAcknowledged: ok.length - done.size, failed: failed.length, firstError: failed[0]?.error ?? null, deadLettered: dead },
      });
    });
    return acked;
  }
}
