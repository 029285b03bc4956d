import { connect, type MqttClient } from 'mqtt';
import type { Logger } from '../log/index.ts';
import { encodePayload, orderedDelivery } from './delivery.ts';
import { isValidTopicFilter, isValidTopicName, topicMatches } from './topics.ts';
import type { MessageHandler, MqttBus, PublishOptions } from './types.ts';

/** Options for the client to an external broker. */
export interface ExternalBrokerOptions {
  url: string;
  clientId: string;
  log: Logger;
  /** How long start-up waits for the first connection before going on and retrying in the background. */
  firstConnectTimeoutMs?: number;
  /** Reconnect delay after the first failure; it doubles up to `maxReconnectMs`. */
  minReconnectMs?: number;
  maxReconnectMs?: number;
}

type Deliver = (topic: string, payload: Buffer) => void;

/** The URL without its password, for logs. */
function displayUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/**
 * Connects to an external broker (Mosquitto, EMQX) as the platform. Subscriptions use QoS 1 and
 * are renewed by the client after every reconnect; reconnects back off exponentially. Device
 * authentication is the broker's business in this mode (password file, dynamic security).
 */
export async function connectExternalBroker(opts: ExternalBrokerOptions): Promise<MqttBus> {
  const where = displayUrl(opts.url);
  const log = opts.log.child({ component: 'mqtt', broker: where, clientId: opts.clientId });
  const minReconnect = opts.minReconnectMs ?? 1_000;
  const maxReconnect = opts.maxReconnectMs ?? 30_000;
  const client: MqttClient = connect(opts.url, {
    clientId: opts.clientId,
    protocolVersion: 4, // 3.1.1, the version the embedded broker speaks: one behaviour for both
    clean: true,
    keepalive: 30,
    connectTimeout: 10_000,
    reconnectPeriod: minReconnect,
    reconnectOnConnackError: true,
  });

  let failures = 0;
  // mqtt.js retries at a fixed period and reads it afresh for every attempt; raising it on each
  // attempt turns that into exponential backoff with jitter, so a restarting broker is not stampeded.
  client.on('reconnect', () => {
    failures += 1;
    const delay = Math.min(maxReconnect, minReconnect * 2 ** failures);
    client.options.reconnectPeriod = Math.round(delay * (0.8 + Math.random() * 0.4));
  });
  client.on('connect', () => {
    if (failures > 0) log.info({ attempts: failures }, 'reconnected to MQTT broker');
    failures = 0;
    client.options.reconnectPeriod = minReconnect;
  });
  client.on('offline', () => log.warn('MQTT broker unreachable; retrying in the background'));
  client.on('error', (err) => log.warn({ err: err.message }, 'MQTT client error'));

  const subscriptions = new Map<string, Set<Deliver>>();
  client.on('message', (topic, payload) => {
    for (const [filter, delivers] of subscriptions) {
      if (topicMatches(filter, topic)) for (const deliver of delivers) deliver(topic, payload);
    }
  });

  await firstConnection(client, opts.firstConnectTimeoutMs ?? 5_000, where, log);

  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | null = null;

  return {
    async publish(topic: string, payload: object | string | Buffer, options?: PublishOptions): Promise<void> {
      if (closing) throw new Error('MQTT bus is closed');
      if (!isValidTopicName(topic)) throw new TypeError(`not a topic one can publish to: ${JSON.stringify(topic)}`);
      // Fail now rather than wait in mqtt.js's offline queue for a reconnect that may never come.
      if (!client.connected) throw new Error(`MQTT broker ${where} is not connected`);
      const sent = client.publishAsync(topic, encodePayload(payload), { qos: options?.qos ?? 0, retain: options?.retain ?? false });
      inFlight.add(sent);
      try {
        await sent;
      } finally {
        inFlight.delete(sent);
      }
    },

    async subscribe(filter: string, handler: MessageHandler): Promise<() => Promise<void>> {
      if (closing) throw new Error('MQTT bus is closed');
      if (!isValidTopicFilter(filter)) throw new TypeError(`not a valid topic filter: ${JSON.stringify(filter)}`);
      const deliver = orderedDelivery(filter, handler, log);
      let delivers = subscriptions.get(filter);
      const first = !delivers;
      if (!delivers) subscriptions.set(filter, (delivers = new Set()));
      // Registered before SUBSCRIBE goes out: retained messages may arrive before the SUBACK is seen.
      delivers.add(deliver);
      const remove = async (): Promise<void> => {
        if (!delivers.delete(deliver) || delivers.size > 0 || subscriptions.get(filter) !== delivers) return;
        subscriptions.delete(filter);
        if (!closing && client.connected) await client.unsubscribeAsync(filter);
      };
      if (first) {
        try {
          // mqtt.js rejects a refused subscription (SUBACK 0x80) with an opaque "Unspecified error".
          const granted = await client.subscribeAsync(filter, { qos: 1 });
          if (granted.some((g) => g.qos === 128)) throw new Error('SUBACK 0x80');
        } catch (err) {
          await remove().catch(() => undefined);
          throw new Error(`MQTT broker ${where} refused the subscription to ${filter}: ${(err as Error).message}`, { cause: err });
        }
      }
      return remove;
    },

    disconnectDevice(): number {
      return 0; // devices log in to the external broker with credentials it holds, not ours
    },

    async ping(): Promise<boolean> {
      return !closing && client.connected;
    },

    close(): Promise<void> {
      closing ??= (async () => {
        // Let acknowledged-but-unanswered publishes finish briefly, then leave without waiting on a dead broker.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => (timer = setTimeout(resolve, 2_000)))]);
        clearTimeout(timer);
        await client.endAsync(true);
        log.info('disconnected from MQTT broker');
      })();
      return closing;
    },
  };
}

/**
 * Waits for the first CONNACK. A broker that refuses the platform's credentials is a
 * configuration error and fails start-up; one that is merely down is retried in the background
 * while `/health/ready` reports it.
 */
function firstConnection(client: MqttClient, timeoutMs: number, where: string, log: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      client.off('connect', onConnect);
      client.off('error', onError);
    };
    const onConnect = (): void => {
      done();
      log.info('connected to MQTT broker');
      resolve();
    };
    const onError = (err: Error & { code?: unknown }): void => {
      if (typeof err.code !== 'number') return; // network trouble: keep trying
      done();
      client.end(true);
      reject(new Error(`MQTT broker ${where} refused the platform's connection: ${err.message}`, { cause: err }));
    };
    const timer = setTimeout(() => {
      done();
      log.warn({ waitedMs: timeoutMs }, 'MQTT broker not reachable yet; starting anyway and retrying');
      resolve();
    }, timeoutMs);
    client.on('connect', onConnect);
    client.on('error', onError);
  });
}
