import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { subjectsForTypes } from './jetstream-wire.ts';

/** The stream's shape: what it captures and how long it remembers. */
export interface StreamSettings {
  name: string;
  /** Literal prefix; the stream captures `<prefix>.>`. */
  subjectPrefix: string;
  /** Re-publishes of the same event id within this window are dropped, in ms. */
  duplicateWindowMs: number;
  /** Events older than this are discarded, in ms. */
  maxAgeMs: number;
}

/** A durable pull consumer's shape on the server. */
export interface DurableSettings {
  stream: string;
  name: string;
  subjectPrefix: string;
  types: readonly string[] | '*';
  /** Unacknowledged messages are redelivered after this long, in ms. */
  ackWaitMs: number;
  /** Server version, e.g. `2.9.10`: before 2.10 a consumer takes one filter subject only. */
  serverVersion: string;
}

/**
 * Creates the stream, or brings the settings we own (subjects, duplicate window, max age) up to
 * date on an existing one, leaving what operators tuned (replicas, placement, limits) alone.
 * Safe to call from every process at every start.
 */
export async function ensureStream(jsm: JetStreamManager, s: StreamSettings): Promise<void> {
  const wanted: Partial<StreamConfig> = {
    subjects: [`${s.subjectPrefix}.>`],
    duplicate_window: nanos(s.duplicateWindowMs),
    max_age: nanos(s.maxAgeMs),
  };
  const existing = await jsm.streams.info(s.name).catch(notFoundAsNull);
  if (!existing) {
    await jsm.streams.add({
      name: s.name,
      ...wanted,
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
    });
    return;
  }
  const c = existing.config;
  const same =
    c.subjects?.length === 1 && c.subjects[0] === wanted.subjects![0] && c.duplicate_window === wanted.duplicate_window && c.max_age === wanted.max_age;
  if (!same) await jsm.streams.update(s.name, { ...c, ...wanted });
}

/**
 * Creates the durable pull consumer or updates its filter. One message in flight at a time
 * (`max_ack_pending: 1`) is what keeps delivery in stream order across failures and redeliveries.
 * Returns true when the server filters by type; false when the handler must skip other types
 * itself (several types on a server older than 2.10).
 */
export async function ensureDurable(jsm: JetStreamManager, d: DurableSettings): Promise<boolean> {
  const subjects = subjectsForTypes(d.subjectPrefix, d.types);
  const multiFilter = atLeast(d.serverVersion, 2, 10);
  const single = subjects.length === 1;
  const filter: Partial<ConsumerConfig> = single
    ? { filter_subject: subjects[0] }
    : multiFilter
      ? { filter_subjects: subjects }
      : { filter_subject: subjectsForTypes(d.subjectPrefix, '*')[0] };
  const wanted: Partial<ConsumerConfig> = { ...filter, max_ack_pending: 1, ack_wait: nanos(d.ackWaitMs), max_deliver: -1 };
  const existing = await jsm.consumers.info(d.stream, d.name).catch(notFoundAsNull);
  if (!existing) {
    await jsm.consumers.add(d.stream, {
      ...wanted,
      durable_name: d.name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
  } else {
    const c = existing.config;
    const same =
      c.filter_subject === wanted.filter_subject &&
      JSON.stringify(c.filter_subjects ?? []) === JSON.stringify(wanted.filter_subjects ?? []) &&
      c.max_ack_pending === 1 &&
      c.ack_wait === wanted.ack_wait;
    if (!same) await jsm.consumers.update(d.stream, d.name, wanted);
  }
  return single || multiFilter;
}

function notFoundAsNull(err: unknown): null {
  const code = err instanceof JetStreamApiError ? err.code : 0;
  if (code === JetStreamApiCodes.StreamNotFound || code === JetStreamApiCodes.ConsumerNotFound) return null;
  throw err;
}

function atLeast(version: string, major: number, minor: number): boolean {
  const [ma = 0, mi = 0] = version.split('.').map((p) => Number.parseInt(p, 10));
  return ma > major || (ma === major && mi >= minor);
}
