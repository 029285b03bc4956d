import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Aedes, type AedesPublishPacket } from 'aedes';
import type { Logger } from '../log/index.ts';
import { guardBroker } from './broker-guard.ts';
import { encodePayload, orderedDelivery } from './delivery.ts';
import { isValidTopicFilter, isValidTopicName, topicMatches } from './topics.ts';
import type { DeviceAuthenticator, MessageHandler, MqttBus, PublishOptions } from './types.ts';

/** Options for the embedded broker. */
export interface EmbeddedBrokerOptions {
  /** TCP port for devices; 0 picks a free one (reported back as `port`). */
  port: number;
  /** Interface to listen on; Node's default (all interfaces) when absent. */
  host?: string;
  log: Logger;
  devices: DeviceAuthenticator;
}

// Retained messages live in aedes' persistence, which its typings do not expose.
interface RetainedStore {
  createRetainedStream(pattern: string): AsyncIterable<{ topic: string; payload: Buffer | string }>;
}

const toBuffer = (payload: Buffer | string): Buffer => (Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8'));

/**
 * Starts an aedes MQTT 3.1.1 broker on a TCP port, with device authentication and topic
 * authorization (see `guardBroker`), and returns the platform's in-process bus on it. The
 * platform's own messages never touch the network or the device checks.
 */
export async function startEmbeddedBroker(opts: EmbeddedBrokerOptions): Promise<MqttBus & { port: number }> {
  const log = opts.log.child({ component: 'mqtt', broker: 'embedded' });
  // Prefixing client ids with the device id (see guardBroker) makes them longer than MQTT 3.1's 23.
  const broker = await Aedes.createBroker({ maxClientsIdLength: 256 });
  // aedes emits 'error' when its persistence fails (its typings omit the event); unheard, it would crash the process.
  (broker as unknown as NodeJS.EventEmitter).on('error', (err: Error) => log.error({ err }, 'MQTT broker error'));
  guardBroker(broker, opts.devices, log);

  const server = createServer(broker.handle);
  // Sockets that never sent CONNECT are not aedes clients yet; close() must end them too.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw new Error(`embedded MQTT broker cannot listen on ${opts.host ?? '*'}:${opts.port}: ${(err as Error).message}`, { cause: err });
  }
  server.on('error', (err) => log.error({ err }, 'MQTT listener error'));
  const port = (server.address() as AddressInfo).port;
  log.info({ port, host: opts.host ?? '*' }, 'embedded MQTT broker listening');

  let closing: Promise<void> | null = null;
  const assertOpen = (): void => {
    if (closing || broker.closed) throw new Error('MQTT bus is closed');
  };

  return {
    port,

    async publish(topic: string, payload: object | string | Buffer, options?: PublishOptions): Promise<void> {
      assertOpen();
      if (!isValidTopicName(topic)) throw new TypeError(`not a topic one can publish to: ${JSON.stringify(topic)}`);
      const packet = { cmd: 'publish' as const, topic, payload: encodePayload(payload), qos: options?.qos ?? 0, retain: options?.retain ?? false, dup: false };
      await new Promise<void>((resolve, reject) => broker.publish(packet, (err) => (err ? reject(err) : resolve())));
    },

    async subscribe(filter: string, handler: MessageHandler): Promise<() => Promise<void>> {
      assertOpen();
      if (!isValidTopicFilter(filter)) throw new TypeError(`not a valid topic filter: ${JSON.stringify(filter)}`);
      const dispatch = orderedDelivery(filter, handler, log);
      const listener = (packet: AedesPublishPacket, done: () => void): void => {
        done(); // never hold up the broker while a handler runs
        // aedes' emitter lets `#` see `$SYS/…`; an MQTT subscriber would not (§4.7.2).
        if (topicMatches(filter, packet.topic)) dispatch(packet.topic, toBuffer(packet.payload));
      };
      await new Promise<void>((resolve) => broker.subscribe(filter, listener, resolve));
      // A new MQTT subscription receives the retained messages it matches; so does ours.
      for await (const retained of (broker as unknown as { persistence: RetainedStore }).persistence.createRetainedStream(filter)) {
        if (topicMatches(filter, retained.topic)) dispatch(retained.topic, toBuffer(retained.payload));
      }
      let subscribed = true;
      return async () => {
        if (!subscribed || broker.closed) return;
        subscribed = false;
        await new Promise<void>((resolve) => broker.unsubscribe(filter, listener, resolve));
      };
    },

    disconnectDevice(deviceId: string): number {
      // Client ids are `<device id>:<client id>` (guardBroker), so a device's sessions are found by prefix.
      const clients = Object.values((broker as unknown as { clients: Record<string, { id: string; close(): void }> }).clients);
      const own = clients.filter((c) => c.id.startsWith(`${deviceId}:`));
      for (const client of own) client.close();
      if (own.length > 0) log.info({ deviceId, connections: own.length }, 'deactivated device disconnected');
      return own.length;
    },

    async ping(): Promise<boolean> {
      return !closing && !broker.closed && server.listening;
    },

    close(): Promise<void> {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await new Promise<void>((resolve) => broker.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await stopped;
        log.info('embedded MQTT broker stopped');
      })();
      return closing;
    },
  };
}
