/** The exchange API as the partner exchange monitoring page uses it (docs/exchange.md). */
import { request } from '../../api.ts';

/** A key with whether it verifies now. */
export interface KeyValidity {
  keyId: string;
  validFrom: string;
  validUntil: string | null;
  validNow: boolean;
}

/** `GET /api/exchange/partners/{id}/health`. */
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
  attention: string[];
}

/** Which way a message went. */
export type Direction = 'out' | 'in';

/** A message as `GET /api/exchange/messages` lists it (fields of the other direction are absent). */
export interface ExchangeMessage {
  id: string;
  direction: Direction;
  partner: string;
  type: string;
  sequence: number;
  previousSequence: number | null;
  consignmentRef: string;
  createdAt: string;
  state: string;
  contentSha256: string;
  payload: unknown;
  attempts?: number;
  nextAttemptAt?: string;
  lastError?: string | null;
  acknowledgedAt?: string | null;
  deadAt?: string | null;
  receivedAt?: string;
  processedAt?: string | null;
  result?: string | null;
  keyId?: string;
}

/** A signed acknowledgement. */
export interface SignedAck {
  ack: { messageId: string; from: string; to: string; status: string; receivedAt: string; contentSha256: string };
  keyId: string;
  signature: string;
}

/** `GET /api/exchange/messages/{id}`: the message with its envelope and acknowledgement. */
export interface MessageDetail extends ExchangeMessage {
  envelope: { id: string; type: string; version: number; from: string; to: string; sequence: number; previousSequence: number | null; consignmentRef: string; createdAt: string; payload: unknown };
  ack: SignedAck | null;
}

/** What the messages table is filtered by; empty strings mean "any". */
export interface MessageFilter {
  direction: '' | Direction;
  state: string;
  type: string;
}

/** One row of the reconciliation report. */
export interface ReconciliationRow {
  day: string;
  partner: string;
  type: string;
  sent: number;
  acknowledged: number;
  pending: number;
  deadLettered: number;
  received: number;
  processed: number;
}

/** `GET /api/exchange/reconciliation`. */
export interface Reconciliation {
  from: string;
  to: string;
  rows: ReconciliationRow[];
  totals: Omit<ReconciliationRow, 'day' | 'partner' | 'type'>;
}

const LIMIT = 200;

export const getPartners = () => request<{ items: Array<{ id: string }> }>('GET', '/api/exchange/partners').then((r) => r.items);
export const getHealth = (partnerId: string) => request<LinkHealth>('GET', `/api/exchange/partners/${encodeURIComponent(partnerId)}/health`);

/** The messages of one direction, or of both merged, newest first. */
export async function getMessages(f: MessageFilter): Promise<ExchangeMessage[]> {
  const directions: Direction[] = f.direction ? [f.direction] : ['out', 'in'];
  const lists = await Promise.all(directions.map((d) => {
    const q = new URLSearchParams({ direction: d, order: 'newest', limit: String(LIMIT) });
    if (f.state) q.set('state', f.state);
    if (f.type) q.set('type', f.type);
    return request<{ items: ExchangeMessage[] }>('GET', `/api/exchange/messages?${q}`).then((r) => r.items);
  }));
  return lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.sequence - a.sequence).slice(0, LIMIT);
}

export const getMessage = (id: string) => request<MessageDetail>('GET', `/api/exchange/messages/${encodeURIComponent(id)}`);
export const retryMessage = (id: string) => request<ExchangeMessage>('POST', `/api/exchange/messages/${encodeURIComponent(id)}/retry`);
export const getReconciliation = (from: string, to: string) =>
  request<Reconciliation>('GET', `/api/exchange/reconciliation?${new URLSearchParams({ from, to })}`);
