import type { Clock } from '../../infra/clock/index.ts';
import { AppError } from '../../infra/errors/index.ts';
import { writeInDelivery, type Consumer } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { MessageDraft, OutboxService } from './outbox-service.ts';
import type { ExchangePorts } from './ports.ts';
import { partners } from './store/partners.ts';

/** The consumer's name: its checkpoint in the event bus. */
export const EXCHANGE_CONSUMER = 'exchange.customs';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * Tells the partners about our export declarations: a `pre-arrival-notice` when one is submitted
 * and again when assessed (with its channel), a `release-notice` when it is released. The
 * messages are queued in the bus's delivery transaction, so each customs event queues them once.
 */
export function exchangeConsumer(clock: Clock, ids: IdGenerator, out: OutboxService, ports: ExchangePorts, onQueued: () => void): Consumer {
  return {
    name: EXCHANGE_CONSUMER,
    types: ['declaration.submitted', 'declaration.assessed', 'declaration.released'],
    async handle(event, tx) {
      const d = event.data;
      if (d.type !== 'export') return;
      const type = event.type === 'declaration.released' ? 'release-notice' : 'pre-arrival-notice';
      const to = (await partners.list(tx)).filter((p) => p.receives.includes(type));
      if (to.length === 0) return;
      const summary = await ports.declaration?.(tx, event.subject);
      const payload = type === 'release-notice'
        ? { declarationId: event.subject, releasedAt: new Date(event.occurredAt).toISOString(), ...(isNotice(d.releaseNotice) ? { releaseNotice: { keyId: d.releaseNotice.keyId, qr: d.releaseNotice.qr } } : {}) }
        : {
            declarationId: event.subject, state: String(d.state ?? 'submitted'), channel: (['green', 'yellow', 'red'] as unknown[]).includes(d.channel) ? d.channel : null,
            borderGate: str(d.borderGate), expectedArrival: str(d.expectedArrival), transport: { tractorPlate: str(d.tractorPlate), trailerPlate: str(d.trailerPlate) },
            containers: Array.isArray(d.containers) ? d.containers.filter((c): c is string => typeof c === 'string') : [], grossMassKg: summary?.grossMassKg ?? 0,
            goodsItems: typeof d.goodsItems === 'number' ? d.goodsItems : 0,
          };
      const drafts: MessageDraft[] = to.map((p) => ({ to: p.id, type, consignmentRef: event.subject, payload }));
      await writeInDelivery(tx, { clock, ids, consumer: EXCHANGE_CONSUMER, event }, async (w) => {
        try {
          await out.enqueue(w, drafts);
        } catch (err) {
          // A notice our own schema refuses must not hold up every later event: record it and go on.
          if (!(err instanceof AppError)) throw err;
          w.audit({ action: 'exchange.notice_not_sent', targetType: 'declaration', targetId: event.subject, outcome: 'failed', details: { type, code: err.code, detail: err.detail } });
        }
      });
      // The bus commits after this returns; the sender's next poll (or this nudge) picks the messages up.
      setTimeout(onQueued, 50).unref();
    },
  };
}

function isNotice(v: unknown): v is { keyId: string; qr: string } {
  return typeof v === 'object' && v !== null && typeof (v as { keyId?: unknown }).keyId === 'string' && typeof (v as { qr?: unknown }).qr === 'string';
}
