import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Db } from '../db/index.ts';
import type { Logger } from '../log/index.ts';
import type { Consumer } from './delivery.ts';
import { runRemoteConsumer, type RemoteConsumer } from './jetstream-consumer.ts';
import { ensureStream, type StreamSettings } from './jetstream-stream.ts';
import { assertSiteId, assertSubjectPrefix, DEFAULT_STREAM, DEFAULT_SUBJECT_PREFIX, encodeEvent, eventSubject } from './jetstream-wire.ts';

/** Where JetStream is and how this site uses it. */
export interface JetStreamOptions {
  /** `nats://host:4222` (NATS_URL). */
  url: string;
  /** This site's id (SITE_ID): the second token of every subject it publishes. */
  siteId: string;
  log: Logger;
  /** Stream name; default `BORDERFLOW_EVENTS`. Tests pass their own. */
  stream?: string;
  /** Subject prefix; default `borderflow.events`. Tests pass their own. */
  subjectPrefix?: string;
  /** Default 2 minutes. */
  duplicateWindowMs?: number;
  /** Default 7 days. */
  maxAgeMs?: number;
  /** How long a publish waits for the stream's acknowledgement; default 5 s. */
  publishTimeoutMs?: number;
  /** Remote consumers: unacknowledged messages come back after this; default 30 s. */
  ackWaitMs?: number;
  /** How long the first connection may take before start-up fails; default 5 s. */
  connectTimeoutMs?: number;
}

/** The events adapter for NATS JetStream, as the composition root uses it. */
export interface JetStreamEvents {
  /** Subscribe this to the EventBus: it publishes every committed event, in order. */
  publisher: Consumer;
  /** Runs a consumer off the stream (durable, deduplicated) against this process's database. */
  runRemoteConsumer(db: Db, consumer: Consumer): Promise<RemoteConsumer>;
  /** True when the NATS server answers a round trip now (for readiness). */
  ping(): Promise<boolean>;
  /** Stops the remote consumers started here, then closes the connection. */
  close(): Promise<void>;
}

/** The EventBus consumer name of the publisher: its checkpoint is "published up to here". */
export const PUBLISHER_NAME = 'jetstream-publisher';
const PING_TIMEOUT_MS = 2_000;

/**
 * Connects to NATS, makes sure the stream exists, and returns the publisher and the means to
 * run remote consumers. Fails fast when the server cannot be reached at start-up; after that
 * the connection reconnects forever and the outbox holds events until it is back.
 */
export async function connectJetStream(options: JetStreamOptions): Promise<JetStreamEvents> {
  assertSiteId(options.siteId);
  const subjectPrefix = options.subjectPrefix ?? DEFAULT_SUBJECT_PREFIX;
  assertSubjectPrefix(subjectPrefix);
  const stream: StreamSettings = {
    name: options.stream ?? DEFAULT_STREAM,
    subjectPrefix,
    duplicateWindowMs: options.duplicateWindowMs ?? 2 * 60_000,
    maxAgeMs: options.maxAgeMs ?? 7 * 24 * 3_600_000,
  };
  const log = options.log.child({ component: 'jetstream', stream: stream.name });
  const nc = await connect({
    servers: options.url,
    name: `borderflow-${options.siteId}`,
    timeout: options.connectTimeoutMs ?? 5_000,
    maxReconnectAttempts: -1,
  }).catch((err: unknown) => {
    throw new Error(`cannot connect to NATS at ${serverName(options.url)}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  let connected = true;
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') {
        connected = false;
        log.warn('NATS disconnected; events wait in the outbox');
      } else if (s.type === 'reconnect') {
        connected = true;
        log.info('NATS reconnected');
      }
    }
  })();
  try {
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, stream);
    log.info({ subjects: `${subjectPrefix}.>` }, 'JetStream stream ready');
    return assemble(nc, jsm, jetstream(nc), options, stream, log, () => connected);
  } catch (err) {
    await nc.close();
    throw err;
  }
}

/** The server part of a NATS URL, without credentials, for messages. */
function serverName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'NATS_URL';
  }
}

function assemble(
  nc: NatsConnection,
  jsm: JetStreamManager,
  js: JetStreamClient,
  options: JetStreamOptions,
  stream: StreamSettings,
  log: Logger,
  isConnected: () => boolean,
): JetStreamEvents {
  const running = new Set<RemoteConsumer>();
  // After a failed publish the stream may have been deleted or reconfigured: check it again.
  let streamChecked = true;
  const publisher: Consumer = {
    name: PUBLISHER_NAME,
    types: '*',
    async handle(event) {
      // Fail now rather than hold the delivery transaction open for a publish timeout.
      if (!isConnected()) throw new Error('NATS is not connected');
      if (!streamChecked) await ensureStream(jsm, stream);
      streamChecked = true;
      try {
        // The message id is the event id: JetStream drops a re-publish after a crash between
        // this publish and the bus checkpoint, as long as it falls in the duplicate window.
        await js.publish(eventSubject(stream.subjectPrefix, options.siteId, event.type), encodeEvent(event), {
          msgID: event.id,
          timeout: options.publishTimeoutMs ?? 5_000,
        });
      } catch (err) {
        streamChecked = false;
        throw err;
      }
    },
  };
  return {
    publisher,
    async runRemoteConsumer(db, consumer) {
      const deps = { js, jsm, log, stream: stream.name, subjectPrefix: stream.subjectPrefix, ackWaitMs: options.ackWaitMs ?? 30_000 };
      const handle = await runRemoteConsumer({ ...deps, serverVersion: nc.info?.version ?? '0.0.0' }, db, consumer);
      running.add(handle);
      return {
        async stop() {
          await handle.stop();
          running.delete(handle);
        },
      };
    },
    async ping() {
      if (nc.isClosed() || !isConnected()) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
      try {
        return await Promise.race([nc.rtt().then(() => true), timeout]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await Promise.all([...running].map((r) => r.stop()));
      running.clear();
      if (!nc.isClosed()) await nc.close();
    },
  };
}
