import type { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import type { Db } from '../db/index.ts';
import type { Logger } from '../log/index.ts';
import { handles, type Consumer } from './delivery.ts';
import { ensureDurable } from './jetstream-stream.ts';
import { decodeEvent, isInvalid } from './jetstream-wire.ts';
import { markProcessed } from './processed.ts';

/** A consumer running off the stream in this process; stop it before closing its database. */
export interface RemoteConsumer {
  /** Stops taking messages, lets the one in hand finish (commit and ack), then resolves. */
  stop(): Promise<void>;
}

/** What a remote consumer needs from the connection. */
export interface RemoteConsumerDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  log: Logger;
  stream: string;
  subjectPrefix: string;
  ackWaitMs: number;
  serverVersion: string;
}

const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * Runs `consumer` from the JetStream stream: a durable pull consumer named after it, one message
 * at a time in stream order. Each event is handled in a database transaction that also records
 * it in `platform.processed_events`; the message is acknowledged only after that commits, so a
 * crash before the ack redelivers an event the dedup then skips. A handler that throws gets the
 * message back after a growing delay, and nothing after it is delivered meanwhile.
 */
export async function runRemoteConsumer(deps: RemoteConsumerDeps, db: Db, consumer: Consumer): Promise<RemoteConsumer> {
  const log = deps.log.child({ consumer: consumer.name, stream: deps.stream });
  const serverFilters = await ensureDurable(deps.jsm, {
    stream: deps.stream,
    name: consumer.name,
    subjectPrefix: deps.subjectPrefix,
    types: consumer.types,
    ackWaitMs: deps.ackWaitMs,
    serverVersion: deps.serverVersion,
  });
  if (!serverFilters) log.info('server filters one subject per consumer: other event types are skipped here');
  const source = await deps.js.consumers.get(deps.stream, consumer.name);
  const messages = await source.consume({ max_messages: 16 });
  const loop = (async () => {
    for await (const msg of messages) {
      // Whatever goes wrong with one message (even its nak), the loop goes on: an unacknowledged
      // message comes back after the ack wait.
      await processMessage(db, consumer, msg, log).catch((err: unknown) => log.error({ err, seq: msg.seq }, 'remote event not processed'));
    }
  })().catch((err: unknown) => log.error({ err }, 'remote consumer stopped on an error'));
  log.info('remote consumer started');
  let stopped: Promise<void> | null = null;
  return {
    stop() {
      stopped ??= (async () => {
        await messages.close();
        await loop;
        log.info('remote consumer stopped');
      })();
      return stopped;
    },
  };
}

async function processMessage(db: Db, consumer: Consumer, msg: JsMsg, log: Logger): Promise<void> {
  const event = decodeEvent(msg.data);
  if (isInvalid(event)) {
    // It can never be handled; keeping it would block every event behind it.
    log.error({ seq: msg.seq, subject: msg.subject, reason: event.invalid }, 'dropping a malformed event message');
    msg.term(event.invalid);
    return;
  }
  if (handles(consumer, event.type)) {
    try {
      await db.transaction().execute(async (tx) => {
        if (await markProcessed(tx, consumer.name, event.id)) await consumer.handle(event, tx);
      });
    } catch (err) {
      const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(msg.info.deliveryCount - 1, 16));
      log.error({ err, eventId: event.id, type: event.type, attempt: msg.info.deliveryCount, retryInMs: delay }, 'remote event handler failed; will retry');
      msg.nak(delay);
      return;
    }
  }
  // A lost ack only means a redelivery, which the processed-events row turns into a no-op.
  await msg.ackAck().catch((err: unknown) => log.warn({ err, eventId: event.id }, 'ack not confirmed; the event may be redelivered'));
}
