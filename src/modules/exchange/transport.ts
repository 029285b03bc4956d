import type { SignedMessage } from './messages.ts';
import type { Partner } from './model.ts';

/** What came back from the partner: its HTTP status and parsed JSON body (null when there was none). */
export interface TransportReply {
  status: number;
  body: unknown;
}

/** The wire to partners: HTTP by default; tests may put a fault in it. */
export interface PartnerTransport {
  /** POSTs a batch of signed messages to the partner's inbox. Rejects on network failure or timeout. */
  deliver(partner: Partner, messages: SignedMessage[]): Promise<TransportReply>;
  /** GETs the partner's published key list. */
  fetchKeys(partner: Partner): Promise<TransportReply>;
}

async function request(url: string, init: RequestInit, timeoutMs: number): Promise<TransportReply> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, body };
}

/** HTTP (fetch) to `{endpoint}/api/exchange/inbox/batch` and `{endpoint}/api/exchange/keys`. */
export function httpTransport(timeoutMs: number): PartnerTransport {
  const base = (p: Partner) => p.endpoint.replace(/\/+$/, '');
  return {
    deliver: (p, messages) => request(`${base(p)}/api/exchange/inbox/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages }) }, timeoutMs),
    fetchKeys: (p) => request(`${base(p)}/api/exchange/keys`, { method: 'GET' }, timeoutMs),
  };
}
