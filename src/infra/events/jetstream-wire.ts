import type { DomainEvent } from './outbox.ts';
import { isEventType } from './outbox.ts';

/** The JetStream stream that carries committed events between processes and sites. */
export const DEFAULT_STREAM = 'BORDERFLOW_EVENTS';
/** Subjects are `<prefix>.<siteId>.<type>`, e.g. `borderflow.events.VN-MONGCAI.declaration.submitted`. */
export const DEFAULT_SUBJECT_PREFIX = 'borderflow.events';

// A subject token may not hold `.`, `*`, `>` or whitespace; keep site ids to a safe alphabet.
const SITE_ID = /^[A-Za-z0-9_-]+$/;
const PREFIX = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** Throws unless `siteId` can be one subject token. */
export function assertSiteId(siteId: string): void {
  if (!SITE_ID.test(siteId)) throw new Error(`site id "${siteId}" cannot be a NATS subject token (letters, digits, _ and - only)`);
}

/** Throws unless `prefix` is a literal subject (no wildcards). */
export function assertSubjectPrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) throw new Error(`subject prefix "${prefix}" is not a literal NATS subject`);
}

/** The subject an event of this site is published on. */
export function eventSubject(prefix: string, siteId: string, type: string): string {
  return `${prefix}.${siteId}.${type}`;
}

/** The subjects a consumer of these types listens on, from every site. */
export function subjectsForTypes(prefix: string, types: readonly string[] | '*'): string[] {
  if (types === '*') return [`${prefix}.>`];
  return [...new Set(types)].map((type) => `${prefix}.*.${type}`);
}

/** The event as JSON: the message payload. */
export function encodeEvent(event: DomainEvent): Uint8Array {
  const { id, position, txid, type, subject, occurredAt, data } = event;
  return new TextEncoder().encode(JSON.stringify({ id, position, txid, type, subject, occurredAt, data }));
}

/**
 * Reads a message payload back into an event, or returns the reason it is not one. The
 * payload comes from outside the process, so every field is checked before a handler sees it.
 */
export function decodeEvent(payload: Uint8Array): DomainEvent | { invalid: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return { invalid: 'payload is not JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { invalid: 'payload is not a JSON object' };
  const o = raw as Record<string, unknown>;
  for (const field of ['id', 'position', 'txid', 'type', 'subject', 'occurredAt'] as const) {
    if (typeof o[field] !== 'string' || o[field] === '') return { invalid: `${field} must be a non-empty string` };
  }
  if (!isEventType(o.type as string)) return { invalid: 'type is not noun.verb' };
  if (Number.isNaN(Date.parse(o.occurredAt as string))) return { invalid: 'occurredAt is not a timestamp' };
  if (typeof o.data !== 'object' || o.data === null || Array.isArray(o.data)) return { invalid: 'data must be a JSON object' };
  return {
    id: o.id as string,
    position: o.position as string,
    txid: o.txid as string,
    type: o.type as string,
    subject: o.subject as string,
    occurredAt: o.occurredAt as string,
    data: o.data as Record<string, unknown>,
  };
}

/** True when `decodeEvent` rejected the payload. */
export function isInvalid(decoded: DomainEvent | { invalid: string }): decoded is { invalid: string } {
  return 'invalid' in decoded;
}
