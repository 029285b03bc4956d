import { systemContext } from '../../infra/auth/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import type { OutboxService } from './outbox-service.ts';
import type { PartnerService } from './partner-service.ts';
import type { LedgerWitness } from './ports.ts';

/**
 * Part B over the wire: every interval, our latest ledger checkpoint goes to each witnessing
 * partner (one with a witness key that takes `checkpoint-cosignature`) with a consistency proof
 * from the size it last cosigned. Its cosignature comes back as a message, which the processor
 * hands to the ledger. A checkpoint already sent is not sent again.
 */
export class CosignRequests {
  readonly #sent = new Map<string, string>();
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly siteId: string,
    private readonly partners: PartnerService,
    private readonly outbox: OutboxService,
    private readonly witness: LedgerWitness,
    private readonly log: Logger,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.#timer) return;
    this.#timer = setInterval(() => void this.requestNow().catch((err: unknown) => this.log.error({ err }, 'cosigning request failed')), intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Sends our latest checkpoint to every witnessing partner that has not had it; returns how many were sent. */
  async requestNow(): Promise<number> {
    let n = 0;
    for (const p of await this.partners.list()) {
      if (!p.witnessKey || !p.receives.includes('checkpoint-cosignature')) continue;
      const req = await this.witness.requestFor(p.witnessKey);
      if (this.#sent.get(p.id) === req.checkpoint) continue;
      await this.outbox.send(systemContext(), [{
        to: p.id, type: 'checkpoint-cosignature', consignmentRef: `checkpoint:${this.siteId}`,
        payload: { kind: 'request', checkpoint: req.checkpoint, proof: req.proof, fromSize: req.fromSize },
      }]);
      this.#sent.set(p.id, req.checkpoint);
      n++;
    }
    return n;
  }
}
