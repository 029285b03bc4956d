import type { Db } from '../../infra/db/index.ts';
import { keyValidAt, type Partner, type PartnerKey } from './model.ts';
import { linkFigures } from './store/health.ts';

/** A key with whether it verifies now. */
export interface KeyValidity {
  keyId: string;
  validFrom: string;
  validUntil: string | null;
  validNow: boolean;
}

/** Why a link needs someone's attention (the page translates the codes). */
export type LinkAttention = 'dead_letters' | 'retrying' | 'no_valid_partner_key' | 'processing_failed';

/** The health of the link with one partner (`GET /api/exchange/partners/{id}/health`). */
export interface LinkHealth {
  partner: { id: string; name: string; endpoint: string; sends: string[]; receives: string[] };
  at: string;
  ourKeys: KeyValidity[];
  partnerKeys: KeyValidity[];
  outbox: {
    waiting: number;
    retrying: number;
    deadLettered: number;
    oldestUnacknowledgedAt: string | null;
    oldestUnacknowledgedSeconds: number | null;
    lastDeliveredAt: string | null;
    lastError: string | null;
  };
  inbox: { received: number; pending: number; failed: number; lastReceivedAt: string | null };
  attention: LinkAttention[];
}

const validity = (now: Date) => (k: PartnerKey): KeyValidity => ({ keyId: k.keyId, validFrom: k.validFrom, validUntil: k.validUntil, validNow: keyValidAt(k, now) });

/**
 * What the people watching the link need at a glance: both sides' keys, what still waits in the
 * outbox and since when, the last acknowledged delivery, dead letters, what came in, and the
 * reasons the link needs attention.
 */
export async function linkHealth(db: Db, partner: Partner, ourKeys: readonly PartnerKey[], now: Date): Promise<LinkHealth> {
  const f = await linkFigures(db, partner.id);
  const partnerKeys = partner.keys.map(validity(now));
  const attention: LinkAttention[] = [];
  if (f.deadLettered > 0) attention.push('dead_letters');
  if (f.retrying > 0) attention.push('retrying');
  if (!partnerKeys.some((k) => k.validNow)) attention.push('no_valid_partner_key');
  if (f.receivedFailed > 0) attention.push('processing_failed');
  return {
    partner: { id: partner.id, name: partner.name, endpoint: partner.endpoint, sends: partner.sends, receives: partner.receives },
    at: now.toISOString(),
    ourKeys: ourKeys.map(validity(now)),
    partnerKeys,
    outbox: {
      waiting: f.waiting, retrying: f.retrying, deadLettered: f.deadLettered,
      oldestUnacknowledgedAt: f.oldestWaitingCreatedAt?.toISOString() ?? null,
      oldestUnacknowledgedSeconds: f.oldestWaitingCreatedAt ? Math.max(0, Math.round((now.getTime() - f.oldestWaitingCreatedAt.getTime()) / 1000)) : null,
      lastDeliveredAt: f.lastAcknowledgedAt?.toISOString() ?? null, lastError: f.lastError,
    },
    inbox: { received: f.received, pending: f.receivedPending, failed: f.receivedFailed, lastReceivedAt: f.lastReceivedAt?.toISOString() ?? null },
    attention,
  };
}
