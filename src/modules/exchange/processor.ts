import { systemContext } from '../../infra/auth/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { AppError } from '../../infra/errors/index.ts';
import type { UnitOfWork, Write } from '../../infra/events/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import type { CapacityAnnouncement, CheckpointCosignature, ExportDeclaration } from './messages.ts';
import type { Partner } from './model.ts';
import type { OutboxService } from './outbox-service.ts';
import type { PartnerService } from './partner-service.ts';
import type { ExchangePorts } from './ports.ts';
import { inbox, type IncomingMessage } from './store/inbox.ts';

/** What handling a message did: a short result, and writes that commit with the "processed" mark. */
interface Handled {
  result: string;
  write?: (w: Write) => Promise<void>;
}

/**
 * Processes received messages in order per consignment: a message waits until the previous one
 * about its consignment (`previousSequence`) has been processed, so a gap holds back only its
 * own consignment. Handlers call other modules through ports in their own transactions; the
 * message is marked processed after, so a crash in between handles it again (the handlers are
 * idempotent: upserts, or a later announcement winning).
 */
export class Processor {
  #chain: Promise<unknown> = Promise.resolve();
  #queued = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly siteId: string,
    private readonly partners: PartnerService,
    private readonly outbox: OutboxService,
    private readonly ports: ExchangePorts,
    private readonly log: Logger,
  ) {}

  /** Polls for work every `ms` as well as on `notify`. */
  start(ms: number): void {
    this.#timer ??= setInterval(() => this.notify(), ms);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#chain.catch(() => undefined);
  }

  /** Asks for a processing round (coalesced). */
  notify(): void {
    if (this.#queued) return;
    this.#queued = true;
    this.#chain = this.#chain.then(async () => {
      this.#queued = false;
      await this.drain().catch((err: unknown) => this.log.error({ err }, 'exchange processing failed'));
    });
  }

  /**
   * Processes everything that is ready, round after round, until nothing is; returns how many
   * were processed. A round holds at most one message per consignment (its successor is not
   * ready until it is marked), so the marks of a round can share one transaction.
   */
  async drain(): Promise<number> {
    let n = 0;
    for (;;) {
      const ready = await inbox.ready(this.db, 200);
      if (ready.length === 0) return n;
      const done: Array<{ id: string; state: 'processed' | 'failed'; result: string; write?: (w: Write) => Promise<void>; type: string }> = [];
      for (const m of ready) done.push({ id: m.id, type: m.message.type, ...(await this.#apply(m)) });
      await this.uow.run(systemContext(), async (w) => {
        const marked = await inbox.markProcessed(w.tx, done, w.now);
        for (const d of done) if (marked.has(d.id)) await d.write?.(w);
        w.audit({ action: 'exchange.message_process', targetType: 'exchange_message', targetId: done.length === 1 ? done[0]!.id : null, details: { messages: done.filter((d) => marked.has(d.id)).map((d) => ({ id: d.id, type: d.type, state: d.state, result: d.result })) } });
      });
      n += ready.length;
    }
  }

  /** Resolves after the rounds asked for so far have run. */
  async idle(): Promise<void> {
    await this.#chain;
  }

  async #apply(m: IncomingMessage): Promise<Handled & { state: 'processed' | 'failed' }> {
    const partner = await this.partners.get(m.partnerId);
    try {
      return { state: 'processed', ...(partner ? await this.#handle(m, partner) : { result: 'partner no longer configured' }) };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      this.log.warn({ messageId: m.id, code: err.code }, 'partner message could not be applied');
      return { state: 'failed', result: `${err.code}: ${err.detail}` };
    }
  }

  async #handle(m: IncomingMessage, partner: Partner): Promise<Handled> {
    const ctx = systemContext(m.id);
    const p = m.message.payload;
    switch (m.message.type) {
      case 'export-declaration':
        return this.#exportDeclaration(ctx, m, p as ExportDeclaration);
      case 'capacity-announcement': {
        const c = p as CapacityAnnouncement;
        if (!this.ports.announcePartnerCapacity) return { result: 'stored (no gate wired)' };
        const direction = c.flow.to === this.siteId.slice(0, 2) ? 'inbound' : 'outbound';
        await this.ports.announcePartnerCapacity(ctx, { direction, laneClass: c.laneClass, from: new Date(c.from), to: new Date(c.to), trucksPerSlot: c.trucksPerSlot });
        return { result: `gate capacity ${direction} ${c.laneClass}: ${c.trucksPerSlot} per slot` };
      }
      case 'checkpoint-cosignature':
        return this.#cosignature(ctx, partner, p as CheckpointCosignature);
      default:
        return { result: 'stored' };
    }
  }

  async #exportDeclaration(ctx: ReturnType<typeof systemContext>, m: IncomingMessage, d: ExportDeclaration): Promise<Handled> {
    if (this.ports.storePartnerExport) {
      await this.ports.storePartnerExport(ctx, {
        consignmentRef: m.message.consignmentRef, source: m.partnerId, exporterTaxId: d.exporter.taxId, tractorPlate: d.transport.tractorPlate,
        containers: d.equipment.map((e) => e.containerNumber),
        goods: d.goods.map((g) => ({ hsCode: g.hsCode, netMassKg: g.netMassKg, grossMassKg: g.grossMassKg, value: g.customsValue, quantity: g.quantity })),
      });
    }
    return {
      result: `advance data for importer ${d.importer.taxId}`,
      write: (w) => inbox.upsertAdvance(w.tx, { partner_id: m.partnerId, consignment_ref: m.message.consignmentRef, message_id: m.id, importer_tax_id: d.importer.taxId, declaration: d, received_at: m.receivedAt }),
    };
  }

  async #cosignature(ctx: ReturnType<typeof systemContext>, partner: Partner, c: CheckpointCosignature): Promise<Handled> {
    const witness = this.ports.witness;
    if (!witness) return { result: 'stored (no ledger wired)' };
    if (c.kind === 'request') {
      if (!partner.ledgerKey) return { result: 'no log key configured for the partner: not witnessed' };
      const r = await witness.witness(ctx, { verifierKey: partner.ledgerKey, checkpoint: c.checkpoint, proof: c.proof });
      const reply = r.ok ? { kind: 'cosignature' as const, cosigned: r.cosigned } : { kind: 'refusal' as const, code: r.code, detail: r.detail.slice(0, 1000), fork: r.fork };
      if (!r.ok) this.log.warn({ partner: partner.id, code: r.code, fork: r.fork }, 'partner checkpoint not cosigned');
      if (partner.receives.includes('checkpoint-cosignature')) await this.outbox.send(ctx, [{ to: partner.id, type: 'checkpoint-cosignature', consignmentRef: `checkpoint:${partner.id}`, payload: reply }]);
      return { result: r.ok ? `cosigned size ${r.size}` : `refused ${r.code}${r.fork ? ` (fork: ${r.fork})` : ''}` };
    }
    if (c.kind === 'cosignature') {
      if (!partner.witnessKey) return { result: 'no witness key configured for the partner: cosignature ignored' };
      const r = await witness.acceptCosignature(ctx, { verifierKey: partner.witnessKey, cosigned: c.cosigned });
      return { result: r.ok ? `cosignature stored for size ${r.size}` : `cosignature refused ${r.code}: ${r.detail}` };
    }
    this.log.warn({ partner: partner.id, code: c.code, fork: c.fork }, 'the partner refused to cosign our checkpoint');
    return { result: `partner refused to cosign: ${c.code}${c.fork ? ` (fork: ${c.fork})` : ''}` };
  }
}
