/**
 * What the transparency log records and how an entry becomes a leaf, pure. An entry says that
 * something of a type happened to a subject at a time, with the SHA-256 of its canonical content:
 * no names, no content, nothing personal — whoever holds the content can prove it was logged.
 */
import { canonicalJson, sha256Hex } from '../../infra/crypto/index.ts';
import { isEventType, type DomainEvent } from '../../infra/events/index.ts';

/**
 * The platform events that are logged: declaration versions, documents and decisions on them
 * (customs, docs/customs.md). Drafts and workload changes (reassignment) are not decisions on the
 * goods and stay out. Gate barrier decisions are logged too; modules may also append directly
 * (`LedgerModule.append`).
 */
export const LOGGED_EVENT_TYPES: readonly string[] = [
  'declaration.submitted', // version 1 of a declaration
  'declaration.amended', // every later version
  'declaration.document_attached', // carries the document's SHA-256
  'declaration.documents_provided',
  'declaration.assessed', // channel, score, reasons and the assessor (model and rule-set versions)
  'declaration.channel_overridden',
  'declaration.documents_requested',
  'declaration.documents_accepted',
  'declaration.inspection_scheduled',
  'declaration.inspected',
  'declaration.held',
  'declaration.released', // carries the signed release notice
  'declaration.rejected',
  'declaration.cancelled',
  'gate.barrier_decided', // open / hold at a barrier, with its reasons
  'exchange.message_sent', // a partner message, acknowledged by the partner (carries its SHA-256)
  'exchange.message_received', // a partner message, verified and stored by our inbox
];

/** A logged entry as stored and served. */
export interface LedgerEntry {
  index: number;
  /** Where it came from (the outbox event id, or the caller's id for a direct append); unique. */
  sourceId: string;
  type: string;
  subject: string;
  /** ISO 8601 instant, kept as text so the leaf can be recomputed byte for byte. */
  occurredAt: string;
  /** Lower-case hex SHA-256 of the canonical content. */
  contentSha256: string;
}

/** What an appender hands in: the content itself (hashed here) or its SHA-256. */
export type NewEntry = Omit<LedgerEntry, 'index' | 'contentSha256' | 'occurredAt'> & { occurredAt: Date | string } & (
    | { content: unknown; contentSha256?: undefined }
    | { contentSha256: string; content?: undefined }
  );

/** Leaf encoding version, part of every leaf so the encoding can change without ambiguity. */
export const LEAF_VERSION = 1;

/**
 * The leaf data d(m) of RFC 9162 §2.1.1 for an entry: the UTF-8 of the RFC 8785 canonical JSON of
 * its fields (not the index: position is what the tree proves).
 */
export function leafData(e: Omit<LedgerEntry, 'index'>): Buffer {
  const leaf = { v: LEAF_VERSION, sourceId: e.sourceId, type: e.type, subject: e.subject, occurredAt: e.occurredAt, contentSha256: e.contentSha256 };
  return Buffer.from(canonicalJson(leaf), 'utf8');
}

/** SHA-256 of the RFC 8785 canonical JSON of a value, lower-case hex. */
export function contentHash(content: unknown): string {
  return sha256Hex(canonicalJson(content));
}

/** A problem with an entry an appender handed in. */
export interface EntryProblem {
  field: 'sourceId' | 'type' | 'subject' | 'occurredAt' | 'contentSha256';
  message: string;
}

/** Normalises a new entry (hashes content, formats the time) or names what is wrong with it. */
export function normaliseEntry(input: NewEntry): Omit<LedgerEntry, 'index'> | EntryProblem {
  if (typeof input.sourceId !== 'string' || input.sourceId.length === 0 || input.sourceId.length > 1000) return { field: 'sourceId', message: 'is 1 to 1000 characters' };
  if (typeof input.type !== 'string' || input.type.length > 200 || !isEventType(input.type)) return { field: 'type', message: 'is noun.verb' };
  // Generous on purpose: an event the consumer could not log would hold up every event after it.
  if (typeof input.subject !== 'string' || input.subject.length > 1000) return { field: 'subject', message: 'is at most 1000 characters' };
  const at = typeof input.occurredAt === 'string' ? new Date(input.occurredAt) : input.occurredAt;
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) return { field: 'occurredAt', message: 'is an instant' };
  const contentSha256 = input.contentSha256 ?? contentHash(input.content ?? null);
  if (!/^[0-9a-f]{64}$/.test(contentSha256)) return { field: 'contentSha256', message: 'is 64 lower-case hex digits' };
  return { sourceId: input.sourceId, type: input.type, subject: input.subject, occurredAt: at.toISOString(), contentSha256 };
}

/** The entry for a platform event: its id, type, subject and time, and the hash of its data. */
export function entryFromEvent(event: DomainEvent): NewEntry {
  const base = { sourceId: event.id, type: event.type, subject: event.subject, occurredAt: event.occurredAt };
  // A declaration version is logged by the hash of the declaration itself, so the document as
  // served proves its own inclusion; every other entry by the hash of the event's data.
  const named = (event.data as { contentSha256?: unknown }).contentSha256;
  if (VERSION_TYPES.has(event.type) && typeof named === 'string' && /^[0-9a-f]{64}$/.test(named)) return { ...base, contentSha256: named };
  return { ...base, content: event.data };
}

/** Events that carry a new version of a document with the SHA-256 of its canonical content. */
const VERSION_TYPES = new Set(['declaration.submitted', 'declaration.amended']);

/** The log's origin (and its signing key's name): a schema-less URL made from the site id. */
export function ledgerOrigin(siteId: string): string {
  return `borderflow.example/${siteId}`;
}

/** The name of this site's witness (cosigner) key. */
export function witnessName(siteId: string): string {
  return `borderflow.example/${siteId}/witness`;
}
